package io.cairn.node.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.cairn.common.model.Transaction;
import java.util.List;

/** {@code mempool_content {limit}}: pending transactions (at most {@code limit}, default 1000). */
final class MempoolContentMethod implements RpcMethod {
  static final int DEFAULT_LIMIT = 1_000;
  static final int MAX_LIMIT = 10_000;
  private final NodeQueries queries;
  private final String prefix;

  MempoolContentMethod(NodeQueries queries, String prefix) {
    this.queries = queries;
    this.prefix = prefix;
  }

  @Override
  public String name() {
    return "mempool_content";
  }

  @Override
  public List<String> paramNames() {
    return List.of("limit");
  }

  @Override
  public JsonElement call(Params params) throws RpcException {
    int limit = (int) params.optLong("limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
    int size = queries.mempoolInfo().size();
    List<Transaction> txs = queries.mempoolContent(limit);
    JsonArray out = new JsonArray();
    for (Transaction tx : txs.subList(0, Math.min(limit, txs.size()))) {
      out.add(Dto.tree(Dto.Tx.of(tx, prefix)));
    }
    JsonObject o = new JsonObject();
    o.addProperty("size", Math.max(size, out.size()));
    o.add("transactions", out);
    return o;
  }
}
