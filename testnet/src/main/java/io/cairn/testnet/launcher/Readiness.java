package io.cairn.testnet.launcher;

import io.cairn.testnet.launcher.TestnetFile.Node;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Waits, with a deadline, until nodes serve (RPC {@code /health} 200 and {@code chain_info} answers)
 * and are peered (each has at least as many peers as the plan links it with among the running
 * nodes), printing progress when it changes. A node process that exits meanwhile fails at once, with
 * the end of its log.
 */
public final class Readiness {
  private static final long POLL_MS = 150;

  private Readiness() {}

  /**
   * Waits for {@code nodes}.
   *
   * @param needPeers also wait until every node has its planned peers
   * @throws TestnetException {@link TestnetException#FAILED} on a dead node or at the deadline
   */
  public static void await(Testnet t, List<Node> nodes, boolean needPeers, Duration timeout, PrintWriter out) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    Map<String, Integer> expected = new LinkedHashMap<>();
    List<String> runningNames = nodes.stream().map(Node::name).toList();
    for (Node n : nodes) {
      expected.put(n.name(), needPeers ? (int) t.neighbours(n).stream().filter(x -> runningNames.contains(x.name())
          || t.running(x)).count() : 0);
    }
    String last = "";
    while (true) {
      int serving = 0;
      int peered = 0;
      StringBuilder waitingFor = new StringBuilder();
      for (Node n : nodes) {
        if (!t.running(n)) {
          throw TestnetException.failed(n.name() + " exited during start-up (pid " + n.pid() + "); the end of "
              + t.layout().logFile(n.name()) + ":\n" + t.logTail(n, 15));
        }
        NodeRpc rpc = t.rpc(n);
        boolean ok = false;
        int peers = -1;
        if (rpc.healthy()) {
          try {
            rpc.object("chain_info");
            ok = true;
            peers = needPeers ? rpc.peerCount() : 0;
          } catch (NodeRpc.RpcException e) {
            ok = false;
          }
        }
        serving += ok ? 1 : 0;
        boolean p = ok && peers >= expected.get(n.name());
        peered += p ? 1 : 0;
        if (!p) {
          waitingFor.append(' ').append(n.name()).append(ok ? "(" + peers + "/" + expected.get(n.name()) + " peers)" : "(starting)");
        }
      }
      double secs = (System.nanoTime() - start) / 1e9;
      boolean done = serving == nodes.size() && (!needPeers || peered == nodes.size());
      String line = String.format(Locale.ROOT, "  serving %d/%d%s", serving, nodes.size(),
          needPeers ? ", peered " + peered + "/" + nodes.size() : "");
      if (!line.equals(last) || done) {
        out.printf(Locale.ROOT, "%s  (%.1f s)%n", line, secs);
        out.flush();
        last = line;
      }
      if (done) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw TestnetException.failed("nodes not ready after " + timeout.toSeconds() + " s; waiting for" + waitingFor
            + ". See the logs in " + t.layout().logsDir());
      }
      try {
        Thread.sleep(POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw TestnetException.failed("interrupted while waiting for the nodes");
      }
    }
  }
}
