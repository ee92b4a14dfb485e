package io.cairn.testnet.cli;

import io.cairn.testnet.chaos.ChaosRunner;
import io.cairn.testnet.chaos.Verdict;
import io.cairn.testnet.launcher.JavaCommand;
import io.cairn.testnet.launcher.Testnet;
import io.cairn.testnet.launcher.TestnetException;
import io.cairn.testnet.plan.Durations;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn testnet chaos [--duration 60s] [--seed S]}. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
    description = {"While load runs, kill and restart random nodes and partition and heal the network at random;",
        "then heal, wait for convergence and check: one tip everywhere, every acknowledged transfer confirmed or",
        "refused with a reason, total supply = allocations + rewards, no store needed repair.",
        "Prints a verdict; exit code 4 on any violation. The seed makes the run reproducible."})
final class ChaosCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DirOption dir;

  @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "60s", description = "Default ${DEFAULT-VALUE}.")
  String duration;

  @Option(names = "--seed", paramLabel = "S", description = "Seed (default: random, printed).")
  Long seed;

  @Option(names = "--tps", paramLabel = "N", defaultValue = "5", description = "Load rate (default ${DEFAULT-VALUE}).")
  double tps;

  @Option(names = "--settle", paramLabel = "DURATION", defaultValue = "90s",
      description = "How long to wait for convergence and confirmations afterwards (default ${DEFAULT-VALUE}).")
  String settle;

  @Option(names = "--json", description = "Print the verdict as JSON.")
  boolean json;

  @Override
  public Integer call() {
    return Cli.guard(spec, () -> {
      PrintWriter out = spec.commandLine().getOut();
      Testnet t = Testnet.open(dir.dir, JavaCommand.current());
      long s = seed != null ? seed : new java.security.SecureRandom().nextLong() & 0xffff_ffffL;
      PrintWriter progress = json ? new PrintWriter(PrintWriter.nullWriter()) : out;
      Verdict v = ChaosRunner.run(t, new ChaosRunner.Options(Durations.parse(duration), s, tps, Durations.parse(settle)),
          progress);
      out.print(json ? v.json() + "\n" : v.text());
      return v.ok() ? 0 : TestnetException.VIOLATION;
    });
  }
}
