package io.cairn.testnet.launcher;

import io.cairn.testnet.launcher.TestnetFile.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code partition A,B C,D} and {@code heal}, through the nodes' RPC: every node is told the node ids
 * of all nodes outside its group ({@code net_setBlocked {nodeIds}}); it drops those links and refuses
 * them until healed with an empty list. Node ids come from {@code net_info.nodeId}.
 */
public final class Partitions {
  private Partitions() {}

  /**
   * Parses groups such as {@code ["node0,node1", "2,3"]}: at least two, disjoint, every running node
   * in exactly one.
   *
   * @throws TestnetException {@link TestnetException#USAGE} saying what is wrong
   */
  public static List<List<Node>> parse(Testnet t, List<String> groups) {
    if (groups.size() < 2) {
      throw TestnetException.usage("a partition needs at least two groups, e.g. 'partition node0,node1 node2,node3'");
    }
    List<List<Node>> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String g : groups) {
      List<Node> group = new ArrayList<>();
      for (String name : g.split(",")) {
        if (name.isBlank()) {
          continue;
        }
        Node n = t.node(name);
        if (!seen.add(n.name())) {
          throw TestnetException.usage(n.name() + " is named in two groups");
        }
        group.add(n);
      }
      if (group.isEmpty()) {
        throw TestnetException.usage("empty group in '" + String.join(" ", groups) + "'");
      }
      out.add(group);
    }
    List<String> missing = t.runningNodes().stream().map(Node::name).filter(n -> !seen.contains(n)).toList();
    if (!missing.isEmpty()) {
      throw TestnetException.usage("every running node must be in a group; missing: " + String.join(", ", missing));
    }
    return out;
  }

  /** Whether the nodes offer {@code net_setBlocked} (asks one running node to block nothing). */
  public static boolean supported(Testnet t) {
    List<Node> running = t.runningNodes();
    if (running.isEmpty()) {
      return false;
    }
    try {
      t.rpc(running.get(0)).setBlocked(List.of());
      return true;
    } catch (NodeRpc.RpcException e) {
      if (e.reason().filter("method-not-found"::equals).isPresent()) {
        return false;
      }
      throw e;
    }
  }

  /** Splits the running nodes into {@code groups}. */
  public static void partition(Testnet t, List<List<Node>> groups) {
    Map<String, String> ids = new HashMap<>();
    for (List<Node> g : groups) {
      for (Node n : g) {
        if (t.running(n)) {
          ids.put(n.name(), t.rpc(n).nodeId());
        }
      }
    }
    for (List<Node> g : groups) {
      Set<String> inside = new HashSet<>();
      g.forEach(n -> inside.add(n.name()));
      List<String> blocked = ids.entrySet().stream().filter(e -> !inside.contains(e.getKey())).map(Map.Entry::getValue)
          .sorted().toList();
      for (Node n : g) {
        if (t.running(n)) {
          t.rpc(n).setBlocked(blocked);
        }
      }
    }
  }

  /** Lifts every block on every running node and re-dials the planned links. */
  public static void heal(Testnet t) {
    List<Node> running = t.runningNodes();
    for (Node n : running) {
      t.rpc(n).setBlocked(List.of());
    }
    for (Node n : running) {
      NodeOps.dialPlanned(t, n);
    }
  }
}
