package io.cairn.testnet.cli;

import io.cairn.testnet.launcher.JavaCommand;
import io.cairn.testnet.launcher.NodeRpc;
import io.cairn.testnet.launcher.Stop;
import io.cairn.testnet.dashboard.DashboardServer;
import io.cairn.testnet.launcher.Testnet;
import io.cairn.testnet.launcher.TestnetFile;
import io.cairn.testnet.launcher.Up;
import io.cairn.testnet.plan.Durations;
import io.cairn.testnet.plan.HashRates;
import io.cairn.testnet.plan.PlanOptions;
import io.cairn.testnet.plan.Ports;
import io.cairn.testnet.plan.Topology;
import io.cairn.testnet.status.LiveView;
import io.cairn.testnet.status.StatusReader;
import io.cairn.testnet.status.StatusTable;
import io.cairn.wallet.keys.DevAccounts;
import com.google.gson.JsonObject;
import io.cairn.common.amount.Amount;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn testnet up}. */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = {"Create (or resume) a local testnet, start every node as its own process, wait until all serve",
        "and are peered, then show a live status view; Ctrl-C stops every node. With --detach, return instead.",
        "A stopped testnet in DIR resumes with its chain; --reset starts over."})
final class UpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DirOption dir;

  @Option(names = "--nodes", paramLabel = "N", description = "Number of nodes (default 4).")
  Integer nodes;

  @Option(names = "--miners", paramLabel = "N", description = "How many of them mine (default 2).")
  Integer miners;

  @Option(names = "--block-time", paramLabel = "DURATION", description = "Target block time, e.g. 2s, 500ms (default 2s).")
  String blockTime;

  @Option(names = "--topology", paramLabel = "SHAPE", description = "mesh, ring or random:K (default mesh).")
  String topology;

  @Option(names = "--base-port", paramLabel = "PORT",
      description = "Node i gets P2P port PORT+2i and RPC port PORT+2i+1 (default 17420).")
  Integer basePort;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the random:K links (default 1).")
  Long seed;

  @Option(names = "--hash-budget", paramLabel = "H/S", hidden = true,
      description = "Hashes per second for all miners together (default 2000).")
  Long hashBudget;

  @Option(names = "--reset", description = "Delete the stopped testnet in DIR first and start over.")
  boolean reset;

  @Option(names = "--detach", description = "Return once the nodes are up; stop them later with 'cairn testnet down'.")
  boolean detach;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
      description = "How long the nodes get to serve and peer (default ${DEFAULT-VALUE}).")
  String timeout;

  @Option(names = "--json", description = "With --detach: print testnet.json instead of the tables.")
  boolean json;

  @Override
  public Integer call() {
    return Cli.guard(spec, this::up);
  }

  private int up() {
    PrintWriter out = spec.commandLine().getOut();
    PlanOptions d = PlanOptions.defaults();
    PlanOptions o = new PlanOptions(nodes != null ? nodes : d.nodes(), miners != null ? miners
        : Math.min(d.miners(), nodes != null ? nodes : d.nodes()),
        blockTime != null ? Durations.parse(blockTime).toMillis() : d.blockTimeMs(),
        topology != null ? Topology.parse(topology) : d.topology(), basePort != null ? basePort : Ports.DEFAULT_BASE,
        seed != null ? seed : d.seed(), hashBudget != null ? hashBudget : HashRates.DEFAULT_BUDGET);
    boolean planGiven = nodes != null || miners != null || blockTime != null || topology != null || basePort != null
        || seed != null;
    PrintWriter progress = json ? new PrintWriter(PrintWriter.nullWriter()) : out;
    long t0 = System.nanoTime();
    Testnet t = Up.run(dir.dir, JavaCommand.current(), new Up.Request(o, reset, Durations.parse(timeout)),
        System.currentTimeMillis(), progress);
    double secs = (System.nanoTime() - t0) / 1e9;
    if (json) {
      out.print(t.file().toJson());
    } else {
      if (planGiven && t.nodes().size() != o.nodes()) {
        out.println("(note: resumed as it was; --nodes/--miners/... apply only with --reset)");
      }
      printStarted(t, out, secs);
    }
    out.flush();
    if (detach) {
      if (!json) {
        out.println("Explorer (" + t.file().nodes().get(0).name() + "): " + Dashboards.explorer(t.file().nodes().get(0)));
        String self = Self.command();
        out.println("Detached. Status: " + self + " testnet status" + dirArg() + "   Dashboard: " + self
            + " testnet dashboard" + dirArg() + "   Stop: " + self + " testnet down" + dirArg());
      }
      return 0;
    }
    foreground(t, out);
    return 0;
  }

  private String dirArg() {
    return dir.dir.normalize().toString().equals("testnet") ? "" : " --dir " + dir.dir;
  }

  private void printStarted(Testnet t, PrintWriter out, double secs) {
    out.printf(Locale.ROOT, "All %d nodes serving and peered %.1f s after start.%n%n", t.nodes().size(), secs);
    out.print(StatusTable.addresses(new StatusReader(t).read()));
    out.println();
    out.println("WARNING: the dev accounts come from the PUBLIC phrase '" + DevAccounts.PHRASE + "'.");
    out.println("Anyone can spend from them: use them only on local test networks (the wallet and node refuse them elsewhere).");
    out.printf("%-6s %-5s %-66s %s%n", "NAME", "INDEX", "ADDRESS", "BALANCE");
    NodeRpc rpc = t.rpc(t.nodes().get(0));
    for (TestnetFile.Account a : t.file().accounts()) {
      String bal;
      try {
        JsonObject p = new JsonObject();
        p.addProperty("address", a.address());
        bal = Amount.ofUnits(Long.parseLong(rpc.object("state_getAccount", p).get("balance").getAsString())).display();
      } catch (RuntimeException e) {
        bal = "?";
      }
      out.printf("%-6s %-5d %-66s %s%n", a.name(), a.index(), a.address(), bal);
    }
    out.println();
    out.println("Send a transfer: " + sendHint(t));
  }

  private String sendHint(Testnet t) {
    String tn = dir.dir.normalize().toString().equals("testnet") ? "--testnet" : "--testnet " + dir.dir;
    return Self.command() + " wallet " + tn + " send --from 0 --to " + t.file().accounts().get(1).address() + " --amount 5 --yes --wait";
  }

  private void foreground(Testnet t, PrintWriter out) {
    DashboardServer dash = Dashboards.start(t, out);
    Thread main = Thread.currentThread();
    Thread hook = new Thread(() -> {
      main.interrupt();
      dash.close();
      out.println();
      out.println("Stopping the testnet...");
      out.flush();
      Stop.Stopped s = Stop.down(t);
      out.println("Stopped " + s.stopped() + " node(s)" + (s.forced() > 0 ? " (" + s.forced() + " needed SIGKILL)" : "") + ".");
      out.flush();
    }, "testnet-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean ansi = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    // The live view redraws the screen: keep what a user needs next in its header.
    String header = "Testnet " + t.layout().dir() + " (Ctrl-C stops every node)\n"
        + "Dashboard: " + dash.url() + "   Explorer (" + t.file().nodes().get(0).name() + "): "
        + Dashboards.explorer(t.file().nodes().get(0)) + "\n"
        + "Send:      " + sendHint(t);
    LiveView.run(new StatusReader(t), out, ansi, header, Duration.ofSeconds(1), System::currentTimeMillis);
  }
}
