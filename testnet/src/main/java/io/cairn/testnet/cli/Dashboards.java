package io.cairn.testnet.cli;

import io.cairn.node.explorer.ExplorerUrl;
import io.cairn.testnet.dashboard.DashboardServer;
import io.cairn.testnet.launcher.Testnet;
import io.cairn.testnet.launcher.TestnetFile;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Starts the testnet dashboard next to the nodes' ports (one below the first node's P2P port, so
 * 17419 for the default base port; any free port when that one is taken) and prints where to look.
 */
final class Dashboards {
  private Dashboards() {}

  static DashboardServer start(Testnet t, PrintWriter out) {
    TestnetFile.Node first = t.file().nodes().get(0);
    int preferred = first.p2pPort() - 1;
    DashboardServer dash;
    try {
      dash = DashboardServer.start(t.layout().testnetJson(), preferred);
    } catch (UncheckedIOException e) {
      dash = DashboardServer.start(t.layout().testnetJson(), 0);
      out.println("(port " + preferred + " is taken; the dashboard uses port " + dash.port() + ")");
    }
    out.println("Dashboard:        " + dash.url());
    out.println("Explorer (" + first.name() + "): " + explorer(first));
    out.flush();
    return dash;
  }

  /** The node's explorer URL with its cookie token in the fragment (never sent to a server). */
  static String explorer(TestnetFile.Node node) {
    try {
      return ExplorerUrl.withToken(URI.create(node.rpcUrl()), Path.of(node.cookieFile())).toString();
    } catch (RuntimeException e) {
      return node.rpcUrl();
    }
  }
}
