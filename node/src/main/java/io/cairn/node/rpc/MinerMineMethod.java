package io.cairn.node.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.cairn.node.rpc.NodeCommands.Mined;
import io.cairn.node.rpc.NodeCommands.Outcome;
import java.util.List;

/**
 * {@code miner_mine {blocks, address}}: mine that many blocks now (dev networks only) and return
 * their hashes once connected, with when each one's proof of work was found ({@code foundMs});
 * {@code address} defaults to the node's miner address.
 */
final class MinerMineMethod implements RpcMethod {
  static final int MAX_BLOCKS = 1_000;
  private final NodeCommands commands;

  MinerMineMethod(NodeCommands commands) {
    this.commands = commands;
  }

  @Override
  public String name() {
    return "miner_mine";
  }

  @Override
  public List<String> paramNames() {
    return List.of("blocks", "address");
  }

  @Override
  public JsonElement call(Params params) throws RpcException {
    int blocks = (int) params.optLong("blocks", 1, MAX_BLOCKS).orElse(1);
    Outcome<List<Mined>> outcome = commands.mineBlocks(blocks, params.optAddress("address"));
    if (!outcome.isOk()) {
      throw RpcException.of(outcome.rejected());
    }
    JsonArray hashes = new JsonArray();
    JsonArray found = new JsonArray();
    for (Mined m : outcome.value()) {
      hashes.add(m.hash().toHex());
      found.add(m.foundMs());
    }
    JsonObject o = new JsonObject();
    o.add("hashes", hashes);
    o.add("foundMs", found);
    return o;
  }
}
