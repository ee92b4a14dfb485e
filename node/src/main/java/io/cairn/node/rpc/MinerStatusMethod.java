package io.cairn.node.rpc;

import com.google.gson.JsonElement;
import io.cairn.node.rpc.NodeQueries.MinerStatus;
import java.util.List;

/** {@code miner_status}: whether the node mines, for whom, how fast and how many blocks so far. */
final class MinerStatusMethod implements RpcMethod {
  private final NodeQueries queries;
  private final String prefix;

  MinerStatusMethod(NodeQueries queries, String prefix) {
    this.queries = queries;
    this.prefix = prefix;
  }

  record Result(boolean mining, String address, int threads, double hashRate, long blocksMined) {}

  @Override
  public String name() {
    return "miner_status";
  }

  @Override
  public List<String> paramNames() {
    return List.of();
  }

  @Override
  public JsonElement call(Params params) {
    MinerStatus m = queries.minerStatus();
    return Dto.tree(new Result(m.mining(), m.address().map(a -> a.encode(prefix)).orElse(null), m.threads(),
        m.hashesPerSecond(), m.blocksMined()));
  }
}
