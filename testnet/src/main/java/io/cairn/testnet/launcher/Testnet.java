package io.cairn.testnet.launcher;

import io.cairn.testnet.launcher.TestnetFile.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A testnet directory that holds a testnet (its {@code testnet.json}): the nodes, whether each runs,
 * a JSON-RPC handle per node, and the planned links read back from the nodes' {@code cairn.conf}.
 * Changes to node PIDs are written back to {@code testnet.json} at once.
 */
public final class Testnet {
  private final Layout layout;
  private final JavaCommand java;
  private TestnetFile file;
  private final Map<String, NodeRpc> rpcs = new LinkedHashMap<>();

  Testnet(Layout layout, JavaCommand java, TestnetFile file) {
    this.layout = layout;
    this.java = java;
    this.file = file;
  }

  /**
   * The testnet in {@code dir}.
   *
   * @throws TestnetException {@link TestnetException#STATE} when there is none
   */
  public static Testnet open(Path dir, JavaCommand java) {
    Layout layout = new Layout(dir);
    TestnetFile f;
    try {
      f = TestnetFile.read(layout.testnetJson()).orElseThrow(() -> TestnetException.state("no testnet in "
          + layout.dir() + "; start one with 'cairn testnet up'" + (dir.toString().equals("testnet") ? "" : " --dir " + dir)));
    } catch (IllegalStateException e) {
      throw TestnetException.state(e.getMessage());
    }
    return new Testnet(layout, java, f);
  }

  public Layout layout() {
    return layout;
  }

  public JavaCommand java() {
    return java;
  }

  public synchronized TestnetFile file() {
    return file;
  }

  public synchronized List<Node> nodes() {
    return file.nodes();
  }

  /**
   * A node by name ({@code node2}) or index ({@code 2}).
   *
   * @throws TestnetException {@link TestnetException#USAGE} when there is no such node
   */
  public synchronized Node node(String nameOrIndex) {
    String n = nameOrIndex.strip().matches("[0-9]{1,4}") ? "node" + nameOrIndex.strip() : nameOrIndex.strip();
    return file.node(n).orElseThrow(() -> TestnetException.usage("no node '" + nameOrIndex + "' in this testnet; it has "
        + String.join(", ", file.nodes().stream().map(Node::name).toList())));
  }

  public boolean running(Node n) {
    return Processes.alive(n.pid(), n.dataDir());
  }

  public List<Node> runningNodes() {
    return nodes().stream().filter(this::running).toList();
  }

  public synchronized NodeRpc rpc(Node n) {
    return rpcs.computeIfAbsent(n.name(), k -> new NodeRpc(n.name(), URI.create(n.rpcUrl()), Path.of(n.cookieFile())));
  }

  /** Records a node's new PID (or a new node) in testnet.json. */
  public synchronized void update(Node n) {
    file = file.with(n);
    file.write(layout.testnetJson());
  }

  /** The P2P addresses ({@code 127.0.0.1:port}) in a node's cairn.conf {@code peer} lines. */
  public List<String> dialed(Node n) {
    List<String> out = new ArrayList<>();
    Path conf = layout.confFile(n.name());
    try {
      for (String line : Files.readAllLines(conf, StandardCharsets.UTF_8)) {
        String l = line.strip();
        if (l.startsWith("peer") && l.contains("=") && l.substring(0, l.indexOf('=')).strip().equals("peer")) {
          out.add(l.substring(l.indexOf('=') + 1).strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + conf + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** The nodes linked with {@code n} by the plan: those it dials and those that dial it. */
  public List<Node> neighbours(Node n) {
    String self = "127.0.0.1:" + n.p2pPort();
    Set<String> names = new HashSet<>();
    for (String a : dialed(n)) {
      byAddress(a).ifPresent(x -> names.add(x.name()));
    }
    for (Node o : nodes()) {
      if (!o.name().equals(n.name()) && dialed(o).contains(self)) {
        names.add(o.name());
      }
    }
    return nodes().stream().filter(x -> names.contains(x.name())).toList();
  }

  public Optional<Node> byAddress(String hostPort) {
    return nodes().stream().filter(x -> hostPort.equals("127.0.0.1:" + x.p2pPort())).findFirst();
  }

  /** Starts a node that is not running and records its PID. */
  public Node start(Node n) {
    if (running(n)) {
      throw TestnetException.state(n.name() + " is already running (pid " + n.pid() + ")");
    }
    List<Integer> taken = PortCheck.taken(List.of(n.p2pPort(), URI.create(n.rpcUrl()).getPort()));
    if (!taken.isEmpty()) {
      throw TestnetException.state("cannot start " + n.name() + ": port " + taken.get(0) + " on 127.0.0.1 is already in use");
    }
    long pid = Processes.start(java, Path.of(n.dataDir()), layout.logFile(n.name()));
    Node started = n.withPid(pid);
    update(started);
    return started;
  }

  /** The last {@code lines} lines of a node's log (for error messages). */
  public String logTail(Node n, int lines) {
    Path log = layout.logFile(n.name());
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log at " + log + ")";
    }
  }
}
