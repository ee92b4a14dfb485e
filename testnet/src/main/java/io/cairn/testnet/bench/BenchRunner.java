package io.cairn.testnet.bench;

import com.google.gson.JsonObject;
import io.cairn.common.model.Transaction;
import io.cairn.node.io.FileTrees;
import io.cairn.testnet.launcher.JavaCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Runs the whole benchmark: the verify limit, W1-W3 ({@code runs} times each, every run on fresh
 * nodes), W4 (one chain, several syncs), W5, and returns the report section.
 */
public final class BenchRunner {
  /**
   * The sizes of a run.
   *
   * @param quick reduced sizes (the table shape stays)
   * @param runs runs per figure
   * @param txs transfers in W1-W3 (from distinct senders)
   * @param syncBlocks W4 chain length
   * @param perBlock W4 transfers per block
   * @param uploadCap W4 capped runs: bytes per second per peer
   * @param gossipTxs W5 transfers per burst (one block's worth)
   * @param basePort first port
   * @param workDir where node directories go (deleted afterwards by the caller)
   * @param nodeJava how node processes start
   */
  public record Options(boolean quick, int runs, int txs, int syncBlocks, int perBlock, long uploadCap, int gossipTxs,
      int basePort, Path workDir, JavaCommand nodeJava) {
    public static Options full(int basePort, Path workDir, JavaCommand java) {
      return new Options(false, 3, 20_000, 200, 500, 400_000, 6_000, basePort, workDir, java);
    }

    public static Options quick(int basePort, Path workDir, JavaCommand java) {
      return new Options(true, 1, 2_000, 20, 100, 50_000, 1_000, basePort, workDir, java);
    }
  }

  /** Node JVM options for benchmarks: the launcher's {@link JavaCommand#BENCH_OPTIONS} (one place for the node profile). */
  public static final List<String> NODE_OPTIONS = JavaCommand.BENCH_OPTIONS;

  /**
   * For the one-figure harnesses ({@code RelayBench}, {@code SyncBench}, {@code RssBench}): {@link
   * #NODE_OPTIONS} followed by {@code CAIRN_NODE_JAVA_OPTS} (e.g. a JFR recording or a GC log).
   */
  static List<String> harnessNodeOptions() {
    List<String> opts = new java.util.ArrayList<>(NODE_OPTIONS);
    String extra = System.getenv("CAIRN_NODE_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      opts.addAll(List.of(extra.strip().split("\\s+")));
    }
    return opts;
  }

  /**
   * The end of a one-figure harness: its work directory (node logs and stores) is deleted when the
   * harness finished and {@code CAIRN_BENCH_KEEP} is unset; otherwise it is kept and its path printed.
   */
  static void harnessDone(Path work, boolean finished) {
    String keep = System.getenv("CAIRN_BENCH_KEEP");
    if (!finished || (keep != null && !keep.isBlank())) {
      System.out.println("work directory kept: " + work);
      return;
    }
    try {
      FileTrees.delete(work);
    } catch (IOException e) {
      System.out.println("could not delete " + work + ": " + e.getMessage());
    }
  }

  /** This JVM's java and class path running nodes with {@code options}. */
  static JavaCommand nodeJava(List<String> options) {
    JavaCommand cur = JavaCommand.current();
    return new JavaCommand(cur.java(), cur.classpath(), options, cur.mainClass());
  }

  /** Ports used from the base port. */
  public static final int PORTS = BenchNet.PORTS;
  /** The heading of the section {@link #run} returns. */
  public static final String HEADING = Report.HEADING;

  private BenchRunner() {}

  /** {@code doc} with its benchmark section replaced by {@code section} (appended when missing); the rest kept. */
  public static String replaceSection(String doc, String section) {
    return Report.replaceSection(doc, section);
  }

  /** What a run measured, as the Markdown section ({@link #markdown}) or JSON ({@link #json}). */
  public static final class Outcome {
    private final Results results;
    private final Report.Context context;

    private Outcome(Results results, Report.Context context) {
      this.results = results;
      this.context = context;
    }

    /** The section for docs/benchmarks.md: heading, how, machine, table, notes. */
    public String markdown() {
      return Report.section(results, context);
    }

    /** The same figures for scripts (see {@link Report#json}). */
    public JsonObject json() {
      return Report.json(results, context);
    }
  }

  /** Runs everything; progress lines go to {@code out}. */
  public static Outcome run(Options o, PrintWriter out) {
    BenchNet.checkPorts(o.basePort());
    double loadBefore = Machine.load();
    Results r = new Results();
    out.println("machine: " + Machine.line() + String.format("; load average %.2f", loadBefore));
    out.flush();
    int senderCount = Math.max(o.txs(), o.gossipTxs());
    Senders senders = new Senders(senderCount);
    Senders.Chain chain = senders.chain();
    List<Transaction> txs = senders.transfers(0, o.txs(), chain.genesis());
    int txSize = txs.get(0).encodedLength();
    for (int i = 0; i < o.runs(); i++) {
      r.add(VerifyLimit.ONE, VerifyLimit.rate(1, o.quick() ? 1_000 : 2_000));
      r.add(VerifyLimit.ALL, VerifyLimit.rate(Machine.cores(), o.quick() ? 1_000 : 2_000));
    }
    step(out, "limit", r, VerifyLimit.ALL);
    try (BenchNet net = new BenchNet(o.workDir(), chain.spec(), o.nodeJava(), o.basePort())) {
      Thread hook = new Thread(net::close, "bench-stop-nodes");
      Runtime.getRuntime().addShutdownHook(hook);
      Relay relay = new Relay(net, txs, chain.miner(), r);
      for (int i = 0; i < o.runs(); i++) {
        relay.w1();
        step(out, "W1 run " + (i + 1), r, Relay.W1);
      }
      for (int i = 0; i < o.runs(); i++) {
        relay.w2w3();
        step(out, "W2/W3 run " + (i + 1), r, Relay.W2);
      }
      Sync sync = new Sync(net, chain.miner(), r);
      sync.build(senders, chain.genesis(), o.syncBlocks(), o.perBlock());
      out.println("  W4 chain built: " + r.noteOf("w4.chain").orElse(""));
      out.flush();
      for (int i = 0; i < o.runs(); i++) {
        sync.syncOnce(1, false);
        sync.syncOnce(3, false);
        step(out, "W4 run " + (i + 1), r, Sync.TXS_3);
      }
      sync.capServers(o.uploadCap());
      r.note("w4.cap", String.format("every server's upload capped at %,d B/s per peer", o.uploadCap()));
      for (int i = 0; i < o.runs(); i++) {
        double one = sync.syncOnce(1, true);
        double three = sync.syncOnce(3, true);
        r.add(Sync.SPEEDUP, one / three);
        step(out, "W4 capped run " + (i + 1), r, Sync.SPEEDUP);
      }
      sync.stopServers();
      Gossip gossip = new Gossip(net, chain.miner(), r);
      List<Transaction> first = txs.subList(0, o.gossipTxs());
      List<Transaction> second = senders.transfers(senderCount, o.gossipTxs(), chain.genesis());
      for (int i = 0; i < o.runs(); i++) {
        gossip.run(first, second);
        step(out, "W5 run " + (i + 1), r, Gossip.COMPACT_MS);
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down already
      }
    }
    Report.Context c = new Report.Context(Machine.line(),
        DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.now().atOffset(ZoneOffset.UTC)),
        String.join(" ", o.nodeJava().jvmOptions()), o.quick(), o.runs(), loadBefore, Machine.load(), o.txs(), txSize);
    return new Outcome(r, c);
  }

  private static void step(PrintWriter out, String what, Results r, String key) {
    out.println("  " + what + " done" + r.sample(key).map(s -> ": " + Report.num(s.values().get(s.values().size() - 1)))
        .orElse(""));
    out.flush();
  }
}
