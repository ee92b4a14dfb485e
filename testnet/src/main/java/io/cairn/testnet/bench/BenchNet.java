package io.cairn.testnet.bench;

import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.ChainSpecJson;
import io.cairn.testnet.launcher.JavaCommand;
import io.cairn.testnet.launcher.PortCheck;
import io.cairn.testnet.launcher.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Real node processes for the benchmark, all on one chain spec, in a work directory of their own.
 * Every node gets a fresh port pair ({@code base + 2 * slot}, RPC one above), so a node started after
 * another stopped never waits for its port; every started process is stopped by {@link #close()},
 * by PID.
 */
final class BenchNet implements AutoCloseable {
  /** Ports reserved from the base port; checked before anything starts. */
  static final int PORTS = 160;

  private final Path root;
  private final Path chainFile;
  private final JavaCommand java;
  private final int basePort;
  private int nextSlot;
  private final List<BenchNode> running = new ArrayList<>();

  BenchNet(Path root, ChainSpec spec, JavaCommand java, int basePort) {
    this.root = root;
    this.java = java;
    this.basePort = basePort;
    this.chainFile = root.resolve("chain.json");
    try {
      Files.createDirectories(root);
      Files.writeString(chainFile, ChainSpecJson.toJson(spec), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + chainFile + ": " + e.getMessage(), e);
    }
  }

  /** Fails loudly when any port the benchmark will use is taken. */
  static void checkPorts(int basePort) {
    List<Integer> ports = new ArrayList<>();
    for (int p = basePort; p < basePort + PORTS; p++) {
      ports.add(p);
    }
    List<Integer> taken = PortCheck.taken(ports);
    if (!taken.isEmpty()) {
      throw new IllegalStateException("port " + taken.get(0) + " on 127.0.0.1 is already in use (the benchmark needs "
          + basePort + "-" + (basePort + PORTS - 1) + "); free it or choose another --base-port");
    }
  }

  /** A node directory and config for a new slot, not started. */
  BenchNode create(List<String> peers, int outbound, long uploadCap) {
    int slot = nextSlot++;
    if (2 * slot + 1 >= PORTS) {
      throw new IllegalStateException("out of benchmark ports");
    }
    String name = "n" + slot;
    Path dir = root.resolve(name);
    int p2p = basePort + 2 * slot;
    BenchNode.writeConfig(dir, chainFile, p2p, peers, outbound, uploadCap);
    return new BenchNode(name, dir, p2p, new BenchRpc(p2p + 1, dir.resolve(".cookie")), 0);
  }

  /** Starts the node and waits until it serves. */
  BenchNode start(BenchNode n) {
    long pid = Processes.start(java, n.dir(), root.resolve("logs").resolve(n.name() + ".log"));
    BenchNode s = n.withPid(pid);
    running.add(s);
    return s;
  }

  /**
   * Waits until every node serves and has at least {@code peers} peers. {@code nodes} form one fully
   * connected group: a node short of peers re-dials the others every 2 s, since nodes restarted one
   * after another would otherwise wait out the exponential reconnect backoff of links that failed
   * while a peer was down.
   */
  void awaitReady(List<BenchNode> nodes, int peers, Duration timeout) {
    for (BenchNode n : nodes) {
      long[] lastDial = {System.nanoTime()};
      await(timeout, () -> {
        if (!Processes.alive(n.pid(), n.dir().toString()) || !n.rpc().healthy() || n.rpc().object("net_info") == null) {
          return false;
        }
        if (peers(n) >= peers) {
          return true;
        }
        if (System.nanoTime() - lastDial[0] > 2_000_000_000L) {
          lastDial[0] = System.nanoTime();
          for (BenchNode other : nodes) {
            if (other != n) {
              com.google.gson.JsonObject p = new com.google.gson.JsonObject();
              p.addProperty("address", "127.0.0.1:" + other.p2pPort());
              n.rpc().call("net_addPeer", p);
            }
          }
        }
        return false;
      }, n.name() + " to serve with " + peers + " peers", n);
    }
  }

  static int peers(BenchNode n) {
    return n.rpc().call("net_peers", new com.google.gson.JsonObject()).getAsJsonArray().size();
  }

  /** Polls {@code done} every few milliseconds until it holds; fails with the node's log tail otherwise. */
  void await(Duration timeout, BooleanSupplier done, String what, BenchNode about) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (done.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        last = e;
      }
      if (about != null && !Processes.alive(about.pid(), about.dir().toString())) {
        throw new IllegalStateException(about.name() + " exited; end of its log:\n" + logTail(about));
      }
      sleep(20);
    }
    throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what
        + (last == null ? "" : " (last error: " + last.getMessage() + ")")
        + (about == null ? "" : "; end of " + about.name() + "'s log:\n" + logTail(about)));
  }

  String logTail(BenchNode n) {
    try {
      List<String> l = Files.readAllLines(root.resolve("logs").resolve(n.name() + ".log"), StandardCharsets.UTF_8);
      return String.join("\n", l.subList(Math.max(0, l.size() - 15), l.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log)";
    }
  }

  /** Stops these nodes (SIGTERM, SIGKILL after 20 s). */
  void stop(List<BenchNode> nodes) {
    List<ProcessHandle> hs = new ArrayList<>();
    for (BenchNode n : nodes) {
      Processes.node(n.pid(), n.dir().toString()).ifPresent(hs::add);
      running.removeIf(r -> r.pid() == n.pid());
    }
    Processes.stopAll(hs, Processes.STOP_GRACE);
  }

  @Override
  public void close() {
    stop(List.copyOf(running));
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
