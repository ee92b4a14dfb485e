package io.cairn.testnet.cli;

import io.cairn.testnet.dashboard.DashboardServer;
import io.cairn.testnet.launcher.JavaCommand;
import io.cairn.testnet.launcher.Testnet;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn testnet dashboard}: serve the dashboard of a running (e.g. detached) testnet until Ctrl-C. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
    description = "Serve the browser dashboard of a running testnet (heights, forks, propagation, peer links) until Ctrl-C.")
final class DashboardCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DirOption dir;

  @Override
  public Integer call() {
    return Cli.guard(spec, () -> {
      PrintWriter out = spec.commandLine().getOut();
      Testnet t = Testnet.open(dir.dir, JavaCommand.current());
      DashboardServer dash = Dashboards.start(t, out);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        dash.close();
        stopped.countDown();
      }, "dashboard-stop"));
      out.println("Serving until Ctrl-C (the nodes keep running).");
      out.flush();
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 0;
    });
  }
}
