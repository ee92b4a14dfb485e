package io.cairn.testnet.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the dashboard knows about a testnet, built from what its pollers observed; pure (time is
 * passed in, no I/O, no threads; the caller serialises access). It keeps, per node, the latest
 * status and its height over time (a point per change), per recent block the time each node first
 * saw it, and the peer links between nodes; {@link #snapshot} turns that into the page's data.
 *
 * <p>Forks: the reference tip is the one held by most reachable nodes (ties: the higher, then the
 * lexically smaller hash); a reachable node with another tip is marked {@code differs}. A block is
 * {@code competing} when another block at its height was seen too.
 */
final class DashboardModel {
  /** Latest answers of one node; {@code error} is null while it answers. */
  record Status(boolean up, String error, long height, String tipHash, int peers, int mempoolSize, boolean syncing,
      String nodeId) {
    static Status down(String error) {
      return new Status(false, error, -1, null, 0, 0, false, null);
    }
  }

  /** A peer as one node reports it: the other side's node id and who dialled. */
  record Peer(String nodeId, String direction) {}

  record Point(long t, long h) {}

  record NodeView(String name, boolean miner, String rpcUrl, boolean up, String error, long height, String tipHash,
      int peers, int mempoolSize, boolean syncing, Long lastBlockMs, boolean differs, List<Point> series) {}

  record BlockView(String hash, long height, Map<String, Long> seen, boolean competing) {}

  record LinkView(String from, String to, boolean bothSides) {}

  record Snapshot(long nowMs, long historyMs, int tips, String referenceTip, long referenceHeight,
      List<NodeView> nodes, List<BlockView> blocks, List<LinkView> links, int externalPeers) {}

  private static final class Node {
    final String name;
    boolean miner;
    String rpcUrl;
    Status status = Status.down("not polled yet");
    Long lastBlockMs;
    final List<Point> series = new ArrayList<>();
    List<Peer> peers = List.of();

    Node(String name, boolean miner, String rpcUrl) {
      this.name = name;
      this.miner = miner;
      this.rpcUrl = rpcUrl;
    }
  }

  private static final class Seen {
    final long height;
    final Map<String, Long> firstSeen = new TreeMap<>();

    Seen(long height) {
      this.height = height;
    }
  }

  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Map<String, Seen> blocks = new HashMap<>();
  private final int maxBlocks;
  private final long historyMs;

  /**
   * @param maxBlocks how many recent blocks keep their first-seen times
   * @param historyMs how long height points are kept
   */
  DashboardModel(int maxBlocks, long historyMs) {
    if (maxBlocks < 1 || historyMs < 1) {
      throw new IllegalArgumentException("maxBlocks and historyMs must be positive");
    }
    this.maxBlocks = maxBlocks;
    this.historyMs = historyMs;
  }

  /** Adds a node, or updates its RPC URL and role; its history is kept. */
  void node(String name, boolean miner, String rpcUrl) {
    Node n = nodes.computeIfAbsent(name, k -> new Node(name, miner, rpcUrl));
    n.miner = miner;
    n.rpcUrl = rpcUrl;
  }

  /** Forgets a node that left the testnet file. */
  void remove(String name) {
    nodes.remove(name);
  }

  Set<String> names() {
    return new TreeSet<>(nodes.keySet());
  }

  /** A node's latest status; a new tip adds a point to its height series. */
  void status(String name, Status s, long nowMs) {
    Node n = need(name);
    Status before = n.status;
    n.status = Objects.requireNonNull(s, "status");
    if (!s.up()) {
      return;
    }
    if (!Objects.equals(before.tipHash(), s.tipHash()) && before.tipHash() != null) {
      n.lastBlockMs = nowMs;
    }
    if (n.series.isEmpty() || n.series.get(n.series.size() - 1).h() != s.height()) {
      n.series.add(new Point(nowMs, s.height()));
    }
    while (n.series.size() > 1 && n.series.get(1).t() < nowMs - historyMs) {
      n.series.remove(0);
    }
  }

  void peers(String name, List<Peer> peers) {
    need(name).peers = List.copyOf(peers);
  }

  /** True when {@code name} has already seen block {@code hash}. */
  boolean hasSeen(String name, String hash) {
    Seen s = blocks.get(hash);
    return s != null && s.firstSeen.containsKey(name);
  }

  /** Records that {@code name} had block {@code hash} at {@code nowMs}, unless it was seen there earlier. */
  void seen(String name, String hash, long height, long nowMs) {
    need(name);
    Seen s = blocks.computeIfAbsent(hash, k -> new Seen(height));
    s.firstSeen.putIfAbsent(name, nowMs);
    while (blocks.size() > maxBlocks) {
      String oldest = blocks.entrySet().stream()
          .min(Comparator.<Map.Entry<String, Seen>>comparingLong(e -> e.getValue().height).thenComparing(Map.Entry::getKey))
          .orElseThrow().getKey();
      blocks.remove(oldest);
    }
  }

  /** The page's data: nodes with their series and fork marks, the newest {@code blockCount} blocks, the links. */
  Snapshot snapshot(long nowMs, int blockCount) {
    Map<String, Integer> holders = new HashMap<>();
    Map<String, Long> heightOf = new HashMap<>();
    for (Node n : nodes.values()) {
      if (n.status.up() && n.status.tipHash() != null) {
        holders.merge(n.status.tipHash(), 1, Integer::sum);
        heightOf.put(n.status.tipHash(), n.status.height());
      }
    }
    String reference = holders.keySet().stream()
        .max(Comparator.<String>comparingInt(holders::get).thenComparingLong(heightOf::get)
            .thenComparing(Comparator.<String>reverseOrder()))
        .orElse(null);
    List<NodeView> views = new ArrayList<>();
    for (Node n : nodes.values()) {
      Status s = n.status;
      boolean differs = s.up() && reference != null && !reference.equals(s.tipHash());
      views.add(new NodeView(n.name, n.miner, n.rpcUrl, s.up(), s.error(), s.height(), s.tipHash(), s.peers(),
          s.mempoolSize(), s.syncing(), n.lastBlockMs, differs, List.copyOf(n.series)));
    }
    Map<Long, Integer> perHeight = new HashMap<>();
    blocks.values().forEach(b -> perHeight.merge(b.height, 1, Integer::sum));
    List<BlockView> recent = blocks.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, Seen>>comparingLong(e -> -e.getValue().height)
            .thenComparing(e -> e.getValue().firstSeen.values().stream().min(Long::compare).orElse(0L)))
        .limit(blockCount)
        .map(e -> new BlockView(e.getKey(), e.getValue().height, Map.copyOf(e.getValue().firstSeen),
            perHeight.get(e.getValue().height) > 1))
        .toList();
    return new Snapshot(nowMs, historyMs, holders.size(), reference,
        reference == null ? -1 : heightOf.get(reference), views, recent, links(), externalPeers());
  }

  /** One link per pair of testnet nodes that report each other, from the dialling side when known. */
  private List<LinkView> links() {
    Map<String, String> nameOf = idsToNames();
    Map<String, LinkView> byPair = new TreeMap<>();
    for (Node n : nodes.values()) {
      if (!n.status.up()) {
        continue;
      }
      for (Peer p : n.peers) {
        String other = nameOf.get(p.nodeId());
        if (other == null || other.equals(n.name)) {
          continue;
        }
        boolean outbound = "outbound".equals(p.direction());
        String from = outbound ? n.name : other;
        String to = outbound ? other : n.name;
        String key = n.name.compareTo(other) < 0 ? n.name + " " + other : other + " " + n.name;
        LinkView seen = byPair.get(key);
        byPair.put(key, seen == null ? new LinkView(from, to, false) : new LinkView(seen.from(), seen.to(), true));
      }
    }
    return List.copyOf(byPair.values());
  }

  private int externalPeers() {
    Map<String, String> nameOf = idsToNames();
    int count = 0;
    for (Node n : nodes.values()) {
      if (n.status.up()) {
        count += (int) n.peers.stream().filter(p -> !nameOf.containsKey(p.nodeId())).count();
      }
    }
    return count;
  }

  private Map<String, String> idsToNames() {
    Map<String, String> nameOf = new HashMap<>();
    for (Node n : nodes.values()) {
      if (n.status.nodeId() != null) {
        nameOf.put(n.status.nodeId(), n.name);
      }
    }
    return nameOf;
  }

  private Node need(String name) {
    Node n = nodes.get(name);
    if (n == null) {
      throw new IllegalArgumentException("unknown node '" + name + "'; known: " + nodes.keySet());
    }
    return n;
  }
}
