package io.cairn.testnet.cli;

import io.cairn.testnet.launcher.JavaCommand;
import io.cairn.testnet.launcher.Partitions;
import io.cairn.testnet.launcher.Testnet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn testnet heal}. */
@Command(name = "heal", mixinStandardHelpOptions = true, description = "Undo a partition: every node accepts every peer again.")
final class HealCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DirOption dir;

  @Override
  public Integer call() {
    return Cli.guard(spec, () -> {
      Testnet t = Testnet.open(dir.dir, JavaCommand.current());
      Partitions.heal(t);
      spec.commandLine().getOut().println("Healed: links re-dialled among " + t.runningNodes().size() + " running node(s).");
      return 0;
    });
  }
}
