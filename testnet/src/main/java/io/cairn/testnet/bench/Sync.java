package io.cairn.testnet.bench;

import com.google.gson.JsonObject;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.node.io.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * W4 initial sync: three serving nodes hold a chain of {@code blocks} blocks of {@code perBlock}
 * transfers each (built here: submit, mine, repeat); a fresh node then syncs it from one of them and
 * from all three, first uncapped, then with every server's upload capped.
 */
final class Sync {
  static final String BLOCKS_1 = "w4.blocks.1";
  static final String TXS_1 = "w4.txs.1";
  static final String TXS_3 = "w4.txs.3";
  static final String BLOCKS_3 = "w4.blocks.3";
  static final String SECONDS_1 = "w4.seconds.1";
  static final String SECONDS_3 = "w4.seconds.3";
  static final String CAPPED_1 = "w4.capped.seconds.1";
  static final String CAPPED_3 = "w4.capped.seconds.3";
  static final String SPEEDUP = "w4.capped.speedup";
  static final String RSS = "w4.rss";
  static final String BYTES_PER_TX = "w4.bytesPerTx";
  static final Duration WAIT = Duration.ofMinutes(10);

  private final BenchNet net;
  private final Results results;
  private final String minerAddress;
  private List<BenchNode> servers = List.of();
  private long height;
  private long txCount;

  Sync(BenchNet net, String minerAddress, Results results) {
    this.net = net;
    this.minerAddress = minerAddress;
    this.results = results;
  }

  /** Starts the servers (fully connected) and builds the chain on the first. */
  void build(Senders senders, Hash genesis, int blocks, int perBlock) {
    servers = startServers(List.of(), 0);
    List<Transaction> txs = senders.transfers(0, blocks * perBlock, genesis);
    for (int b = 0; b < blocks; b++) {
      List<String> bodies = Senders.batches(txs.subList(b * perBlock, (b + 1) * perBlock), 100);
      Drive.Submitted s = Drive.submit(servers.get(0), bodies);
      if (s.accepted() != perBlock) {
        throw new IllegalStateException("W4 chain: block " + b + ": " + s.accepted() + " of " + perBlock
            + " accepted; " + s.firstError());
      }
      Drive.mineOne(servers.get(0), minerAddress);
    }
    height = Drive.chainInfo(servers.get(0)).get("height").getAsLong();
    txCount = (long) blocks * perBlock;
    Drive.watch(servers, x -> Drive.chainInfo(x).get("height").getAsLong() >= height, 20, WAIT, "to reach " + height);
    results.note("w4.chain", height + " blocks holding " + txCount + " transfers");
  }

  private List<BenchNode> startServers(List<BenchNode> old, long cap) {
    List<BenchNode> out = new ArrayList<>();
    List<String> addrs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      BenchNode n;
      if (old.isEmpty()) {
        n = net.create(addrs, addrs.size(), cap);
      } else {
        n = old.get(i);
        BenchNode.writeConfig(n.dir(), n.dir().getParent().resolve("chain.json"), n.p2pPort(), addrs, addrs.size(), cap);
      }
      addrs.add(n.p2pAddress());
      out.add(net.start(n));
    }
    net.awaitReady(out, 2, Duration.ofSeconds(90));
    return out;
  }

  /** Restarts the servers with every upload capped at {@code cap} bytes per second per peer. */
  void capServers(long cap) {
    net.stop(servers);
    servers = startServers(servers, cap);
  }

  /** One sync of a fresh node from the first {@code peers} servers; records under the capped keys when capped. */
  double syncOnce(int peers, boolean capped) {
    BenchNode f = net.start(net.create(List.of(), peers, 0));
    double secs;
    try {
      net.awaitReady(List.of(f), 0, Duration.ofSeconds(60));
      secs = timeSync(f, peers);
      int seen = BenchNet.peers(f);
      if (!capped) {
        results.add(peers == 1 ? SECONDS_1 : SECONDS_3, secs);
        results.add(peers == 1 ? TXS_1 : TXS_3, txCount / secs);
        results.add(peers == 1 ? BLOCKS_1 : BLOCKS_3, height / secs);
        f.peakRss().ifPresent(r -> results.add(RSS, r));
      } else {
        results.add(peers == 1 ? CAPPED_1 : CAPPED_3, secs);
      }
      results.note("w4.peers." + peers + (capped ? ".capped" : ""), Integer.toString(seen));
    } finally {
      net.stop(List.of(f));
    }
    if (!capped && peers == 1) {
      results.add(BYTES_PER_TX, (double) f.storeBytes() / txCount);
    }
    deleteTree(f.dir());
    return secs;
  }

  /**
   * Gives the fresh node {@code f} the first {@code peers} servers with {@code net_addPeer} and waits
   * until it holds the whole chain; seconds from the first {@code net_addPeer} until its tip last
   * changed. The end is the node's own record of that moment (chain_info's {@code tipSinceMs}, this
   * machine's clock), so the harness asks only every {@link Drive#POLL_MS}: polling every 20 ms to time
   * the end cost the measured node about 3% of its CPU (a whole HTTP request each time, served by
   * code the JIT rarely compiles).
   */
  double timeSync(BenchNode f, int peers) {
    long t0Ms = System.currentTimeMillis();
    for (int i = 0; i < peers; i++) {
      JsonObject p = new JsonObject();
      p.addProperty("address", servers.get(i).p2pAddress());
      f.rpc().call("net_addPeer", p);
    }
    Drive.watch(List.of(f), x -> Drive.chainInfo(x).get("height").getAsLong() >= height, Drive.POLL_MS, WAIT,
        "to sync to height " + height);
    JsonObject tip = Drive.chainInfo(f);
    if (tip.get("height").getAsLong() != height) {
      throw new IllegalStateException(f.name() + " synced past the chain's height " + height + ": " + tip);
    }
    return Math.max(1, tip.get("tipSinceMs").getAsLong() - t0Ms) / 1e3;
  }

  void stopServers() {
    net.stop(servers);
  }

  List<BenchNode> servers() {
    return servers;
  }

  long txCount() {
    return txCount;
  }

  private static void deleteTree(Path dir) {
    try {
      FileTrees.delete(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
    }
  }
}
