package io.cairn.testnet.bench;

import com.google.gson.JsonObject;
import io.cairn.testnet.launcher.JavaCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A developer harness for W4 alone (initial sync) of {@code cairn testnet bench}, with the CPU time
 * the syncing node and the servers spent: builds the chain once, then syncs fresh nodes from 1 and
 * from 3 uncapped servers, {@code RUNS} times each. Not part of {@code mvn verify}; run from the
 * shaded jar:
 *
 * <pre>
 * java -cp testnet/target/cairn.jar io.cairn.testnet.bench.SyncBench BASE_PORT BLOCKS PER_BLOCK RUNS [CAP [PEERS]]
 * </pre>
 *
 * e.g. {@code 30300 200 500 2} for the full sizes; with {@code CAP} (bytes per second, e.g.
 * {@code 400000} as the bench) the servers restart with every upload capped before the syncs;
 * {@code PEERS} (default {@code 1,3}) lists the syncs of each run by their number of servers, e.g.
 * {@code 3} for the 3-peer syncs alone. {@code CAIRN_NODE_JAVA_OPTS} adds node JVM
 * options, as for {@link RelayBench}.
 */
public final class SyncBench {
  private SyncBench() {}

  public static void main(String[] args) throws IOException {
    int basePort = Integer.parseInt(args[0]);
    int blocks = Integer.parseInt(args[1]);
    int perBlock = Integer.parseInt(args[2]);
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    long cap = args.length > 4 ? Long.parseLong(args[4]) : 0;
    int[] peerCounts = Arrays.stream((args.length > 5 ? args[5] : "1,3").split(","))
        .mapToInt(Integer::parseInt).toArray();
    BenchNet.checkPorts(basePort);
    Path work = Files.createTempDirectory("cairn-syncbench-");
    JavaCommand java = BenchRunner.nodeJava(BenchRunner.harnessNodeOptions());
    // As cairn testnet bench: 20,000 funded senders, each sending several transfers over the chain
    // (distinct within a block). One sender per transfer gave a 13 MB genesis spec for 200 x 500,
    // which a node cannot even parse in the bench's 64 MiB heap.
    Senders senders = new Senders(Math.max(perBlock, Math.min(blocks * perBlock, 20_000)));
    Senders.Chain chain = senders.chain();
    Results r = new Results();
    System.out.printf("machine load %.2f, work %s%n", Machine.load(), work);
    boolean finished = false;
    try (BenchNet net = new BenchNet(work, chain.spec(), java, basePort)) {
      Sync sync = new Sync(net, chain.miner(), r);
      long b0 = System.nanoTime();
      sync.build(senders, chain.genesis(), blocks, perBlock);
      System.out.printf("chain built in %.1f s%n", (System.nanoTime() - b0) / 1e9);
      if (cap > 0) {
        sync.capServers(cap);
        System.out.printf("servers restarted with uploads capped at %,d B/s per peer%n", cap);
      }
      List<BenchNode> servers = sync.servers();
      long height = Drive.chainInfo(servers.get(0)).get("height").getAsLong();
      for (int i = 0; i < runs; i++) {
        for (int peers : peerCounts) {
          BenchNode f = net.start(net.create(List.of(), peers, 0));
          try {
            net.awaitReady(List.of(f), 0, Duration.ofSeconds(60));
            long cs0 = Relay.cpuNanos(servers.subList(0, peers));
            long cf0 = Relay.cpuNanos(List.of(f));
            double secs = sync.timeSync(f, peers);
            long cf1 = Relay.cpuNanos(List.of(f));
            long cs1 = Relay.cpuNanos(servers.subList(0, peers));
            long tx = sync.txCount();
            System.out.printf("W4 %d peer(s): %.0f tx/s (%.1f s); CPU us/tx: syncing node %.1f, servers %.1f; "
                + "node cores busy %.2f; peak RSS %s MiB%n", peers, tx / secs, secs, (cf1 - cf0) / 1e3 / tx,
                (cs1 - cs0) / 1e3 / tx, (cf1 - cf0) / 1e9 / secs, f.peakRss().map(x -> String.format("%.0f", x / 1048576.0)).orElse("?"));
          } finally {
            net.stop(List.of(f));
          }
        }
      }
      sync.stopServers();
      finished = true;
    } finally {
      BenchRunner.harnessDone(work, finished);
    }
    System.out.printf("machine load %.2f%n", Machine.load());
  }
}
