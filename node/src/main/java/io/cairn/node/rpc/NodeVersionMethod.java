package io.cairn.node.rpc;

import com.google.gson.JsonElement;
import io.cairn.node.rpc.NodeQueries.VersionInfo;
import java.util.List;

/** {@code node_version}: software version, P2P protocol version and user agent. */
final class NodeVersionMethod implements RpcMethod {
  private final NodeQueries queries;

  NodeVersionMethod(NodeQueries queries) {
    this.queries = queries;
  }

  record Result(String version, int protocolVersion, String userAgent) {}

  @Override
  public String name() {
    return "node_version";
  }

  @Override
  public List<String> paramNames() {
    return List.of();
  }

  @Override
  public JsonElement call(Params params) {
    VersionInfo v = queries.version();
    return Dto.tree(new Result(v.version(), v.protocolVersion(), v.userAgent()));
  }
}
