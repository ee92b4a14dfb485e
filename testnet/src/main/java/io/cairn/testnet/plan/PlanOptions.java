package io.cairn.testnet.plan;

/**
 * What {@code cairn testnet up} was asked for.
 *
 * @param nodes number of nodes (1-64)
 * @param miners how many of them mine (0..nodes)
 * @param blockTimeMs target block time
 * @param topology how nodes are linked
 * @param basePort first port (see {@link Ports})
 * @param seed seed for {@code random:K} links
 * @param hashBudget hashes per second for the whole testnet (see {@link HashRates})
 */
public record PlanOptions(int nodes, int miners, long blockTimeMs, Topology topology, int basePort, long seed,
    long hashBudget) {
  public static final int MAX_NODES = 64;

  public PlanOptions {
    if (nodes < 1 || nodes > MAX_NODES) {
      throw new IllegalArgumentException("--nodes must be between 1 and " + MAX_NODES + ", not " + nodes);
    }
    if (miners < 0 || miners > nodes) {
      throw new IllegalArgumentException("--miners must be between 0 and --nodes (" + nodes + "), not " + miners);
    }
    if (blockTimeMs < 100 || blockTimeMs > 3_600_000) {
      throw new IllegalArgumentException("--block-time must be between 100ms and 1h, not " + blockTimeMs + "ms");
    }
    if (hashBudget < 10 || hashBudget > 100_000_000) {
      throw new IllegalArgumentException("the hash budget must be between 10 and 10^8 hashes/s, not " + hashBudget);
    }
    java.util.Objects.requireNonNull(topology, "topology");
    Ports.checkRange(basePort, nodes);
  }

  /** The defaults of {@code cairn testnet up}: 4 nodes, 2 miners, 2 s blocks, mesh, port 17420. */
  public static PlanOptions defaults() {
    return new PlanOptions(4, 2, 2000, Topology.MESH, Ports.DEFAULT_BASE, 1, HashRates.DEFAULT_BUDGET);
  }
}
