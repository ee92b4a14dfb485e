package io.cairn.testnet.cli;

import io.cairn.testnet.launcher.JavaCommand;
import io.cairn.testnet.launcher.Testnet;
import io.cairn.testnet.launcher.TestnetException;
import io.cairn.testnet.load.LoadReport;
import io.cairn.testnet.load.LoadRunner;
import io.cairn.testnet.plan.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn testnet load --tps N --duration D}. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = {"Send signed transfers among the dev accounts to random nodes at a steady rate, then follow every",
        "acknowledged one until it is confirmed or refused; report accepted, confirmed and rejected (with reasons)."})
final class LoadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DirOption dir;

  @Option(names = "--tps", paramLabel = "N", defaultValue = "10", description = "Transfers per second (default ${DEFAULT-VALUE}).")
  double tps;

  @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "30s", description = "Default ${DEFAULT-VALUE}.")
  String duration;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of senders and amounts.")
  long seed;

  @Option(names = "--confirm-timeout", paramLabel = "DURATION", defaultValue = "60s",
      description = "How long to wait for confirmations afterwards (default ${DEFAULT-VALUE}).")
  String confirmTimeout;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Override
  public Integer call() {
    return Cli.guard(spec, () -> {
      if (!(tps > 0 && tps <= 10_000)) {
        throw new TestnetException(TestnetException.USAGE, "--tps must be between 0 and 10000, not " + tps);
      }
      PrintWriter out = spec.commandLine().getOut();
      Testnet t = Testnet.open(dir.dir, JavaCommand.current());
      Duration d = Durations.parse(duration);
      LoadRunner load = new LoadRunner(t, seed, out);
      load.prepare();
      if (!json) {
        out.printf("Sending %.1f transfers/s for %s to %d node(s)...%n", tps, Durations.format(d), t.runningNodes().size());
        out.flush();
      }
      load.submit(tps, d, () -> false);
      if (!json) {
        out.println("Waiting for confirmations...");
        out.flush();
      }
      LoadReport r = load.finish(Durations.parse(confirmTimeout));
      out.print(json ? r.json() + "\n" : r.text());
      return r.lost() == 0 ? 0 : TestnetException.VIOLATION;
    });
  }
}
