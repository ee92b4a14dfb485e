package io.cairn.testnet.launcher;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to start a node process: {@code <java> <jvm options> -cp <classpath> <main> node ...}. From the
 * shaded jar, the classpath is that jar; from a build tree or a test, the running JVM's class path.
 *
 * @param java the java executable
 * @param classpath what {@code -cp} gets
 * @param jvmOptions heap and GC options for each node
 * @param mainClass the node's entry point ({@link #MAIN})
 */
public record JavaCommand(String java, String classpath, List<String> jvmOptions, String mainClass) {
  /**
   * The entry point of node processes: {@code cairn node} alone ({@code NodeMain} drops the leading
   * {@code node} argument), not the root {@code cairn} command, whose picocli tree also builds the
   * wallet and testnet commands: their classes and reflection data cost a node about 2.3 MiB of peak
   * RSS (RssBench, W1) for nothing.
   */
  public static final String MAIN = "io.cairn.node.cli.NodeMain";
  /**
   * JVM options every node gets, from the testnet launcher and from the benchmark alike: only the C1
   * JIT compiler, the serial collector (fewest threads, smallest side structures), no perf data file,
   * 512 KiB thread stacks, and Netty's pooled allocator with one direct and one heap arena (the default is two of each per
   * core) — a node's traffic is a few connections. C1 alone: Bouncy
   * Castle's Ed25519 verifies about as fast compiled by C1 as by C2 (67-68 against 64-66 us), while
   * C2 spends about 70 us of CPU per transaction compiling during a node's first 20,000 transactions
   * and tens of MiB of memory; `cairn testnet bench` measured W1 13,760 against 10,707 tx/s, W2 4,113
   * against 2,986 tx/s, equal sync speed, and 37 and 32 MiB less peak RSS with C1 alone.
   *
   * <p>{@code io.netty.allocator.maxOrder=7}: the arenas grow in 1 MiB chunks instead of 4 MiB (8 KiB
   * pages x 2^7); buffers above 1 MiB (a block message of up to 4 MiB) are allocated on their own and
   * freed on release instead of pinning a chunk. {@code RssBench} measured about 9 MiB less peak RSS
   * for a syncing node (W4) and 3 MiB for W1, at the same CPU time per transaction.
   */
  public static final List<String> COMMON_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss512k",
      "-Dio.netty.allocator.numDirectArenas=1", "-Dio.netty.allocator.numHeapArenas=1", "-Dio.netty.allocator.maxOrder=7");

  /**
   * Testnet nodes: {@link #COMMON_OPTIONS} (C1 alone also halves a node's start-up on a busy 2-core
   * machine, about 2 s instead of 4 s to serve) and a 256 MiB heap cap. {@code CAIRN_NODE_JAVA_OPTS}
   * replaces them (e.g. {@code "-Xmx512m"}).
   */
  public static final List<String> DEFAULT_OPTIONS = concat(List.of("-Xms32m", "-Xmx256m"), COMMON_OPTIONS);

  /**
   * Nodes measured by {@code cairn testnet bench}: {@link #COMMON_OPTIONS}, a heap that starts at 32 MiB
   * (a node lives in 15-25 MiB after a young collection) capped at 64 MiB with a 10 MiB young
   * generation, and a first metaspace threshold of 32 MiB (the default 21 MiB cost one needless full
   * collection per start). The heap: a full 20,000-transaction mempool (W1) or a fast sync (W4) keeps
   * 32-45 MiB live; with a 112 MiB cap the heap grew to about 95 MiB during a sync. Measured with
   * {@code RssBench} (peak RSS of the measured node, VmHWM): the 64 MiB cap cut W4 by about 28 MiB at
   * the same CPU time per transaction (W1 unchanged: its heap stays under 64 MiB anyway); the 10 MiB
   * young generation (the default is a third of the heap) about 8 MiB more on W1 (21 MiB young: 144
   * MiB, 12: 138, 10: 135, 8: 133) and 1-3 MiB on W4 (8 MiB made W4 no smaller but added a third
   * more collection pauses). The price is collection time: GC logs of one run each gave young + full
   * pauses of about 0.4 s per W1 (20,000 transfers) and 0.9-1.1 s per W4 sync (100,000) against 0.3 s
   * and 0.6 s with the 112 MiB heap and its 37 MiB young generation, i.e. about 4-6 us of CPU per
   * transaction out of 130-150. Objects are promoted after 2 young collections instead of 15 (a
   * transaction that survives two is in the mempool or a block in flight, and copying it between the
   * 1 MiB survivor spaces is wasted): young pauses about 15-25% shorter at the same peak RSS. An initial
   * heap of 64 MiB (no resizing full collections) cost W1 20 MiB more peak RSS. Tighter heap free ratios
   * (20/40%) saved about 1 MiB.
   */
  public static final List<String> BENCH_OPTIONS = concat(List.of("-Xms32m", "-Xmx64m", "-Xmn10m", "-XX:MaxTenuringThreshold=2", "-XX:MetaspaceSize=32m",
      "-XX:MaxMetaspaceSize=80m", "-XX:ReservedCodeCacheSize=32m"), COMMON_OPTIONS);

  /**
   * Environment of every node process, unless the caller's environment sets the variable: glibc's
   * malloc keeps at most two arenas (the default is up to eight per core, each holding on to the
   * native memory freed into it: RocksDB's memtables and blocks, Netty, the JIT), and a fixed 128 KiB
   * mmap threshold and trim threshold. By default glibc raises its mmap threshold up to 32 MiB after
   * the first large block is freed, so RocksDB's memtable arena blocks and large write batches then
   * come from the arenas and stay resident after they are freed; fixed, they are mapped on their own
   * and unmapped on free, and free memory at an arena's top is returned beyond 128 KiB. Measured with
   * {@code RssBench}: about 6-9 MiB less peak RSS for a syncing node (W4).
   */
  public static final Map<String, String> NODE_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2",
      "MALLOC_MMAP_THRESHOLD_", "131072", "MALLOC_TRIM_THRESHOLD_", "131072");

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  public JavaCommand {
    jvmOptions = List.copyOf(jvmOptions);
  }

  /**
   * The command for the running program: its JVM and its class path (the shaded jar when started
   * with {@code java -jar cairn.jar}; the build's class path in tests), every entry made absolute
   * because nodes run in their data directories.
   */
  public static JavaCommand current() {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        entries.add(Path.of(e).toAbsolutePath().normalize().toString());
      }
    }
    String env = System.getenv("CAIRN_NODE_JAVA_OPTS");
    List<String> opts = env == null || env.isBlank() ? DEFAULT_OPTIONS : List.of(env.strip().split("\\s+"));
    return new JavaCommand(javaBin, String.join(File.pathSeparator, entries), opts, MAIN);
  }

  /**
   * Options that load classes from the archive {@code ./cairn} records next to the jar after each
   * build ({@code cairn.jsa}, see {@code ClassArchiveTraining}): a node then starts about 20% sooner.
   * None when the class path is not a single jar, or the archive is missing or older than the jar.
   * The JVM stays silent if it cannot use the archive anyway (another JDK).
   */
  public List<String> classArchiveOptions() {
    if (classpath.contains(File.pathSeparator) || !classpath.endsWith(".jar")) {
      return List.of();
    }
    File jar = new File(classpath);
    File archive = new File(classpath.substring(0, classpath.length() - ".jar".length()) + ".jsa");
    if (!archive.isFile() || archive.lastModified() < jar.lastModified()) {
      return List.of();
    }
    return List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-XX:SharedArchiveFile=" + archive.getPath());
  }

  /** Marks a node process with its data directory, first on its command line (see {@link Processes}). */
  public static final String MARKER = "-Dcairn.testnet.datadir=";

  /**
   * The full argument list for {@code cairn node --datadir dataDir <args>}, marked with
   * {@link #MARKER} right after the java executable: Linux shows only the first page of a command
   * line, and a test class path can be longer than that.
   */
  public List<String> nodeCommand(String dataDir, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add(MARKER + dataDir);
    cmd.addAll(jvmOptions);
    cmd.addAll(classArchiveOptions());
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(mainClass);
    cmd.add("node");
    cmd.add("--datadir");
    cmd.add(dataDir);
    cmd.addAll(args);
    return cmd;
  }
}
