package io.cairn.testnet.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.cairn.common.model.Transaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * W5, the peer-to-peer figures of issue 3 on a 5-node full mesh: bytes on the wire per transaction
 * per node while a burst of transfers floods the network (from the nodes' own P2P byte counters), and
 * the time a block holding them takes to reach every node, once with the transactions already in
 * every mempool (compact relay) and once with the other mempools empty.
 */
final class Gossip {
  static final String BYTES_MAX = "w5.bytesPerTx.max";
  static final String BYTES_MEAN = "w5.bytesPerTx.mean";
  /** Note: the busiest node's bytes per transaction by message type. */
  static final String BYTES_BY_TYPE = "w5.bytesPerTx.byType";
  static final String COMPACT_MS = "w5.compact.ms";
  static final String FULL_MS = "w5.full.ms";
  static final String BLOCK_TXS = "w5.block.txs";
  static final int NODES = 5;
  /** Longer than the nodes' metrics feed period (2 s). */
  static final long METRICS_PERIOD_MS = 2_500;

  private final BenchNet net;
  private final String minerAddress;
  private final Results results;

  Gossip(BenchNet net, String minerAddress, Results results) {
    this.net = net;
    this.minerAddress = minerAddress;
    this.results = results;
  }

  /** One run: {@code first} floods the mesh and is mined; {@code second} is mined by a node cut off from the others. */
  void run(List<Transaction> first, List<Transaction> second) {
    List<BenchNode> all = new ArrayList<>();
    List<String> addrs = new ArrayList<>();
    try {
      for (int i = 0; i < NODES; i++) {
        BenchNode n = net.start(net.create(List.copyOf(addrs), addrs.size(), 0));
        all.add(n);
        addrs.add(n.p2pAddress());
      }
      net.awaitReady(all, NODES - 1, Duration.ofSeconds(90));
      BenchNode origin = all.get(0);
      List<BenchNode> others = all.subList(1, NODES);
      int n = first.size();
      // A node copies its P2P byte counts into /metrics every 2 s (NodeService's metrics feed): read
      // them only after a full period with no traffic, before and after the burst, or the figure
      // misses up to 2 s of bytes (a --quick burst entirely).
      BenchNet.sleep(METRICS_PERIOD_MS);
      long[] before = bytesIn(all);
      List<java.util.Map<String, Double>> typesBefore = all.stream().map(x -> byType(x.rpc().metrics())).toList();
      Drive.Submitted s = Drive.submit(origin, Senders.batches(first, 100));
      if (s.accepted() != n) {
        throw new IllegalStateException("W5: " + s.accepted() + " of " + n + " accepted; " + s.firstError());
      }
      Drive.watch(all, x -> Drive.mempoolSize(x) >= n, 20, Relay.WAIT, "to hold all " + n + " transfers");
      BenchNet.sleep(METRICS_PERIOD_MS); // the last announcements settle and reach the counters
      long[] after = bytesIn(all);
      double max = 0;
      int busiest = 0;
      double sum = 0;
      for (int i = 0; i < NODES; i++) {
        double per = (double) (after[i] - before[i]) / n;
        if (per > max) {
          max = per;
          busiest = i;
        }
        sum += per;
      }
      java.util.Map<String, Double> was = typesBefore.get(busiest);
      StringBuilder types = new StringBuilder("node " + busiest + ":");
      byType(all.get(busiest).rpc().metrics()).forEach((t, v) -> {
        double per = (v - was.getOrDefault(t, 0.0)) / n;
        if (per >= 0.05) {
          types.append(String.format(" %s %.1f", t, per));
        }
      });
      results.note(BYTES_BY_TYPE, types.toString());
      results.add(BYTES_MAX, max);
      results.add(BYTES_MEAN, sum / NODES);
      results.add(COMPACT_MS, propagate(all, origin));
      // Empty mempools: the origin is cut off, takes the second burst alone and mines it, then reconnects.
      origin.rpc().call("net_setBlocked", blocked(others));
      Drive.watch(List.of(origin), x -> BenchNet.peers(x) == 0, 20, Duration.ofSeconds(30), "to drop its peers");
      Drive.Submitted s2 = Drive.submit(origin, Senders.batches(second, 100));
      if (s2.accepted() != second.size()) {
        throw new IllegalStateException("W5: " + s2.accepted() + " of " + second.size() + " accepted; " + s2.firstError());
      }
      String hash = Drive.mineOne(origin, minerAddress);
      JsonObject p = new JsonObject();
      p.addProperty("hash", hash);
      results.add(BLOCK_TXS, origin.rpc().call("chain_getBlock", p).getAsJsonObject().get("txCount").getAsDouble());
      origin.rpc().call("net_setBlocked", blocked(List.of()));
      long t0 = System.nanoTime();
      for (BenchNode o : others) {
        JsonObject a = new JsonObject();
        a.addProperty("address", o.p2pAddress());
        origin.rpc().call("net_addPeer", a);
      }
      long[] at = Drive.watch(others, x -> Drive.chainInfo(x).get("tipHash").getAsString().equals(hash), 2,
          Relay.WAIT, "to get the block mined while cut off");
      results.add(FULL_MS, (Drive.max(at) - t0) / 1e6);
    } finally {
      net.stop(all);
    }
  }

  /**
   * Mines a block on {@code origin} (the first of {@code all}); milliseconds from its proof of work
   * found until the last other node has it as tip, by the nodes' own clocks (as W3).
   */
  private double propagate(List<BenchNode> all, BenchNode origin) {
    long h = Drive.chainInfo(origin).get("height").getAsLong();
    Drive.Mined mined = Drive.mine(origin, minerAddress);
    long[] since = Drive.tipsSince(all, mined.hash(), h, 20);
    long last = Long.MIN_VALUE;
    for (int i = 1; i < since.length; i++) {
      last = Math.max(last, since[i]);
    }
    return last - mined.foundMs();
  }

  private static JsonObject blocked(List<BenchNode> nodes) {
    JsonArray ids = new JsonArray();
    for (BenchNode x : nodes) {
      ids.add(x.rpc().object("net_info").get("nodeId").getAsString());
    }
    JsonObject p = new JsonObject();
    p.add("nodeIds", ids);
    return p;
  }

  /** Bytes received over P2P so far by each node, summed over message types ({@code cairn_p2p_bytes_in_total}). */
  static long[] bytesIn(List<BenchNode> nodes) {
    long[] out = new long[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      out[i] = (long) sumCounter(nodes.get(i).rpc().metrics(), "cairn_p2p_bytes_in_total");
    }
    return out;
  }

  /** Bytes received so far per message type ({@code cairn_p2p_bytes_in_total{type="..."}}), in type order. */
  static java.util.Map<String, Double> byType(String metrics) {
    java.util.Map<String, Double> out = new java.util.TreeMap<>();
    String name = "cairn_p2p_bytes_in_total{";
    for (String line : metrics.split("\n")) {
      int at = line.indexOf("type=\"");
      if (line.startsWith(name) && at > 0) {
        String type = line.substring(at + 6, line.indexOf('"', at + 6));
        String[] f = line.strip().split("\\s+");
        out.merge(type, Double.parseDouble(f[f.length - 1]), Double::sum);
      }
    }
    return out;
  }

  /** The sum of a counter's samples over all label values in Prometheus text. */
  static double sumCounter(String text, String name) {
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        String[] f = line.strip().split("\\s+");
        sum += Double.parseDouble(f[f.length - 1]);
      }
    }
    return sum;
  }
}
