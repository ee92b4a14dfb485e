package io.cairn.node.rpc;

import com.google.gson.JsonElement;
import java.util.List;

/** {@code net_peers}: the connected peers with direction, height, work and traffic. */
final class NetPeersMethod implements RpcMethod {
  private final NodeQueries queries;

  NetPeersMethod(NodeQueries queries) {
    this.queries = queries;
  }

  @Override
  public String name() {
    return "net_peers";
  }

  @Override
  public List<String> paramNames() {
    return List.of();
  }

  @Override
  public JsonElement call(Params params) {
    return Dto.peers(queries.peers());
  }
}
