package io.cairn.testnet.launcher;

import io.cairn.testnet.launcher.TestnetFile.Node;
import io.cairn.testnet.plan.NodePlan;
import io.cairn.testnet.plan.Ports;
import io.cairn.testnet.plan.TestnetPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/** {@code kill}, {@code restart} and {@code add-node}. */
public final class NodeOps {
  private NodeOps() {}

  /**
   * SIGKILL, no chance to close the store.
   *
   * @throws TestnetException {@link TestnetException#STATE} when the node is not running
   */
  public static void kill(Testnet t, Node n) {
    if (!Processes.kill(n.pid(), n.dataDir())) {
      throw TestnetException.state(n.name() + " is not running");
    }
  }

  /**
   * Stops the node gracefully if it runs, starts it again, waits until it serves, and asks it to dial
   * all its planned neighbours now (those that dial it may be waiting out a reconnect backoff).
   */
  public static Node restart(Testnet t, Node n, Duration timeout, PrintWriter out) {
    Stop.stop(t, List.of(n), Processes.STOP_GRACE);
    Node started = t.start(t.node(n.name()));
    Readiness.await(t, List.of(started), false, timeout, out);
    relink(t, started);
    return started;
  }

  /** Asks {@code n} to dial each of its running planned neighbours (errors ignored: best effort). */
  public static void relink(Testnet t, Node n) {
    dial(t, n, t.neighbours(n));
  }

  /**
   * Asks {@code n} to dial the peers its cairn.conf lists, now: the node picks its outbound links from
   * its whole address book, so after a restart or a partition a learnt address may have taken a
   * planned link's place, or the planned peer may be waiting out a reconnect backoff.
   */
  public static void dialPlanned(Testnet t, Node n) {
    dial(t, n, t.dialed(n).stream().map(t::byAddress).flatMap(java.util.Optional::stream).toList());
  }

  private static void dial(Testnet t, Node n, List<Node> peers) {
    NodeRpc rpc = t.rpc(n);
    for (Node peer : peers) {
      if (t.running(peer)) {
        try {
          rpc.addPeer("127.0.0.1:" + peer.p2pPort());
        } catch (NodeRpc.RpcException e) {
          // the node dials its configured peers by itself anyway
        }
      }
    }
  }

  /**
   * A late joiner: the next node index and ports, no mining, dialing up to three of the oldest running
   * nodes; waits until it serves, is peered and has caught up with the best height of the others.
   */
  public static Node addNode(Testnet t, Duration timeout, PrintWriter out) {
    List<Node> running = t.runningNodes();
    if (running.isEmpty()) {
      throw TestnetException.state("the testnet in " + t.layout().dir() + " is not running; start it with 'cairn testnet up'");
    }
    int index = t.nodes().stream().mapToInt(Node::index).max().orElse(-1) + 1;
    Node first = t.nodes().get(0);
    int base = Ports.baseOf(first.p2pPort(), first.index());
    try {
      Ports.checkRange(base, index + 1);
    } catch (IllegalArgumentException e) {
      throw TestnetException.state("no room for another node: " + e.getMessage());
    }
    NodePlan plan = TestnetPlan.lateJoiner(index, base, running.stream().map(Node::index).toList());
    long target = running.stream().mapToLong(n -> height(t, n)).max().orElse(0);
    try {
      Files.createDirectories(t.layout().nodeDir(plan.name()));
      Files.writeString(t.layout().confFile(plan.name()), plan.config(t.layout().chainJson().toString(),
          TestnetPlan.PREFIX), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + t.layout().nodeDir(plan.name()) + ": " + e.getMessage(), e);
    }
    Node n = Up.node(t.layout(), plan);
    t.update(n);
    out.println("Adding " + n.name() + " (P2P 127.0.0.1:" + n.p2pPort() + ", RPC " + n.rpcUrl() + "), dialing "
        + plan.dialed().stream().map(i -> NodePlan.name(i)).toList() + "; the others are at height " + target);
    out.flush();
    Node started = t.start(n);
    Readiness.await(t, List.of(started), true, timeout, out);
    long deadline = System.nanoTime() + timeout.toNanos();
    long h;
    while ((h = height(t, started)) < target) {
      if (System.nanoTime() > deadline) {
        throw TestnetException.failed(n.name() + " is at height " + h + " after " + timeout.toSeconds()
            + " s; the others were at " + target + ". See " + t.layout().logFile(n.name()));
      }
      sleep(200);
    }
    out.println(n.name() + " synced to height " + h + ".");
    return started;
  }

  static long height(Testnet t, Node n) {
    try {
      return t.rpc(n).object("chain_info").get("height").getAsLong();
    } catch (NodeRpc.RpcException e) {
      return -1;
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw TestnetException.failed("interrupted");
    }
  }
}
