package io.cairn.node.rpc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import java.util.List;
import java.util.Optional;

/** {@code net_disconnect {nodeId}}: drop the connection to a peer (its id as net_peers shows it). */
final class NetDisconnectMethod implements RpcMethod {
  private final NodeCommands commands;

  NetDisconnectMethod(NodeCommands commands) {
    this.commands = commands;
  }

  @Override
  public String name() {
    return "net_disconnect";
  }

  @Override
  public List<String> paramNames() {
    return List.of("nodeId");
  }

  @Override
  public JsonElement call(Params params) throws RpcException {
    String nodeId = params.string("nodeId").strip();
    if (!nodeId.matches("[0-9a-fA-F]{1,128}")) {
      throw RpcException.invalidParams(Reason.MALFORMED, "'nodeId' must be hex as net_peers shows it");
    }
    Optional<Rejected> refused = commands.disconnectPeer(nodeId);
    if (refused.isPresent()) {
      throw RpcException.of(refused.get());
    }
    JsonObject o = new JsonObject();
    o.addProperty("nodeId", nodeId);
    o.addProperty("disconnected", true);
    return o;
  }
}
