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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not part of the suite (no Test/IT suffix): W3-like block propagation between two in-JVM nodes.
 * Node b learns the transactions by relay, then a block holding all of them is mined on a; printed:
 * the time from a's new tip to b's, over {@code -Druns} blocks. Run with {@code mvn -o -pl node -am
 * test -Dtest=BlockRelayBench -Dsurefire.failIfNoSpecifiedTests=false [-Dtxs=2000] [-Druns=3]}.
 */
class BlockRelayBench {
  @Test
  void blockReachesThePeer(@TempDir Path dir) {
    int txs = Integer.getInteger("txs", 2_000);
    int runs = Integer.getInteger("runs", 3);
    ChainSpec spec = TestSpecs.withAllocations(txs * runs, Amount.ofCrn(10));
    TestNodes.quietLogs(dir);
    try (NodeService a = TestNodes.start(dir.resolve("a"), spec);
        NodeService b = NodeService.start(TestNodes.config(dir.resolve("b"), spec,
            List.of("127.0.0.1:" + a.p2pPort()), null, false))) {
      Rpc ra = Rpc.of(a);
      Rpc rb = Rpc.of(b);
      await().atMost(Duration.ofSeconds(30)).until(() -> rb.okObject("net_info").get("connections").getAsInt() >= 1);
      Hash genesis = a.head().hash();
      String miner = TestKey.of(txs * runs + 1).address().encode(spec.addressPrefix());
      for (int run = 0; run < runs; run++) {
        for (int lo = 0; lo < txs; lo += 500) {
          ra.submitTransfers(genesis, run * txs + lo, Math.min(txs, lo + 500) - lo);
        }
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
            .until(() -> rb.okObject("mempool_info").get("size").getAsInt() >= txs);
        long h = a.head().height();
        ra.ok("miner_mine", Map.of("blocks", 1, "address", miner));
        long t0 = System.nanoTime(); // a's tip has moved once mining returns
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1)).until(() -> b.head().height() > h);
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("W3-like: block of %d txs reached the peer %.1f ms after mining returned%n", txs, ms);
        assertEquals(a.head().hash(), b.head().hash());
      }
    }
  }
}
