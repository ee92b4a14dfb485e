package io.cairn.testnet.bench;

import com.google.gson.JsonObject;
import io.cairn.common.model.Transaction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * W1 (mempool acceptance on one node), W2 (relay to 3 fully connected nodes) and W3 (propagation of
 * the block mined from that mempool), one run each call.
 */
final class Relay {
  static final String W1 = "w1";
  static final String W1_RSS = "w1.rss";
  static final String W2 = "w2";
  /** CPU time of the 3 node processes from the first submission to the last full mempool, per transfer (µs). */
  static final String W2_CPU_US = "w2.cpuPerTx";
  static final String W3_TXS = "w3.txs";
  /** From the proof of work found to the last of the 2 peers' tips. */
  static final String W3 = "w3";
  /** From the mined block's header timestamp (its template) to the last of the 2 peers' tips. */
  static final String W3_STAMP = "w3.stamp";
  static final String W3_BYTES = "w3.bytes";
  /** Note: each node's tip after the proof of work was found, miner first (the last run's). */
  static final String W3_TIPS = "w3.tips";
  static final Duration WAIT = Duration.ofMinutes(5);

  private final BenchNet net;
  private final List<Transaction> txs;
  private final List<String> bodies;
  private final String minerAddress;
  private final Results results;

  Relay(BenchNet net, List<Transaction> txs, String minerAddress, Results results) {
    this.net = net;
    this.txs = txs;
    this.bodies = Senders.batches(txs, 100);
    this.minerAddress = minerAddress;
    this.results = results;
  }

  /** W1: a single fresh node; every transfer submitted over JSON-RPC in batches of 100. */
  void w1() {
    BenchNode n = net.start(net.create(List.of(), 0, 0));
    try {
      net.awaitReady(List.of(n), 0, Duration.ofSeconds(60));
      Drive.Submitted s = Drive.submit(n, bodies);
      requireAll(s, "W1");
      results.add(W1, s.perSecond());
      n.peakRss().ifPresent(r -> results.add(W1_RSS, r));
    } finally {
      net.stop(List.of(n));
    }
  }

  /** W2 and W3 on 3 fully connected fresh nodes. */
  void w2w3() {
    BenchNode a = net.start(net.create(List.of(), 0, 0));
    BenchNode b = net.create(List.of(a.p2pAddress()), 1, 0);
    BenchNode c = net.create(List.of(a.p2pAddress(), b.p2pAddress()), 2, 0);
    b = net.start(b);
    c = net.start(c);
    List<BenchNode> all = List.of(a, b, c);
    try {
      net.awaitReady(all, 2, Duration.ofSeconds(60));
      int n = txs.size();
      long cpu0 = cpuNanos(all);
      long t0Ms = System.currentTimeMillis();
      CompletableFuture<Drive.Submitted> sub = CompletableFuture.supplyAsync(() -> Drive.submit(a, bodies));
      // The end is each node's own record of its mempool's last change (nothing else changes it
      // here), so the harness asks only every Drive.POLL_MS: polling every 20 ms cost the three nodes
      // CPU they need for the relay.
      Drive.watch(all, x -> Drive.mempoolSize(x) >= n, Drive.POLL_MS, WAIT, "to hold all " + n + " transfers");
      long cpu1 = cpuNanos(all);
      requireAll(sub.join(), "W2");
      long end = 0;
      for (BenchNode x : all) {
        end = Math.max(end, Drive.mempoolChangedMs(x));
      }
      results.add(W2, n / (Math.max(1, end - t0Ms) / 1e3));
      if (cpu0 >= 0 && cpu1 >= 0) {
        results.add(W2_CPU_US, (cpu1 - cpu0) / 1e3 / n);
      }
      w3(all);
    } finally {
      net.stop(all);
    }
  }

  /**
   * Mines on the first node; from the moment its proof of work was found ({@code miner_mine}'s
   * {@code foundMs}) to the moment the others have the block as tip, as each node's
   * {@code tipSinceMs} says (all on this machine's clock; polling the nodes every few ms would add
   * its own delay and take CPU from them while they connect the block). The miner pushes the block
   * before it connects it, so its own tip is no start line: the peers may connect first.
   */
  private void w3(List<BenchNode> all) {
    long h = Drive.chainInfo(all.get(0)).get("height").getAsLong();
    Drive.Mined mined = Drive.mine(all.get(0), minerAddress);
    long[] since = Drive.tipsSince(all, mined.hash(), h, 20);
    results.add(W3, (double) Math.max(since[1], since[2]) - mined.foundMs());
    results.note(W3_TIPS, String.format(java.util.Locale.ROOT,
        "tips after the proof of work was found: miner +%d ms (it pushes, then connects), peers +%d and +%d ms",
        since[0] - mined.foundMs(), since[1] - mined.foundMs(), since[2] - mined.foundMs()));
    JsonObject p = new JsonObject();
    p.addProperty("hash", mined.hash());
    JsonObject blk = all.get(0).rpc().call("chain_getBlock", p).getAsJsonObject();
    results.add(W3_TXS, blk.get("txCount").getAsDouble());
    results.add(W3_STAMP, (double) Math.max(since[1], since[2]) - blk.get("timestamp").getAsLong());
    results.add(W3_BYTES, blk.get("size").getAsDouble());
  }

  /** Summed CPU time of the nodes' processes, or -1 when the platform does not tell. */
  static long cpuNanos(List<BenchNode> nodes) {
    long sum = 0;
    for (BenchNode x : nodes) {
      java.util.Optional<java.time.Duration> d = ProcessHandle.of(x.pid()).flatMap(h -> h.info().totalCpuDuration());
      if (d.isEmpty()) {
        return -1;
      }
      sum += d.get().toNanos();
    }
    return sum;
  }

  private void requireAll(Drive.Submitted s, String w) {
    if (s.accepted() != txs.size()) {
      throw new IllegalStateException(w + ": the node accepted " + s.accepted() + " of " + txs.size()
          + " transfers; first refusal: " + s.firstError());
    }
  }
}
