package io.cairn.testnet.plan;

/**
 * Deterministic ports: node {@code i} listens for peers on {@code base + 2i} and serves JSON-RPC on
 * {@code base + 2i + 1}. The default base, 17420, keeps clear of a real node's 7420/7421.
 */
public final class Ports {
  public static final int DEFAULT_BASE = 17420;

  private Ports() {}

  public static int p2p(int base, int index) {
    return check(base, index) + 2 * index;
  }

  public static int rpc(int base, int index) {
    return check(base, index) + 2 * index + 1;
  }

  /** The base port a node's P2P port implies, given its index. */
  public static int baseOf(int p2pPort, int index) {
    return p2pPort - 2 * index;
  }

  /**
   * Checks that {@code nodes} nodes fit above {@code base}.
   *
   * @throws IllegalArgumentException naming the range
   */
  public static void checkRange(int base, int nodes) {
    if (base < 1024 || (long) base + 2L * nodes - 1 > 65535) {
      throw new IllegalArgumentException("--base-port " + base + " with " + nodes + " nodes needs ports " + base + "-"
          + ((long) base + 2L * nodes - 1) + "; they must lie within 1024-65535");
    }
  }

  private static int check(int base, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("node index must not be negative: " + index);
    }
    checkRange(base, index + 1);
    return base;
  }
}
