package io.cairn.testnet.reliability;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One node's JSON-RPC as the reliability checks use it: a call returns the {@code result} or throws a
 * {@link RuntimeException} (node down, refused, error). {@code NodeRpc::call} is one; {@link NsNode}
 * reaches a node inside a network namespace with another.
 */
@FunctionalInterface
interface Rpc {
  JsonElement call(String method, JsonObject params);

  default JsonObject object(String method, JsonObject params) {
    return call(method, params).getAsJsonObject();
  }

  default JsonObject info() {
    return object("chain_info", new JsonObject());
  }

  default JsonObject block(long height) {
    JsonObject p = new JsonObject();
    p.addProperty("height", height);
    return object("chain_getBlock", p);
  }

  default JsonObject tx(String txid) {
    JsonObject p = new JsonObject();
    p.addProperty("txid", txid);
    return object("chain_getTransaction", p);
  }

  default long balance(String address) {
    JsonObject p = new JsonObject();
    p.addProperty("address", address);
    return Long.parseLong(object("state_getAccount", p).get("balance").getAsString());
  }
}
