package io.cairn.testnet.bench;

import com.google.gson.JsonObject;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.testnet.launcher.JavaCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A developer harness for the peak RSS figures alone: W1 (one node, every transfer submitted over
 * JSON-RPC in batches of 100) and W4 (a fresh node syncing the chain from 1, then 3 servers) of
 * {@code cairn testnet bench}, at full size by default, printing for the measured node its peak RSS
 * (VmHWM), CPU time per transaction and rate. Not part of {@code mvn verify}; run from the shaded jar:
 *
 * <pre>
 * java -cp testnet/target/cairn.jar io.cairn.testnet.bench.RssBench BASE_PORT [w1|w4|w4one|both] [RUNS] [TXS] [BLOCKS] [PER_BLOCK]
 * </pre>
 *
 * e.g. {@code 30600 both 1} (20,000 transfers; 200 blocks x 500). {@code CAIRN_NODE_JAVA_OPTS} adds
 * node JVM options after the benchmark's own (a later {@code -Xmx} wins). With
 * {@code -XX:NativeMemoryTracking=summary} among them, the harness also prints the measured node's
 * {@code jcmd VM.native_memory summary} and {@code smaps_rollup} taken when its resident size was
 * highest (sampled about once a second while it grows). {@code RSSBENCH_VARIANTS} compares settings on
 * one built chain: {@code '|'}-separated option lists, each added to the measured node's options in
 * turn (e.g. {@code "|-Xmx64m|-Dio.netty.allocator.maxOrder=7"}; an empty one is the baseline).
 * {@code w4one} syncs from 1 server only; {@code RSSBENCH_HISTO} set prints the node's class histogram
 * after each workload.
 */
public final class RssBench {
  private RssBench() {}

  public static void main(String[] args) throws IOException {
    int basePort = Integer.parseInt(args[0]);
    String which = args.length > 1 ? args[1] : "both";
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int txCount = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
    int blocks = args.length > 4 ? Integer.parseInt(args[4]) : 200;
    int perBlock = args.length > 5 ? Integer.parseInt(args[5]) : 500;
    BenchNet.checkPorts(basePort);
    Path work = Files.createTempDirectory("cairn-rssbench-");
    List<String> opts = BenchRunner.harnessNodeOptions();
    // RSSBENCH_VARIANTS: '|'-separated option lists, each added to the measured node's options in turn
    // (the W4 servers keep the plain ones), so one built chain serves several settings.
    String v = System.getenv("RSSBENCH_VARIANTS");
    List<String> variants = v == null || v.isBlank() ? List.of("") : List.of(v.split("\\|"));
    if (variants.size() > 6) {
      throw new IllegalArgumentException("at most 6 variants (ports)");
    }
    JavaCommand java = BenchRunner.nodeJava(opts);
    System.out.printf("machine load %.2f, work %s%nnode options: %s%n", Machine.load(), work, String.join(" ", opts));
    // As cairn testnet bench: one funded sender per W1 transfer (at least a W5 burst's 6,000), so the
    // genesis state, and with it the nodes' memory, is the same as there.
    int senderCount = Math.max(txCount, 6_000);
    Senders senders = new Senders(senderCount);
    Senders.Chain chain = senders.chain();
    List<BenchNet> nets = new ArrayList<>();
    List<Boolean> nmt = new ArrayList<>();
    boolean finished = false;
    try (BenchNet net = new BenchNet(work, chain.spec(), java, basePort)) {
      for (int i = 0; i < variants.size(); i++) {
        List<String> vo = new ArrayList<>(opts);
        if (!variants.get(i).isBlank()) {
          vo.addAll(List.of(variants.get(i).strip().split("\\s+")));
        }
        nmt.add(vo.stream().anyMatch(o -> o.startsWith("-XX:NativeMemoryTracking=")));
        nets.add(new BenchNet(work.resolve("v" + i), chain.spec(), BenchRunner.nodeJava(vo), basePort + 20 + 20 * i));
      }
      if (!which.startsWith("w4")) {
        List<String> bodies = Senders.batches(senders.transfers(0, txCount, chain.genesis()), 100);
        for (int r = 0; r < runs; r++) {
          for (int i = 0; i < variants.size(); i++) {
            System.out.println("variant " + i + ": " + variants.get(i));
            w1(nets.get(i), bodies, txCount, nmt.get(i));
          }
        }
      }
      if (!which.equals("w1")) {
        List<BenchNode> servers = buildChain(net, senders, chain.genesis(), chain.miner(), blocks, perBlock);
        long height = Drive.chainInfo(servers.get(0)).get("height").getAsLong();
        for (int r = 0; r < runs; r++) {
          for (int i = 0; i < variants.size(); i++) {
            System.out.println("variant " + i + ": " + variants.get(i));
            w4(nets.get(i), servers, height, (long) blocks * perBlock, 1, nmt.get(i));
            if (!which.equals("w4one")) {
              w4(nets.get(i), servers, height, (long) blocks * perBlock, 3, nmt.get(i));
            }
          }
        }
        net.stop(servers);
      }
      finished = true;
    } finally {
      nets.forEach(BenchNet::close);
      BenchRunner.harnessDone(work, finished);
    }
    System.out.printf("machine load %.2f%n", Machine.load());
  }

  private static void w1(BenchNet net, List<String> bodies, int txCount, boolean nmt) {
    BenchNode n = net.start(net.create(List.of(), 0, 0));
    try (Sampler s = new Sampler(n, nmt)) {
      net.awaitReady(List.of(n), 0, Duration.ofSeconds(60));
      long cpu0 = cpuNanos(n);
      Drive.Submitted sub = Drive.submit(n, bodies);
      long cpu1 = cpuNanos(n);
      if (sub.accepted() != txCount) {
        throw new IllegalStateException("W1: " + sub.accepted() + " of " + txCount + " accepted; " + sub.firstError());
      }
      report("W1", n, s, sub.perSecond(), (cpu1 - cpu0) / 1e3 / txCount);
    } finally {
      net.stop(List.of(n));
    }
  }

  private static List<BenchNode> buildChain(BenchNet net, Senders senders, Hash genesis, String miner, int blocks,
      int perBlock) {
    List<BenchNode> servers = new ArrayList<>();
    List<String> addrs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      BenchNode n = net.start(net.create(List.copyOf(addrs), addrs.size(), 0));
      addrs.add(n.p2pAddress());
      servers.add(n);
    }
    net.awaitReady(servers, 2, Duration.ofSeconds(90));
    List<Transaction> txs = senders.transfers(0, blocks * perBlock, genesis);
    for (int b = 0; b < blocks; b++) {
      List<String> bodies = Senders.batches(txs.subList(b * perBlock, (b + 1) * perBlock), 100);
      Drive.Submitted s = Drive.submit(servers.get(0), bodies);
      if (s.accepted() != perBlock) {
        throw new IllegalStateException("W4 chain: block " + b + ": " + s.firstError());
      }
      Drive.mineOne(servers.get(0), miner);
    }
    long height = Drive.chainInfo(servers.get(0)).get("height").getAsLong();
    Drive.watch(servers, x -> Drive.chainInfo(x).get("height").getAsLong() >= height, 20, Sync.WAIT, "to reach " + height);
    System.out.println("W4 chain built: " + height + " blocks");
    return servers;
  }

  private static void w4(BenchNet net, List<BenchNode> servers, long height, long txs, int peers, boolean nmt) {
    BenchNode f = net.start(net.create(List.of(), peers, 0));
    try (Sampler s = new Sampler(f, nmt)) {
      net.awaitReady(List.of(f), 0, Duration.ofSeconds(60));
      long cpu0 = cpuNanos(f);
      long t0 = System.nanoTime();
      for (int i = 0; i < peers; i++) {
        JsonObject p = new JsonObject();
        p.addProperty("address", servers.get(i).p2pAddress());
        f.rpc().call("net_addPeer", p);
      }
      long[] at = Drive.watch(List.of(f), x -> Drive.chainInfo(x).get("height").getAsLong() >= height, 20, Sync.WAIT,
          "to sync to height " + height);
      long cpu1 = cpuNanos(f);
      report("W4 " + peers + " peer" + (peers == 1 ? "" : "s"), f, s, txs / ((at[0] - t0) / 1e9), (cpu1 - cpu0) / 1e3 / txs);
    } finally {
      net.stop(List.of(f));
    }
    System.out.printf("  data directory after stop: %.0f B/tx%n", (double) f.storeBytes() / txs);
  }

  private static void report(String what, BenchNode n, Sampler s, double rate, double cpuUsPerTx) {
    s.stop();
    if (System.getenv("RSSBENCH_HISTO") != null) {
      System.out.println(jcmd(n.pid(), "GC.class_histogram").lines().limit(40).reduce("", (a, b) -> a + b + "\n"));
    }
    long hwm = n.peakRss().orElse(-1L);
    System.out.printf("%s: %,.0f tx/s, node CPU %.1f us/tx, peak RSS (VmHWM) %.1f MiB, threads %d%n", what, rate,
        cpuUsPerTx, hwm / 1048576.0, BenchNode.procStatus(n.pid(), "Threads:").map(t -> t / 1024).orElse(-1L));
    if (s.atPeak != null) {
      System.out.println("  at RSS " + s.peakSeen / 1024 + " KiB:\n" + s.atPeak);
    }
  }

  private static long cpuNanos(BenchNode n) {
    return ProcessHandle.of(n.pid()).flatMap(h -> h.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
  }

  /** The output of {@code jcmd PID args...} (an empty string if it failed). */
  private static String jcmd(long pid, String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(pid)));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /**
   * Watches a node's resident size; with native memory tracking on, keeps the NMT summary and
   * smaps_rollup of the highest sample (a jcmd at most once a second, and only when RSS grew by 1 MiB).
   */
  private static final class Sampler implements AutoCloseable {
    private final BenchNode node;
    private final boolean nmt;
    private final Thread thread;
    private volatile boolean stop;
    long peakSeen;
    volatile String atPeak;

    Sampler(BenchNode node, boolean nmt) {
      this.node = node;
      this.nmt = nmt;
      this.thread = new Thread(this::run, "rss-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    private void run() {
      long lastJcmd = 0;
      long taken = 0;
      while (!stop) {
        long rss = BenchNode.procStatus(node.pid(), "VmRSS:").orElse(0L);
        if (rss > peakSeen) {
          peakSeen = rss;
        }
        if (nmt && rss > taken + (1 << 20) && System.nanoTime() - lastJcmd > 1_000_000_000L) {
          String snap = snapshot();
          if (snap != null) {
            atPeak = snap;
            taken = rss;
          }
          lastJcmd = System.nanoTime();
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private String snapshot() {
      try {
        String out = jcmd(node.pid(), "VM.native_memory", "summary");
        return out + Files.readString(Path.of("/proc", Long.toString(node.pid()), "smaps_rollup"));
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    void stop() {
      stop = true;
      try {
        thread.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() {
      stop();
    }
  }
}
