package io.cairn.node.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not part of the suite (no Test/IT suffix): initial sync of a fresh node from one peer, as in the
 * W4 workload (20 blocks of 100 transfers by default), printed as blocks and transactions per second
 * with the share of the wall time the syncing node's chain thread spent connecting blocks
 * ({@code cairn_block_connect_seconds_sum}: rules, state transition and the synced store write; the
 * rest is signature verification on the pool, the network, and waiting). Run with
 * {@code mvn -o -pl node -am test -Dtest=SyncThroughputBench -Dsurefire.failIfNoSpecifiedTests=false
 * [-Dblocks=20] [-DtxsPerBlock=100] [-Dpeers=1]}; with {@code -Dpeers=3} two more servers sync the chain
 * first and the fresh node is given all three.
 */
class SyncThroughputBench {
  @Test
  void freshNodeSyncsFromOnePeer(@TempDir Path dir) {
    int blocks = Integer.getInteger("blocks", 20);
    int perBlock = Integer.getInteger("txsPerBlock", 100);
    ChainSpec spec = TestSpecs.withAllocations(blocks * perBlock, Amount.ofCrn(10));
    TestNodes.quietLogs(dir);
    try (NodeService a = TestNodes.start(dir.resolve("a"), spec)) {
      Rpc ra = Rpc.of(a);
      Hash genesis = a.head().hash();
      String miner = TestKey.of(blocks * perBlock + 1).address().encode(spec.addressPrefix());
      for (int b = 0; b < blocks; b++) {
        ra.submitTransfers(genesis, b * perBlock, perBlock);
        ra.ok("miner_mine", Map.of("blocks", 1, "address", miner));
      }
      long height = a.head().height();
      long txs = (long) blocks * perBlock;
      int peers = Integer.getInteger("peers", 1);
      java.util.List<NodeService> servers = new java.util.ArrayList<>(java.util.List.of(a));
      try {
        for (int i = 1; i < peers; i++) {
          NodeService s = TestNodes.start(dir.resolve("s" + i), spec);
          servers.add(s);
          Rpc.of(s).ok("net_addPeer", Map.of("address", "127.0.0.1:" + a.p2pPort()));
          await().atMost(Duration.ofMinutes(5)).until(() -> s.head().height() >= height);
        }
        sync(dir, spec, servers, height, txs);
      } finally {
        for (int i = 1; i < servers.size(); i++) {
          servers.get(i).close();
        }
      }
    }
  }

  /** A fresh node given every server at once; prints its sync rate and the CPU time it took. */
  private static void sync(Path dir, ChainSpec spec, java.util.List<NodeService> servers, long height, long txs) {
    NodeService a = servers.get(0);
    try (NodeService fresh = TestNodes.start(dir.resolve("b"), spec)) {
      Rpc rb = Rpc.of(fresh);
      Map<String, Long> cpu0 = threadCpu();
      long t0 = System.nanoTime();
      for (NodeService s : servers) {
        rb.ok("net_addPeer", Map.of("address", "127.0.0.1:" + s.p2pPort()));
      }
      await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(5))
          .until(() -> fresh.head().height() >= height);
      double secs = (System.nanoTime() - t0) / 1e9;
      double connect = metric(rb.get("/metrics"), "cairn_block_connect_seconds_sum");
      System.out.printf("W4-like sync from %d peers: %d blocks, %d txs in %.2f s = %.1f blocks/s, %.0f tx/s; chain thread"
          + " connecting %.2f s (%.0f%%), load %s%n", servers.size(), height, txs, secs, height / secs, txs / secs, connect,
          100 * connect / secs, loadAverage());
      Map<String, Long> cpu1 = threadCpu();
      StringBuilder sb = new StringBuilder("CPU seconds by thread (all nodes):");
      long total = 0;
      for (Map.Entry<String, Long> e : cpu1.entrySet()) {
        long d = e.getValue() - cpu0.getOrDefault(e.getKey(), 0L);
        total += d;
        if (d > 50_000_000L) {
          sb.append(String.format(" %s=%.2f", e.getKey(), d / 1e9));
        }
      }
      System.out.printf("%s; total %.2f s = %.1f us/tx%n", sb, total / 1e9, total / 1e3 / txs);
      assertEquals(a.head().hash(), fresh.head().hash());
    }
  }

  /** CPU nanoseconds per thread-name family (digits dropped) of every live thread. */
  private static Map<String, Long> threadCpu() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new java.util.TreeMap<>();
    for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (t != null) {
        long ns = mx.getThreadCpuTime(t.getThreadId());
        if (ns > 0) {
          out.merge(t.getThreadName().replaceAll("[0-9]+", "#"), ns, Long::sum);
        }
      }
    }
    return out;
  }

  private static double metric(String page, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + " ([0-9.eE+-]+)$").matcher(page);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
