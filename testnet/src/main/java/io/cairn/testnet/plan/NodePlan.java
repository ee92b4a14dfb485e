package io.cairn.testnet.plan;

import io.cairn.common.address.Address;
import java.util.List;
import java.util.Optional;

/**
 * One node of the plan.
 *
 * @param index 0, 1, ...
 * @param p2pPort P2P listen port on 127.0.0.1
 * @param rpcPort JSON-RPC port on 127.0.0.1
 * @param minerAddress where its blocks pay, when it mines
 * @param mineRate its hash-rate cap (hashes per second), 0 when it does not mine
 * @param neighbours the nodes it is linked with
 * @param dialed those of them it dials (the others dial it)
 */
public record NodePlan(int index, int p2pPort, int rpcPort, Optional<Address> minerAddress, long mineRate,
    List<Integer> neighbours, List<Integer> dialed) {
  public NodePlan {
    neighbours = List.copyOf(neighbours);
    dialed = List.copyOf(dialed);
  }

  public static String name(int index) {
    return "node" + index;
  }

  public String name() {
    return name(index);
  }

  public boolean miner() {
    return minerAddress.isPresent();
  }

  /**
   * The node's {@code cairn.conf}: everything {@code cairn node --datadir DIR} needs, so that a node
   * can be restarted with no other option (also by hand).
   *
   * @param chainFile the chain spec file (absolute)
   * @param prefix the address prefix
   */
  public String config(String chainFile, String prefix) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Written by 'cairn testnet up' for ").append(name()).append(". Start by hand with: cairn node --datadir <this dir>\n");
    sb.append("chain = ").append(chainFile).append('\n');
    sb.append("p2p-bind = 127.0.0.1\n");
    sb.append("p2p-port = ").append(p2pPort).append('\n');
    sb.append("rpc-bind = 127.0.0.1\n");
    sb.append("rpc-port = ").append(rpcPort).append('\n');
    int base = Ports.baseOf(p2pPort, index);
    for (int j : dialed) {
      sb.append("peer = 127.0.0.1:").append(Ports.p2p(base, j)).append('\n');
    }
    // Dial exactly the planned links, so that the topology holds (learnt addresses only replace a lost link).
    sb.append("outbound = ").append(dialed.size()).append('\n');
    if (minerAddress.isPresent()) {
      sb.append("mine = true\n");
      sb.append("miner-address = ").append(minerAddress.get().encode(prefix)).append('\n');
      sb.append("mine-threads = 1\n");
      sb.append("mine-rate = ").append(mineRate).append('\n');
    }
    return sb.toString();
  }
}
