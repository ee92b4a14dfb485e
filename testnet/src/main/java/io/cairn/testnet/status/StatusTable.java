package io.cairn.testnet.status;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Formats node statuses: the start-up table (node, role, P2P address, RPC URL, log file), the live
 * table (height, short tip, peers, mempool, seconds since the tip block, and {@code <-- tip differs} where a
 * node's tip differs from the tip most serving nodes agree on), and JSON. Pure formatting.
 */
public final class StatusTable {
  private StatusTable() {}

  /** The table printed once the nodes are up. */
  public static String addresses(List<NodeStatus> nodes) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-7s %-6s %-17s %-24s %s%n", "NODE", "ROLE", "P2P", "RPC", "LOG"));
    for (NodeStatus n : nodes) {
      sb.append(String.format(Locale.ROOT, "%-7s %-6s %-17s %-24s %s%n", n.name(), n.role(), n.p2p(), n.rpcUrl(),
          n.logFile()));
    }
    return sb.toString();
  }

  /** The tip most serving nodes have (ties: the higher one), or null. */
  static String majorityTip(List<NodeStatus> nodes) {
    Map<String, Integer> count = new HashMap<>();
    Map<String, Long> height = new HashMap<>();
    for (NodeStatus n : nodes) {
      n.tipHash().ifPresent(t -> {
        count.merge(t, 1, Integer::sum);
        height.put(t, n.height());
      });
    }
    String best = null;
    for (String t : count.keySet()) {
      if (best == null || count.get(t) > count.get(best)
          || (count.get(t).equals(count.get(best)) && height.get(t) > height.get(best))) {
        best = t;
      }
    }
    return best;
  }

  /** The live view: one line per node. */
  public static String live(List<NodeStatus> nodes, long nowMs) {
    String majority = majorityTip(nodes);
    boolean split = nodes.stream().filter(NodeStatus::serving).map(NodeStatus::tipHash).distinct().count() > 1;
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-7s %-6s %-8s %7s %-12s %5s %7s %9s%n", "NODE", "ROLE", "STATE", "HEIGHT",
        "TIP", "PEERS", "MEMPOOL", "LAST BLK"));
    for (NodeStatus n : nodes) {
      String age = n.lastBlockMs().isPresent() ? Math.max(0, (nowMs - n.lastBlockMs().getAsLong()) / 1000) + "s ago" : "-";
      String mark = split && n.tipHash().isPresent() && !n.tipHash().get().equals(majority) ? "  <-- tip differs" : "";
      if (n.serving()) {
        sb.append(String.format(Locale.ROOT, "%-7s %-6s %-8s %7d %-12s %5d %7d %9s%s%n", n.name(), n.role(), n.state(),
            n.height(), n.shortTip(), n.peers(), n.mempool(), age, mark));
      } else {
        sb.append(String.format(Locale.ROOT, "%-7s %-6s %-8s %7s %-12s %5s %7s %9s%n", n.name(), n.role(), n.state(),
            "-", "-", "-", "-", "-"));
      }
    }
    return sb.toString();
  }

  public static String json(List<NodeStatus> nodes) {
    JsonArray a = new JsonArray();
    for (NodeStatus n : nodes) {
      JsonObject o = new JsonObject();
      o.addProperty("name", n.name());
      o.addProperty("miner", n.miner());
      o.addProperty("state", n.state());
      o.addProperty("pid", n.pid());
      o.addProperty("p2p", n.p2p());
      o.addProperty("rpcUrl", n.rpcUrl());
      o.addProperty("logFile", n.logFile());
      if (n.serving()) {
        o.addProperty("height", n.height());
        o.addProperty("tipHash", n.tipHash().orElse(null));
        o.addProperty("peers", n.peers());
        o.addProperty("mempoolSize", n.mempool());
        if (n.lastBlockMs().isPresent()) {
          o.addProperty("lastBlockTimestamp", n.lastBlockMs().getAsLong());
        }
      }
      n.error().ifPresent(e -> o.addProperty("error", e));
      a.add(o);
    }
    JsonObject root = new JsonObject();
    root.add("nodes", a);
    root.addProperty("tipsAgree", nodes.stream().filter(NodeStatus::serving).map(NodeStatus::tipHash).distinct().count() <= 1);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
  }
}
