package io.cairn.testnet.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Network namespaces for a partition test, through {@code ip}: one namespace per node and a hub
 * namespace holding two bridges, {@code brA} and {@code brB}, joined by one veth pair (the trunk
 * {@code trA}-{@code trB}). Node {@code i} gets a veth whose inner end {@code eth0} has
 * {@code 10.77.0.(i+1)/24} and whose outer end is on {@code brA} (first half) or {@code brB}. Taking
 * the trunk down partitions the halves; bringing it up heals. Every link is created directly inside
 * the test's namespaces (never in the host's), and deleting the namespaces in {@link #close} removes
 * them all. Names carry a random suffix, so parallel runs do not meet.
 *
 * <pre>
 *   ns n0 (10.77.0.1) ─┐                 ┌─ ns n2 (10.77.0.3)
 *                      brA ─trA═══trB─ brB        (hub namespace)
 *   ns n1 (10.77.0.2) ─┘                 └─ ns n3 (10.77.0.4)
 * </pre>
 */
final class Netns implements AutoCloseable {
  private final String prefix;
  private final List<String> created = new ArrayList<>();
  private final String hub;
  private final List<String> nodes = new ArrayList<>();

  private Netns(String prefix) {
    this.prefix = prefix;
    this.hub = prefix + "-hub";
  }

  /** Why this machine cannot run the test, or empty when it can (root, {@code ip netns} works, curl present). */
  static Optional<String> unavailable() {
    if (!"root".equals(System.getProperty("user.name")) && !uidIsZero()) {
      return Optional.of("not root (id -u is not 0): network namespaces need CAP_NET_ADMIN");
    }
    String probe = "cairn-probe-" + Long.toHexString(System.nanoTime() & 0xffffff);
    Result r = run(List.of("ip", "netns", "add", probe));
    if (r.code != 0) {
      return Optional.of("'ip netns add' failed here (" + r.output.strip() + ")");
    }
    run(List.of("ip", "netns", "del", probe));
    if (run(List.of("curl", "--version")).code != 0) {
      return Optional.of("curl is missing (used to reach each node's RPC inside its namespace)");
    }
    return Optional.empty();
  }

  private static boolean uidIsZero() {
    Result r = run(List.of("id", "-u"));
    return r.code == 0 && r.output.strip().equals("0");
  }

  /** Creates the hub, the bridges, the trunk and {@code n} node namespaces ({@code n / 2} on side A). */
  static Netns create(int n, String suffix) {
    Netns ns = new Netns("cairn-" + suffix);
    boolean ok = false;
    try {
      ns.add(ns.hub);
      ns.hubIp("link", "add", "brA", "type", "bridge");
      ns.hubIp("link", "add", "brB", "type", "bridge");
      ns.hubIp("link", "add", "trA", "type", "veth", "peer", "name", "trB");
      ns.hubIp("link", "set", "trA", "master", "brA");
      ns.hubIp("link", "set", "trB", "master", "brB");
      for (String l : List.of("brA", "brB", "trA", "trB")) {
        ns.hubIp("link", "set", l, "up");
      }
      for (int i = 0; i < n; i++) {
        String name = ns.prefix + "-n" + i;
        ns.add(name);
        ns.nodes.add(name);
        String outer = "p" + i;
        ns.hubIp("link", "add", outer, "type", "veth", "peer", "name", "eth0", "netns", name);
        ns.hubIp("link", "set", outer, "master", i < n / 2 ? "brA" : "brB");
        ns.hubIp("link", "set", outer, "up");
        ns.must(List.of("ip", "-n", name, "addr", "add", address(i) + "/24", "dev", "eth0"));
        ns.must(List.of("ip", "-n", name, "link", "set", "eth0", "up"));
        ns.must(List.of("ip", "-n", name, "link", "set", "lo", "up"));
      }
      ok = true;
      return ns;
    } finally {
      if (!ok) {
        ns.close();
      }
    }
  }

  /** Node {@code i}'s address inside its namespace. */
  static String address(int i) {
    return "10.77.0." + (i + 1);
  }

  String node(int i) {
    return nodes.get(i);
  }

  /** Takes the trunk between the halves down ({@code false}) or up. */
  void trunk(boolean up) {
    hubIp("link", "set", "trA", up ? "up" : "down");
  }

  private void add(String name) {
    must(List.of("ip", "netns", "add", name));
    created.add(name);
  }

  private void hubIp(String... args) {
    List<String> cmd = new ArrayList<>(List.of("ip", "-n", hub));
    cmd.addAll(List.of(args));
    must(cmd);
  }

  private void must(List<String> cmd) {
    Result r = run(cmd);
    if (r.code != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed (" + r.code + "): " + r.output.strip());
    }
  }

  /** Deletes every namespace this created (their veths and bridges go with them). */
  @Override
  public void close() {
    for (int i = created.size() - 1; i >= 0; i--) {
      run(List.of("ip", "netns", "del", created.get(i)));
    }
    created.clear();
  }

  /** Names of the namespaces that still exist (for the cleanup assertion). */
  static List<String> existing(String prefixPart) {
    return run(List.of("ip", "netns", "list")).output.lines().map(l -> l.split(" ")[0])
        .filter(l -> l.startsWith(prefixPart)).toList();
  }

  String prefix() {
    return prefix;
  }

  record Result(int code, String output) {}

  /** Runs a short command (10 s at most), stdout and stderr together. */
  static Result run(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }
}
