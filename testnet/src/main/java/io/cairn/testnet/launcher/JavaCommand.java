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
 * @param mainClass the {@code cairn} entry point
 */
public record JavaCommand(String java, String classpath, List<String> jvmOptions, String mainClass) {
  public static final String MAIN = "io.cairn.testnet.cli.CairnMain";
  /**
   * JVM options every node gets, from the testnet launcher and from the benchmark alike: only the C1
   * JIT compiler, the serial collector (fewest threads, smallest side structures), no perf data file,
   * 512 KiB thread stacks, and Netty's pooled allocator with one direct and one heap arena (the default is two of each per
   * core, each growing in 4 MiB chunks) — a node's traffic is a few connections. C1 alone: Bouncy
   * Castle's Ed25519 verifies about as fast compiled by C1 as by C2 (67-68 against 64-66 us), while
   * C2 spends about 70 us of CPU per transaction compiling during a node's first 20,000 transactions
   * and tens of MiB of memory; `cairn testnet bench` measured W1 13,760 against 10,707 tx/s, W2 4,113
   * against 2,986 tx/s, equal sync speed, and 37 and 32 MiB less peak RSS with C1 alone.
   */
  public static final List<String> COMMON_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss512k",
      "-Dio.netty.allocator.numDirectArenas=1", "-Dio.netty.allocator.numHeapArenas=1");

  /**
   * Testnet nodes: {@link #COMMON_OPTIONS} (C1 alone also halves a node's start-up on a busy 2-core
   * machine, about 2 s instead of 4 s to serve) and a 256 MiB heap cap. {@code CAIRN_NODE_JAVA_OPTS}
   * replaces them (e.g. {@code "-Xmx512m"}).
   */
  public static final List<String> DEFAULT_OPTIONS = concat(List.of("-Xms32m", "-Xmx256m"), COMMON_OPTIONS);

  /**
   * Nodes measured by {@code cairn testnet bench}: {@link #COMMON_OPTIONS}, a heap that starts at 32 MiB (a node lives in 15-25 MiB after a young collection; a
   * full 20,000-transaction mempool or a fast sync needs 55-95 MiB, hence the 112 MiB cap) and a first
   * metaspace threshold of 32 MiB (the default 21 MiB cost one needless full collection per start).
   * Tighter heap free ratios (20/40%) saved no peak RSS at full size but doubled the full collections.
   */
  public static final List<String> BENCH_OPTIONS = concat(List.of("-Xms32m", "-Xmx112m", "-XX:MetaspaceSize=32m",
      "-XX:MaxMetaspaceSize=80m", "-XX:ReservedCodeCacheSize=32m"), COMMON_OPTIONS);

  /**
   * Environment of every node process, unless the caller's environment sets the variable: glibc's
   * malloc keeps at most two arenas (the default is up to eight per core, each holding on to the
   * native memory freed into it: RocksDB's memtables and blocks, Netty, the JIT).
   */
  public static final Map<String, String> NODE_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

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
