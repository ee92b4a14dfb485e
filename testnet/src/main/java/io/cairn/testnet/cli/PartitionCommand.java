package io.cairn.testnet.cli;

import io.cairn.testnet.launcher.JavaCommand;
import io.cairn.testnet.launcher.Partitions;
import io.cairn.testnet.launcher.Testnet;
import io.cairn.testnet.launcher.TestnetFile.Node;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn testnet partition A,B C,D}. */
@Command(name = "partition", mixinStandardHelpOptions = true,
    description = {"Split the network: nodes drop and refuse links to nodes outside their group until 'heal'.",
        "Example: cairn testnet partition node0,node1 node2,node3"})
final class PartitionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DirOption dir;

  @Parameters(paramLabel = "GROUP", arity = "2..*", description = "Comma-separated node names; every running node in one group.")
  List<String> groups;

  @Override
  public Integer call() {
    return Cli.guard(spec, () -> {
      Testnet t = Testnet.open(dir.dir, JavaCommand.current());
      List<List<Node>> g = Partitions.parse(t, groups);
      Partitions.partition(t, g);
      spec.commandLine().getOut().println("Partitioned: " + String.join(" | ",
          g.stream().map(x -> String.join(",", x.stream().map(Node::name).toList())).toList()) + ". Undo with 'heal'.");
      return 0;
    });
  }
}
