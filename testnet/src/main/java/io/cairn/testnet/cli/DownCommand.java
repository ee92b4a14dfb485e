package io.cairn.testnet.cli;

import io.cairn.testnet.launcher.JavaCommand;
import io.cairn.testnet.launcher.Stop;
import io.cairn.testnet.launcher.Testnet;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn testnet down}. */
@Command(name = "down", mixinStandardHelpOptions = true,
    description = "Stop every node (SIGTERM, SIGKILL after 20 s). The chain is kept: 'up' resumes it.")
final class DownCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DirOption dir;

  @Override
  public Integer call() {
    return Cli.guard(spec, () -> {
      PrintWriter out = spec.commandLine().getOut();
      Testnet t = Testnet.open(dir.dir, JavaCommand.current());
      Stop.Stopped s = Stop.down(t);
      out.println(s.stopped() == 0 ? "The testnet in " + t.layout().dir() + " is not running."
          : "Stopped " + s.stopped() + " node(s)" + (s.forced() > 0 ? " (" + s.forced() + " needed SIGKILL)" : "") + ".");
      return 0;
    });
  }
}
