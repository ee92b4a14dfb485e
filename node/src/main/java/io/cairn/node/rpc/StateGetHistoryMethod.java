package io.cairn.node.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.cairn.common.address.Address;
import io.cairn.common.crypto.Hash;
import io.cairn.node.rpc.NodeQueries.HistoryEntry;
import java.util.List;
import java.util.Optional;

/**
 * {@code state_getHistory {address, limit, before}}: confirmed transactions of an address, newest
 * first. {@code next} is the cursor for the following page (pass it as {@code before}), or null
 * when this page is the last.
 */
final class StateGetHistoryMethod implements RpcMethod {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 500;
  private final NodeQueries queries;
  private final String prefix;

  StateGetHistoryMethod(NodeQueries queries, String prefix) {
    this.queries = queries;
    this.prefix = prefix;
  }

  @Override
  public String name() {
    return "state_getHistory";
  }

  @Override
  public List<String> paramNames() {
    return List.of("address", "limit", "before");
  }

  @Override
  public JsonElement call(Params params) throws RpcException {
    Address address = params.address("address");
    int limit = (int) params.optLong("limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
    Optional<Hash> before = params.optHash("before");
    List<HistoryEntry> page = queries.history(address, limit, before);
    String text = address.encode(prefix);
    JsonArray txs = new JsonArray();
    for (HistoryEntry e : page.subList(0, Math.min(limit, page.size()))) {
      txs.add(Dto.historyEntry(e, text, prefix));
    }
    JsonObject o = new JsonObject();
    o.addProperty("address", text);
    o.add("transactions", txs);
    o.addProperty("next", page.size() >= limit ? page.get(limit - 1).tx().txid().toHex() : null);
    return o;
  }
}
