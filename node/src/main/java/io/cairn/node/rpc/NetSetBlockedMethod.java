package io.cairn.node.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.cairn.common.reason.Rejected;
import java.util.List;
import java.util.Optional;

/**
 * {@code net_setBlocked {nodeIds}}: refuse and drop links to exactly these peers (node ids as net_peers
 * shows them) until called again; {@code []} heals. This is how the testnet makes partitions.
 */
final class NetSetBlockedMethod implements RpcMethod {
  static final int MAX_IDS = 1024;
  private final NodeCommands commands;

  NetSetBlockedMethod(NodeCommands commands) {
    this.commands = commands;
  }

  @Override
  public String name() {
    return "net_setBlocked";
  }

  @Override
  public List<String> paramNames() {
    return List.of("nodeIds");
  }

  @Override
  public JsonElement call(Params params) throws RpcException {
    List<String> ids = params.strings("nodeIds", MAX_IDS);
    Optional<Rejected> refused = commands.setBlockedPeers(ids);
    if (refused.isPresent()) {
      throw RpcException.invalidParams(refused.get().reason(), refused.get().detail());
    }
    JsonObject o = new JsonObject();
    JsonArray arr = new JsonArray();
    ids.forEach(arr::add);
    o.add("blocked", arr);
    return o;
  }
}
