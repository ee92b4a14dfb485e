package io.cairn.node.rpc;

import com.google.gson.JsonElement;
import io.cairn.node.rpc.NodeQueries.MempoolInfo;
import java.util.List;

/**
 * {@code mempool_info}: how many transactions and bytes are pending, the fee to get in now, and when
 * the mempool last changed.
 */
final class MempoolInfoMethod implements RpcMethod {
  private final NodeQueries queries;

  MempoolInfoMethod(NodeQueries queries) {
    this.queries = queries;
  }

  record Result(int size, long bytes, long maxBytes, String minFee, long changedMs) {}

  @Override
  public String name() {
    return "mempool_info";
  }

  @Override
  public List<String> paramNames() {
    return List.of();
  }

  @Override
  public JsonElement call(Params params) {
    MempoolInfo m = queries.mempoolInfo();
    return Dto.tree(new Result(m.size(), m.bytes(), m.maxBytes(), Long.toString(m.minFee().units()), m.changedMs()));
  }
}
