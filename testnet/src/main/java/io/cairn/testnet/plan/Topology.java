package io.cairn.testnet.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

/**
 * How the nodes of a testnet are linked: {@code mesh} (everyone with everyone), {@code ring} (each
 * node with the next, the last with the first) or {@code random:K} (a random connected graph, seeded,
 * in which every node has at least K neighbours).
 *
 * <p>Every link is dialled by exactly one side, the node with the higher index (so a node's
 * {@code --peer} list holds only nodes started before it); the other side accepts it.
 *
 * @param kind the shape
 * @param k the least number of neighbours for {@link Kind#RANDOM}, else 0
 */
public record Topology(Kind kind, int k) {
  /** Shapes. */
  public enum Kind { MESH, RING, RANDOM }

  public Topology {
    if (kind == Kind.RANDOM ? k < 1 : k != 0) {
      throw new IllegalArgumentException("random:K needs K >= 1 and mesh/ring take no K, got " + kind + " " + k);
    }
  }

  public static final Topology MESH = new Topology(Kind.MESH, 0);
  public static final Topology RING = new Topology(Kind.RING, 0);

  /**
   * Parses {@code mesh}, {@code ring} or {@code random:K}.
   *
   * @throws IllegalArgumentException with a message that says what is accepted
   */
  public static Topology parse(String text) {
    String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (s.equals("mesh")) {
      return MESH;
    }
    if (s.equals("ring")) {
      return RING;
    }
    if (s.startsWith("random:") && s.substring(7).matches("[0-9]{1,4}")) {
      int k = Integer.parseInt(s.substring(7));
      if (k >= 1) {
        return new Topology(Kind.RANDOM, k);
      }
    }
    throw new IllegalArgumentException("--topology must be mesh, ring or random:K (K >= 1), not '" + text + "'");
  }

  /**
   * The links among {@code n} nodes: for each node, its neighbours (sorted). Deterministic for a
   * given {@code seed} (only {@code random:K} uses it).
   */
  public List<List<Integer>> neighbours(int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("a testnet needs at least one node, got " + n);
    }
    List<TreeSet<Integer>> adj = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      adj.add(new TreeSet<>());
    }
    switch (kind) {
      case MESH -> {
        for (int i = 0; i < n; i++) {
          for (int j = i + 1; j < n; j++) {
            link(adj, i, j);
          }
        }
      }
      case RING -> {
        for (int i = 0; n > 1 && i < n; i++) {
          link(adj, i, (i + 1) % n);
        }
      }
      case RANDOM -> {
        Random r = new Random(seed);
        // A random spanning tree keeps the graph connected; then extra links until every node has k.
        for (int i = 1; i < n; i++) {
          link(adj, i, r.nextInt(i));
        }
        int want = Math.min(k, n - 1);
        for (int i = 0; i < n; i++) {
          while (adj.get(i).size() < want) {
            int j = r.nextInt(n);
            if (j != i) {
              link(adj, i, j);
            }
          }
        }
      }
      default -> throw new IllegalStateException();
    }
    List<List<Integer>> out = new ArrayList<>(n);
    for (TreeSet<Integer> s : adj) {
      out.add(List.copyOf(s));
    }
    return List.copyOf(out);
  }

  /** The neighbours node {@code i} dials: those with a lower index. */
  public static List<Integer> dialed(List<List<Integer>> neighbours, int i) {
    return neighbours.get(i).stream().filter(j -> j < i).toList();
  }

  private static void link(List<TreeSet<Integer>> adj, int a, int b) {
    adj.get(a).add(b);
    adj.get(b).add(a);
  }

  @Override
  public String toString() {
    return kind == Kind.RANDOM ? "random:" + k : kind.name().toLowerCase(Locale.ROOT);
  }
}
