package io.cairn.testnet.cli;

import io.cairn.testnet.launcher.JavaCommand;
import io.cairn.testnet.launcher.NodeOps;
import io.cairn.testnet.launcher.Testnet;
import io.cairn.testnet.launcher.TestnetFile.Node;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn testnet kill NODE}. */
@Command(name = "kill", mixinStandardHelpOptions = true,
    description = "Kill a node with SIGKILL (no clean shutdown); 'restart NODE' brings it back.")
final class KillCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DirOption dir;

  @Parameters(paramLabel = "NODE", description = "node0, node1, ... (or just the index)")
  String node;

  @Override
  public Integer call() {
    return Cli.guard(spec, () -> {
      Testnet t = Testnet.open(dir.dir, JavaCommand.current());
      Node n = t.node(node);
      NodeOps.kill(t, n);
      spec.commandLine().getOut().println("Killed " + n.name() + " (pid " + n.pid() + ").");
      return 0;
    });
  }
}
