package io.cairn.node.rpc;

import com.google.gson.JsonElement;
import io.cairn.node.rpc.NodeQueries.NetInfo;
import java.util.List;

/** {@code net_info}: this node's id, listen address and connection counts. */
final class NetInfoMethod implements RpcMethod {
  private final NodeQueries queries;

  NetInfoMethod(NodeQueries queries) {
    this.queries = queries;
  }

  record Result(String nodeId, String listenAddress, int inbound, int outbound, int connections, int knownAddresses) {}

  @Override
  public String name() {
    return "net_info";
  }

  @Override
  public List<String> paramNames() {
    return List.of();
  }

  @Override
  public JsonElement call(Params params) {
    NetInfo n = queries.netInfo();
    return Dto.tree(new Result(n.nodeId(), n.listenAddress(), n.inbound(), n.outbound(), n.inbound() + n.outbound(),
        n.knownAddresses()));
  }
}
