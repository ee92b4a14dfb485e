package io.cairn.testnet.cli;

import io.cairn.testnet.launcher.JavaCommand;
import io.cairn.testnet.launcher.Testnet;
import io.cairn.testnet.status.NodeStatus;
import io.cairn.testnet.status.StatusReader;
import io.cairn.testnet.status.StatusTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn testnet status}. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show every node once: role, state, height, tip, peers, mempool, last block; addresses and logs.")
final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DirOption dir;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    return Cli.guard(spec, () -> {
      PrintWriter out = spec.commandLine().getOut();
      Testnet t = Testnet.open(dir.dir, JavaCommand.current());
      List<NodeStatus> s = new StatusReader(t).read();
      if (json) {
        out.print(StatusTable.json(s));
      } else {
        out.print(StatusTable.live(s, System.currentTimeMillis()));
        out.println();
        out.print(StatusTable.addresses(s));
      }
      return 0;
    });
  }
}
