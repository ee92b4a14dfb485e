package io.cairn.node.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.common.reason.RejectedException;
import io.cairn.node.metrics.NodeMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over a request body: single calls and batches, notifications, params by name or
 * position, and the standard errors. Transport-free: bytes in, optional JSON text out (empty when
 * every call was a notification). Runs on an RPC worker thread.
 */
final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  /** A batch stops running calls once its response is this long (one answer may go past it). */
  static final int MAX_BATCH_RESPONSE_CHARS = 16 * 1024 * 1024;

  private final Map<String, RpcMethod> methods = new HashMap<>();
  private final String addressPrefix;
  private final int maxBatch;
  private final JsonGate gate;
  private final NodeMetrics metrics;

  Dispatcher(List<RpcMethod> methods, String addressPrefix, int maxBatch, int maxDepth, NodeMetrics metrics) {
    for (RpcMethod m : methods) {
      if (this.methods.put(m.name(), m) != null) {
        throw new IllegalArgumentException("method registered twice: " + m.name());
      }
    }
    this.addressPrefix = addressPrefix;
    this.maxBatch = maxBatch;
    this.gate = new JsonGate(maxDepth);
    this.metrics = metrics;
  }

  /** The response body, or empty when nothing is to be answered (notifications only). */
  Optional<String> handle(byte[] body) {
    JsonElement request;
    try {
      request = gate.parse(body);
    } catch (RpcException e) {
      return Optional.of(Dto.GSON.toJson(error(JsonNull.INSTANCE, e)));
    }
    if (!request.isJsonArray()) {
      return Optional.ofNullable(answer(request)).map(Dto.GSON::toJson);
    }
    JsonArray batch = request.getAsJsonArray();
    if (batch.isEmpty()) {
      return Optional.of(Dto.GSON.toJson(
          error(JsonNull.INSTANCE, new RpcException(RpcErrors.INVALID_REQUEST, "Invalid Request: empty batch"))));
    }
    if (batch.size() > maxBatch) {
      return Optional.of(Dto.GSON.toJson(error(JsonNull.INSTANCE, new RpcException(RpcErrors.INVALID_REQUEST,
          "Invalid Request: batch of " + batch.size() + " calls exceeds the limit of " + maxBatch))));
    }
    // Written out call by call: once the answer passes MAX_BATCH_RESPONSE_CHARS the remaining calls are
    // not run but answered busy, so 1000 calls with large results cannot build gigabytes on one worker.
    StringBuilder out = new StringBuilder("[");
    int answered = 0;
    for (JsonElement call : batch) {
      JsonObject r = out.length() <= MAX_BATCH_RESPONSE_CHARS ? answer(call) : notRun(call);
      if (r != null) {
        out.append(answered++ == 0 ? "" : ",").append(Dto.GSON.toJson(r));
      }
    }
    return answered == 0 ? Optional.empty() : Optional.of(out.append(']').toString());
  }

  /** The answer to a call of a batch whose response is already too large: busy, or nothing for a notification. */
  private static JsonObject notRun(JsonElement call) {
    JsonElement id = call.isJsonObject() ? call.getAsJsonObject().get("id") : JsonNull.INSTANCE;
    if (id == null) {
      return null;
    }
    if (!id.isJsonNull() && !(id.isJsonPrimitive() && (id.getAsJsonPrimitive().isString()
        || id.getAsJsonPrimitive().isNumber()))) {
      id = JsonNull.INSTANCE;
    }
    return error(id, new RpcException(RpcErrors.BUSY, "Node busy: this batch's response passed "
        + MAX_BATCH_RESPONSE_CHARS / (1024 * 1024) + " MiB, so this call was not run; send it in another batch",
        Rejected.of(Reason.BUSY, "batch response limit reached")));
  }

  /** The response to one call, or null for a notification. Invalid requests are always answered. */
  private JsonObject answer(JsonElement call) {
    if (!call.isJsonObject()) {
      return error(JsonNull.INSTANCE, invalid("a call must be a JSON object"));
    }
    JsonObject o = call.getAsJsonObject();
    boolean notification = !o.has("id");
    JsonElement id = notification ? JsonNull.INSTANCE : o.get("id");
    if (!id.isJsonNull() && !(id.isJsonPrimitive() && (id.getAsJsonPrimitive().isString()
        || id.getAsJsonPrimitive().isNumber()))) {
      return error(JsonNull.INSTANCE, invalid("'id' must be a string, a number or null"));
    }
    JsonElement version = o.get("jsonrpc");
    if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isString()
        || !version.getAsString().equals("2.0")) {
      return error(id, invalid("'jsonrpc' must be \"2.0\""));
    }
    JsonElement name = o.get("method");
    if (name == null || !name.isJsonPrimitive() || !name.getAsJsonPrimitive().isString()) {
      return error(id, invalid("'method' must be a string"));
    }
    JsonElement params = o.get("params");
    if (params != null && !params.isJsonNull() && !params.isJsonObject() && !params.isJsonArray()) {
      return error(id, invalid("'params' must be an object or an array"));
    }
    RpcMethod method = methods.get(name.getAsString());
    JsonObject response;
    if (method == null) {
      metrics.rpcCall("unknown", false);
      response = error(id, new RpcException(RpcErrors.METHOD_NOT_FOUND,
          "Method not found: '" + truncate(name.getAsString()) + "'"));
    } else {
      response = call(method, params, id);
      metrics.rpcCall(method.name(), !response.has("error"));
    }
    return notification ? null : response;
  }

  private JsonObject call(RpcMethod method, JsonElement params, JsonElement id) {
    try {
      JsonElement result = method.call(Params.bind(method, params, addressPrefix));
      JsonObject r = new JsonObject();
      r.addProperty("jsonrpc", "2.0");
      r.add("result", result == null ? JsonNull.INSTANCE : result);
      r.add("id", id);
      return r;
    } catch (RpcException e) {
      return error(id, e);
    } catch (RejectedException e) {
      return error(id, RpcException.of(e.rejected()));
    } catch (RuntimeException e) {
      LOG.error("RPC method {} failed", method.name(), e);
      return error(id, new RpcException(RpcErrors.INTERNAL_ERROR, "Internal error; see the node's log"));
    }
  }

  static JsonObject error(JsonElement id, RpcException e) {
    JsonObject r = new JsonObject();
    r.addProperty("jsonrpc", "2.0");
    r.add("error", e.toJson());
    r.add("id", id);
    return r;
  }

  private static RpcException invalid(String why) {
    return new RpcException(RpcErrors.INVALID_REQUEST, "Invalid Request: " + why);
  }

  private static String truncate(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }
}
