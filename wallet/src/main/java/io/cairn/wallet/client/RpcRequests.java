package io.cairn.wallet.client;

import com.google.gson.JsonObject;

/** JSON-RPC 2.0 request objects, for every client of a node's RPC (the wallet's, the testnet's). */
public final class RpcRequests {
  private RpcRequests() {}

  /** {@code {"jsonrpc": "2.0", "id": id, "method": method, "params": params}}; no params member when null. */
  public static JsonObject call(long id, String method, JsonObject params) {
    JsonObject c = new JsonObject();
    c.addProperty("jsonrpc", "2.0");
    c.addProperty("id", id);
    c.addProperty("method", method);
    if (params != null) {
      c.add("params", params);
    }
    return c;
  }
}
