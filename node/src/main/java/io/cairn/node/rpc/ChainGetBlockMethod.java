package io.cairn.node.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.node.rpc.NodeQueries.BlockInfo;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code chain_getBlock {hash | height, full}}: a block by hash (any branch) or by main-chain height.
 * Positionally {@code [hashOrHeight, full]}: a string is a hash, a number a height.
 */
final class ChainGetBlockMethod implements RpcMethod {
  private final NodeQueries queries;
  private final String prefix;

  ChainGetBlockMethod(NodeQueries queries, String prefix) {
    this.queries = queries;
    this.prefix = prefix;
  }

  @Override
  public String name() {
    return "chain_getBlock";
  }

  @Override
  public List<String> paramNames() {
    return List.of("hash", "height", "full");
  }

  @Override
  public JsonObject byPosition(JsonArray args) throws RpcException {
    if (args.size() > 2) {
      throw RpcException.invalidParams("chain_getBlock takes at most 2 positional parameters [hashOrHeight, full]"
          + " but got " + args.size());
    }
    JsonObject named = new JsonObject();
    if (args.size() >= 1) {
      JsonElement first = args.get(0);
      boolean isNumber = first.isJsonPrimitive() && first.getAsJsonPrimitive().isNumber();
      named.add(isNumber ? "height" : "hash", first);
    }
    if (args.size() == 2) {
      named.add("full", args.get(1));
    }
    return named;
  }

  @Override
  public JsonElement call(Params params) throws RpcException {
    boolean full = params.bool("full", false);
    if (params.has("hash") == params.has("height")) {
      throw RpcException.invalidParams("chain_getBlock needs exactly one of 'hash' and 'height'");
    }
    Optional<BlockInfo> block;
    String what;
    if (params.has("hash")) {
      var hash = params.hash("hash");
      what = "block " + hash.toHex();
      block = queries.blockByHash(hash);
    } else {
      OptionalLong height = params.optLong("height", 0, Long.MAX_VALUE);
      what = "block at height " + height.getAsLong();
      block = queries.blockByHeight(height.getAsLong());
    }
    BlockInfo info = block.orElseThrow(() -> RpcException.of(Rejected.of(Reason.NOT_FOUND, "no " + what)));
    return Dto.block(info, full, prefix);
  }
}
