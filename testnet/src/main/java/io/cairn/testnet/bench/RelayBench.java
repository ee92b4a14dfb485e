package io.cairn.testnet.bench;

import io.cairn.common.model.Transaction;
import io.cairn.testnet.launcher.JavaCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A developer harness for the relay figures alone: W2 (with W3) and W5 of {@code cairn testnet bench}
 * at chosen sizes, without the rest of the suite. Not part of {@code mvn verify}; run from the shaded
 * jar:
 *
 * <pre>
 * java -cp testnet/target/cairn.jar io.cairn.testnet.bench.RelayBench BASE_PORT W2_TXS W5_TXS RUNS
 * </pre>
 *
 * e.g. {@code 30200 20000 6000 1} for the full sizes. A size of 0 skips that workload.
 * {@code CAIRN_NODE_JAVA_OPTS} adds node JVM options, e.g. {@code -XX:StartFlightRecording=filename=/tmp/n%p.jfr}.
 */
public final class RelayBench {
  private RelayBench() {}

  public static void main(String[] args) throws IOException {
    int basePort = Integer.parseInt(args[0]);
    int w2 = Integer.parseInt(args[1]);
    int w5 = Integer.parseInt(args[2]);
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    BenchNet.checkPorts(basePort);
    Path work = Files.createTempDirectory("cairn-relaybench-");
    JavaCommand java = BenchRunner.nodeJava(BenchRunner.harnessNodeOptions());
    int senderCount = Math.max(w2, w5);
    Senders senders = new Senders(senderCount);
    Senders.Chain chain = senders.chain();
    Results r = new Results();
    List<Transaction> txs = senders.transfers(0, senderCount, chain.genesis());
    System.out.printf("machine load %.2f, work %s%n", Machine.load(), work);
    boolean finished = false;
    try (BenchNet net = new BenchNet(work, chain.spec(), java, basePort)) {
      for (int i = 0; i < runs; i++) {
        if (w2 > 0) {
          new Relay(net, txs.subList(0, w2), chain.miner(), r).w2w3();
          System.out.printf("W2 %.0f tx/s, %.1f us CPU per tx (3 nodes), W3 %.1f ms (%s txs; %.0f ms from its timestamp)%n",
              last(r, Relay.W2), last(r, Relay.W2_CPU_US), last(r, Relay.W3), last(r, Relay.W3_TXS),
              last(r, Relay.W3_STAMP));
          System.out.println("  W3 " + r.noteOf(Relay.W3_TIPS).orElse("?"));
        }
        if (w5 > 0) {
          List<Transaction> first = txs.subList(0, w5);
          List<Transaction> second = senders.transfers(senderCount, w5, chain.genesis());
          new Gossip(net, chain.miner(), r).run(first, second);
          System.out.printf("W5 bytes/tx max %.1f mean %.1f; compact %.1f ms, full %.1f ms%n",
              last(r, Gossip.BYTES_MAX), last(r, Gossip.BYTES_MEAN), last(r, Gossip.COMPACT_MS),
              last(r, Gossip.FULL_MS));
          System.out.println("  busiest, bytes/tx by type: " + r.noteOf(Gossip.BYTES_BY_TYPE).orElse("?"));
        }
      }
      finished = true;
    } finally {
      BenchRunner.harnessDone(work, finished);
    }
    System.out.printf("machine load %.2f%n", Machine.load());
  }

  private static double last(Results r, String figure) {
    return r.sample(figure).map(s -> s.values().get(s.values().size() - 1)).orElse(Double.NaN);
  }
}
