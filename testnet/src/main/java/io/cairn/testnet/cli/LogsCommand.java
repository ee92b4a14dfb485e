package io.cairn.testnet.cli;

import io.cairn.testnet.launcher.JavaCommand;
import io.cairn.testnet.launcher.Testnet;
import io.cairn.testnet.launcher.TestnetException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn testnet logs NODE [-f]}. */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Print a node's log; -f follows it (Ctrl-C ends).")
final class LogsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DirOption dir;

  @Parameters(paramLabel = "NODE", description = "node0, node1, ... (or just the index)")
  String node;

  @Option(names = {"-f", "--follow"}, description = "Keep printing what the node writes.")
  boolean follow;

  @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "100",
      description = "Print the last N lines first (default ${DEFAULT-VALUE}; 0 for all).")
  int lines;

  @Override
  public Integer call() {
    return Cli.guard(spec, () -> {
      PrintWriter out = spec.commandLine().getOut();
      Testnet t = Testnet.open(dir.dir, JavaCommand.current());
      Path log = t.layout().logFile(t.node(node).name());
      if (!Files.exists(log)) {
        throw new TestnetException(TestnetException.STATE, "no log yet at " + log);
      }
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      all.subList(lines <= 0 ? 0 : Math.max(0, all.size() - lines), all.size()).forEach(out::println);
      out.flush();
      if (follow) {
        follow(log, out);
      }
      return 0;
    });
  }

  private static void follow(Path log, PrintWriter out) throws IOException, InterruptedException {
    long pos = Files.size(log);
    while (!Thread.currentThread().isInterrupted()) {
      long size = Files.size(log);
      if (size < pos) {
        pos = 0; // truncated
      }
      if (size > pos) {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
          f.seek(pos);
          byte[] b = new byte[(int) Math.min(size - pos, 1 << 20)];
          f.readFully(b);
          pos += b.length;
          out.print(new String(b, StandardCharsets.UTF_8));
          out.flush();
        }
      }
      Thread.sleep(250);
    }
  }
}
