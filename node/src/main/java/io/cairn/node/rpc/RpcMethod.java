package io.cairn.node.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/** One JSON-RPC method: its name, its parameter names in positional order, and its body. */
interface RpcMethod {
  String name();

  /** Declared parameter names; a positional call maps its values to these in order. */
  List<String> paramNames();

  /**
   * Runs the method on an RPC worker thread (never the event loop).
   *
   * @throws RpcException for invalid params and application errors
   */
  JsonElement call(Params params) throws RpcException;

  /** Maps a positional call to names; override when positions do not follow {@link #paramNames}. */
  default JsonObject byPosition(JsonArray args) throws RpcException {
    return Params.byPosition(name(), paramNames(), args);
  }
}
