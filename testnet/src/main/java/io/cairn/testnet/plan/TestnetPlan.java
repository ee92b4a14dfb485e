package io.cairn.testnet.plan;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.spec.ChainSpec;
import io.cairn.wallet.keys.DevAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A whole testnet, decided before anything starts: the chain parameters, which nodes mine and at what
 * hash-rate cap, every node's ports and links. Pure: the same options give the same plan.
 *
 * <p>Miners are spread over the node indexes ({@code floor(m * nodes / miners)}) so that both sides of
 * a partition usually mine. Miner {@code node i} is paid to dev-phrase account {@code 10 + i}, outside
 * the dev wallet's accounts 0-9 but spendable with {@code cairn wallet --testnet send --from 10+i}.
 *
 * @param options what was asked
 * @param initialBits the chain's initial compact target (see {@link HashRates})
 * @param totalRate the hash-rate cap of all miners together
 * @param nodes the nodes, by index
 */
public record TestnetPlan(PlanOptions options, int initialBits, long totalRate, List<NodePlan> nodes) {
  public static final String NETWORK = "local-testnet";
  public static final String PREFIX = "tcairn";
  public static final Amount DEV_ALLOCATION = Amount.ofCrn(1_000_000);
  public static final Amount BLOCK_REWARD = Amount.ofCrn(50);
  public static final Amount MIN_FEE = Amount.ofUnits(1000);
  public static final int MAX_BLOCK_SIZE = 1_000_000;
  /** Miner of node i is paid to dev account MINER_ACCOUNT_BASE + i. */
  public static final int MINER_ACCOUNT_BASE = 10;

  public TestnetPlan {
    nodes = List.copyOf(nodes);
  }

  public static TestnetPlan of(PlanOptions o) {
    int bits = HashRates.initialBits(o.hashBudget(), o.blockTimeMs());
    long total = HashRates.totalCap(bits, o.blockTimeMs());
    List<Long> caps = HashRates.split(total, Math.max(1, o.miners()));
    List<Boolean> mines = new ArrayList<>();
    for (int i = 0; i < o.nodes(); i++) {
      mines.add(false);
    }
    for (int m = 0; m < o.miners(); m++) {
      mines.set((int) ((long) m * o.nodes() / o.miners()), true);
    }
    List<List<Integer>> links = o.topology().neighbours(o.nodes(), o.seed());
    List<NodePlan> nodes = new ArrayList<>();
    int m = 0;
    for (int i = 0; i < o.nodes(); i++) {
      boolean miner = mines.get(i);
      nodes.add(new NodePlan(i, Ports.p2p(o.basePort(), i), Ports.rpc(o.basePort(), i),
          miner ? Optional.of(minerAddress(i)) : Optional.empty(), miner ? caps.get(m++) : 0,
          links.get(i), Topology.dialed(links, i)));
    }
    return new TestnetPlan(o, bits, o.miners() == 0 ? 0 : total, nodes);
  }

  /** The address node {@code i}'s blocks pay to. */
  public static Address minerAddress(int index) {
    return DevAccounts.account(MINER_ACCOUNT_BASE + index).address();
  }

  /**
   * A late joiner: the next index, no mining, dialing up to three existing nodes (the lowest ones, so
   * that it reaches the oldest part of the network).
   */
  public static NodePlan lateJoiner(int index, int basePort, List<Integer> existing) {
    List<Integer> dial = existing.stream().sorted().limit(3).toList();
    return new NodePlan(index, Ports.p2p(basePort, index), Ports.rpc(basePort, index), Optional.empty(), 0, dial, dial);
  }

  /** ASERT half-life: 10 minutes, as the built-in testnet. */
  public long halfLifeMs() {
    return 600_000;
  }

  /** The fresh chain spec: genesis at {@code nowMs}, dev network, dev accounts 0-9 funded. */
  public ChainSpec spec(long nowMs) {
    List<ChainSpec.Allocation> alloc = new ArrayList<>();
    for (Address a : DevAccounts.addresses()) {
      alloc.add(new ChainSpec.Allocation(a, DEV_ALLOCATION));
    }
    return new ChainSpec(NETWORK, PREFIX, options.blockTimeMs(), initialBits, halfLifeMs(), MAX_BLOCK_SIZE,
        BLOCK_REWARD, MIN_FEE, nowMs, true, alloc);
  }
}
