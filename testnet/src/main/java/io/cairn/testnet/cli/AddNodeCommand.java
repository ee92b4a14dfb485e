package io.cairn.testnet.cli;

import io.cairn.testnet.launcher.JavaCommand;
import io.cairn.testnet.launcher.NodeOps;
import io.cairn.testnet.launcher.Testnet;
import io.cairn.testnet.plan.Durations;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn testnet add-node}. */
@Command(name = "add-node", mixinStandardHelpOptions = true,
    description = "Start one more (non-mining) node that joins late and syncs from the others.")
final class AddNodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DirOption dir;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "120s", description = "Default ${DEFAULT-VALUE}.")
  String timeout;

  @Override
  public Integer call() {
    return Cli.guard(spec, () -> {
      Testnet t = Testnet.open(dir.dir, JavaCommand.current());
      NodeOps.addNode(t, Durations.parse(timeout), spec.commandLine().getOut());
      return 0;
    });
  }
}
