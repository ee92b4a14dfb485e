package io.cairn.testnet.launcher;

import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.ChainSpecJson;
import io.cairn.testnet.launcher.TestnetFile.Account;
import io.cairn.testnet.launcher.TestnetFile.Node;
import io.cairn.testnet.plan.NodePlan;
import io.cairn.testnet.plan.PlanOptions;
import io.cairn.testnet.plan.TestnetPlan;
import io.cairn.wallet.keys.DevAccounts;
import io.cairn.wallet.keystore.KdfParams;
import io.cairn.wallet.keystore.Keystores;
import io.cairn.wallet.keystore.WalletDir;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code cairn testnet up}: creates a fresh testnet (or resumes a stopped one), starts every node as
 * its own process and waits until all serve and are peered. Nothing starts when a port is taken or a
 * testnet already runs in the directory; when a node fails to come up, the nodes started so far are
 * stopped again.
 */
public final class Up {
  /** The dev wallet's scrypt cost: its password is empty and its phrase public, so keep unlocking fast. */
  public static final KdfParams DEV_WALLET_KDF = new KdfParams(1 << 12, 8, 1);

  /**
   * What to do.
   *
   * @param options the plan options (ignored when resuming)
   * @param reset delete a stopped testnet in the directory and start over
   * @param timeout how long the nodes get to serve and peer
   */
  public record Request(PlanOptions options, boolean reset, Duration timeout) {}

  private Up() {}

  /** Runs {@code up}; returns the running testnet. */
  public static Testnet run(Path dir, JavaCommand java, Request req, long nowMs, PrintWriter out) {
    Layout layout = new Layout(dir);
    try {
      Files.createDirectories(layout.dir());
    } catch (IOException e) {
      throw TestnetException.failed("cannot create " + layout.dir() + ": " + e.getMessage());
    }
    DirLock lock = DirLock.acquire(layout);
    try {
      TestnetFile existing;
      try {
        existing = TestnetFile.read(layout.testnetJson()).orElse(null);
      } catch (IllegalStateException e) {
        if (!req.reset()) {
          throw TestnetException.state(e.getMessage());
        }
        existing = null;
      }
      if (existing != null) {
        Testnet old = new Testnet(layout, java, existing);
        List<Node> running = old.runningNodes();
        if (!running.isEmpty()) {
          throw TestnetException.state("a testnet is already running in " + layout.dir() + " ("
              + running.stream().map(n -> n.name() + " pid " + n.pid()).collect(Collectors.joining(", "))
              + "); see 'cairn testnet status', or stop it with 'cairn testnet down'");
        }
      }
      Testnet t;
      if (existing != null && !req.reset()) {
        out.println("Resuming the stopped testnet in " + layout.dir() + " (" + existing.nodes().size()
            + " nodes; chain, balances and history kept; 'up --reset' starts over).");
        t = new Testnet(layout, java, existing);
        checkPorts(existing.nodes());
      } else {
        if (req.reset()) {
          List<Path> gone = layout.deleteOwned();
          if (!gone.isEmpty()) {
            out.println("Reset: deleted " + gone.stream().map(p -> p.getFileName().toString()).sorted()
                .collect(Collectors.joining(", ")) + " in " + layout.dir());
          }
        } else {
          requireNoLeftovers(layout);
        }
        t = create(layout, java, TestnetPlan.of(req.options()), nowMs, out);
      }
      startAll(t, req.timeout(), out);
      return t;
    } finally {
      lock.close();
    }
  }

  private static void requireNoLeftovers(Layout layout) {
    List<String> left = new ArrayList<>();
    for (Path p : List.of(layout.chainJson(), layout.walletDir(), layout.dir().resolve("node0"))) {
      if (Files.exists(p)) {
        left.add(p.getFileName().toString());
      }
    }
    if (!left.isEmpty()) {
      throw TestnetException.state(layout.dir() + " holds parts of a testnet (" + String.join(", ", left)
          + ") but no testnet.json; start over with 'cairn testnet up --reset'");
    }
  }

  private static void checkPorts(List<Node> nodes) {
    List<Integer> ports = new ArrayList<>();
    for (Node n : nodes) {
      ports.add(n.p2pPort());
      ports.add(URI.create(n.rpcUrl()).getPort());
    }
    List<Integer> taken = PortCheck.taken(ports);
    if (!taken.isEmpty()) {
      throw TestnetException.state((taken.size() == 1 ? "port " : "ports ")
          + taken.stream().map(String::valueOf).collect(Collectors.joining(", "))
          + " on 127.0.0.1 " + (taken.size() == 1 ? "is" : "are") + " already in use; free "
          + (taken.size() == 1 ? "it" : "them") + " or choose other ports with --base-port");
    }
  }

  /** Writes chain.json, the dev wallet, one data directory per node and testnet.json. */
  static Testnet create(Layout layout, JavaCommand java, TestnetPlan plan, long nowMs, PrintWriter out) {
    List<Node> nodes = new ArrayList<>();
    for (NodePlan n : plan.nodes()) {
      nodes.add(node(layout, n));
    }
    checkPorts(nodes);
    ChainSpec spec = plan.spec(nowMs);
    try {
      Files.writeString(layout.chainJson(), ChainSpecJson.toJson(spec), StandardCharsets.UTF_8);
      new WalletDir(layout.walletDir()).create(Keystores.devWallet(spec.addressPrefix(), DEV_WALLET_KDF, nowMs,
          new SecureRandom()));
      for (NodePlan n : plan.nodes()) {
        Path d = layout.nodeDir(n.name());
        Files.createDirectories(d);
        Files.writeString(layout.confFile(n.name()), n.config(layout.chainJson().toString(), spec.addressPrefix()),
            StandardCharsets.UTF_8);
      }
      Files.createDirectories(layout.logsDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the testnet in " + layout.dir() + ": " + e.getMessage(), e);
    }
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < DevAccounts.COUNT; i++) {
      accounts.add(new Account("dev" + i, i, DevAccounts.account(i).address().encode(spec.addressPrefix())));
    }
    TestnetFile f = new TestnetFile(nodes, accounts);
    f.write(layout.testnetJson());
    out.printf("Created a %d-node testnet in %s: %s topology, %d miner%s, %d ms blocks, all miners capped at %d hashes/s"
        + " in total.%n", plan.nodes().size(), layout.dir(), plan.options().topology(), plan.options().miners(),
        plan.options().miners() == 1 ? "" : "s", plan.options().blockTimeMs(), plan.totalRate());
    return new Testnet(layout, java, f);
  }

  static Node node(Layout layout, NodePlan n) {
    return new Node(n.name(), 0, n.p2pPort(), "http://127.0.0.1:" + n.rpcPort(), layout.cookieFile(n.name()).toString(),
        layout.nodeDir(n.name()).toString(), n.miner());
  }

  /** Starts every node and waits; on failure stops those it started. */
  static void startAll(Testnet t, Duration timeout, PrintWriter out) {
    List<Node> started = new ArrayList<>();
    boolean ok = false;
    try {
      out.println("Starting " + t.nodes().size() + " nodes...");
      out.flush();
      for (Node n : t.nodes()) {
        started.add(t.start(n));
      }
      Readiness.await(t, started, false, timeout, out);
      for (Node n : started) {
        NodeOps.dialPlanned(t, n);
      }
      Readiness.await(t, started, true, timeout, out);
      ok = true;
    } finally {
      if (!ok) {
        Stop.stop(t, started, Processes.STOP_GRACE);
      }
    }
  }
}
