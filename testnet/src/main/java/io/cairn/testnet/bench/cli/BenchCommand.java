package io.cairn.testnet.bench.cli;

import com.google.gson.GsonBuilder;
import io.cairn.node.io.FileTrees;
import io.cairn.testnet.bench.BenchRunner;
import io.cairn.testnet.launcher.JavaCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn testnet bench [--quick] [--out docs/benchmarks.md]}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmark local Cairn networks of real node processes (fresh nodes in a temp",
        "directory): the Ed25519 verify limit, W1 mempool acceptance, W2 relay, W3 block",
        "propagation, W4 initial sync, W5 peer-to-peer bytes and block relay. Prints a",
        "Markdown table (median, min, max, ratio to the limit, goals met or missed), or",
        "JSON with --json. Exit code 0 when every workload ran (met or missed goals",
        "alike), 1 when one failed, 2 on a bad option. See docs/benchmarks.md."})
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--quick", description = "Reduced sizes, one run each (under 2 minutes); same table.")
  boolean quick;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Also write the table into this Markdown file's 'Network workloads' section (the rest is kept).")
  Path out;

  @Option(names = "--runs", paramLabel = "N", description = "Runs per figure (default 3, --quick 1).")
  Integer runs;

  @Option(names = "--base-port", paramLabel = "PORT", defaultValue = "27420",
      description = "First of the " + BenchRunner.PORTS + " ports the nodes use on 127.0.0.1 (default ${DEFAULT-VALUE}).")
  int basePort;

  @Option(names = "--node-java-opts", paramLabel = "OPTS",
      description = "JVM options of the node processes (default: CAIRN_NODE_JAVA_OPTS, else C1 JIT only, -Xmx64m, serial GC; see docs/benchmarks.md).")
  String nodeJavaOpts;

  @Option(names = "--json", description = "Print the figures as JSON on standard output (progress goes to standard error).")
  boolean json;

  @Option(names = "--keep", description = "Keep the work directory (node logs and stores) and print its path.")
  boolean keep;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (basePort < 1024 || basePort + BenchRunner.PORTS > 65535) {
      err.println("cairn testnet bench: --base-port must be between 1024 and " + (65535 - BenchRunner.PORTS));
      return 2;
    }
    if (runs != null && (runs < 1 || runs > 20)) {
      err.println("cairn testnet bench: --runs must be between 1 and 20");
      return 2;
    }
    Path work = Files.createTempDirectory("cairn-bench-");
    JavaCommand java = nodeJava();
    BenchRunner.Options opts = quick ? BenchRunner.Options.quick(basePort, work, java)
        : BenchRunner.Options.full(basePort, work, java);
    if (runs != null) {
      opts = new BenchRunner.Options(opts.quick(), runs, opts.txs(), opts.syncBlocks(), opts.perBlock(),
          opts.uploadCap(), opts.gossipTxs(), opts.basePort(), opts.workDir(), opts.nodeJava());
    }
    PrintWriter progress = json ? err : o;
    progress.println("cairn testnet bench" + (quick ? " --quick" : "") + ": nodes in " + work + ", ports " + basePort + "-"
        + (basePort + BenchRunner.PORTS - 1));
    progress.flush();
    BenchRunner.Outcome result;
    try {
      result = BenchRunner.run(opts, progress);
    } catch (RuntimeException e) {
      err.println("cairn testnet bench: " + e.getMessage());
      err.println("(node logs are in " + work.resolve("logs") + ")");
      err.flush();
      return 1;
    }
    String section = result.markdown();
    if (json) {
      o.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(result.json()));
    } else {
      o.println();
      o.print(section);
    }
    if (out != null) {
      String doc = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "# Cairn benchmarks\n";
      Files.writeString(out, BenchRunner.replaceSection(doc, section), StandardCharsets.UTF_8);
      progress.println("\nwrote the table into " + out + " (section '" + BenchRunner.HEADING.substring(3) + "')");
    }
    o.flush();
    if (keep) {
      progress.println("work directory kept: " + work);
    } else {
      FileTrees.delete(work);
    }
    progress.flush();
    return 0;
  }

  private JavaCommand nodeJava() {
    JavaCommand cur = JavaCommand.current();
    String env = System.getenv("CAIRN_NODE_JAVA_OPTS");
    String given = nodeJavaOpts != null ? nodeJavaOpts : env;
    List<String> opts = given == null || given.isBlank() ? BenchRunner.NODE_OPTIONS : List.of(given.strip().split("\\s+"));
    return new JavaCommand(cur.java(), cur.classpath(), opts, cur.mainClass());
  }
}
