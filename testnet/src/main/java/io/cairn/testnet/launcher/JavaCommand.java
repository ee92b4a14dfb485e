package io.cairn.testnet.launcher;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
   * Small nodes that start fast: a 256 MiB heap cap, the serial collector (fewest threads), no perf
   * data file, and only the C1 JIT compiler, which halves a node's start-up on a busy 2-core machine
   * (about 2 s instead of 4 s to serve) at the cost of peak throughput a local testnet does not need.
   * {@code CAIRN_NODE_JAVA_OPTS} replaces them (e.g. {@code "-Xmx512m"} for full JIT in benchmarks).
   */
  public static final List<String> DEFAULT_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
      "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-Xss512k");

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
