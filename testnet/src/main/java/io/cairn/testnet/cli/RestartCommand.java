package io.cairn.testnet.cli;

import io.cairn.testnet.launcher.JavaCommand;
import io.cairn.testnet.launcher.NodeOps;
import io.cairn.testnet.launcher.Testnet;
import io.cairn.testnet.launcher.TestnetFile.Node;
import io.cairn.testnet.plan.Durations;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn testnet restart NODE}. */
@Command(name = "restart", mixinStandardHelpOptions = true,
    description = "Stop a node gracefully if it runs, start it again and wait until it serves.")
final class RestartCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DirOption dir;

  @Parameters(paramLabel = "NODE", description = "node0, node1, ... (or just the index)")
  String node;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", description = "Default ${DEFAULT-VALUE}.")
  String timeout;

  @Override
  public Integer call() {
    return Cli.guard(spec, () -> {
      Testnet t = Testnet.open(dir.dir, JavaCommand.current());
      Node n = NodeOps.restart(t, t.node(node), Durations.parse(timeout), spec.commandLine().getOut());
      spec.commandLine().getOut().println("Restarted " + n.name() + " (pid " + n.pid() + ").");
      return 0;
    });
  }
}
