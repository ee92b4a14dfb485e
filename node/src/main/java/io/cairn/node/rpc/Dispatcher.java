package io.cairn.node.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.common.reason.RejectedException;
import io.cairn.node.metrics.NodeMetrics;
import java.util.ArrayList;
import java.util.Collections;
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
      return Optional.of(JsonText.of(error(JsonNull.INSTANCE, e)));
    }
    if (!request.isJsonArray()) {
      return Optional.ofNullable(answer(request)).map(JsonText::of);
    }
    JsonArray batch = request.getAsJsonArray();
    if (batch.isEmpty()) {
      return Optional.of(JsonText.of(
          error(JsonNull.INSTANCE, new RpcException(RpcErrors.INVALID_REQUEST, "Invalid Request: empty batch"))));
    }
    if (batch.size() > maxBatch) {
      return Optional.of(JsonText.of(error(JsonNull.INSTANCE, new RpcException(RpcErrors.INVALID_REQUEST,
          "Invalid Request: batch of " + batch.size() + " calls exceeds the limit of " + maxBatch))));
    }
    // Consecutive calls of one BatchMethod run together (tx_submit: one mempool admission), the rest
    // one by one, in order. Written out as it goes: once the answer passes MAX_BATCH_RESPONSE_CHARS the
    // remaining calls are not run but answered busy, so 1000 calls with large results cannot build
    // gigabytes on one worker.
    List<Parsed> calls = new ArrayList<>(batch.size());
    for (JsonElement call : batch) {
      calls.add(parse(call));
    }
    StringBuilder out = new StringBuilder("[");
    int answered = 0;
    for (int i = 0, j; i < calls.size(); i = j) {
      j = i + 1;
      if (calls.get(i) instanceof Call c && c.method() instanceof BatchMethod) {
        while (j < calls.size() && calls.get(j) instanceof Call d && d.method() == c.method()) {
          j++;
        }
      }
      List<JsonObject> responses = new ArrayList<>(j - i);
      if (out.length() <= MAX_BATCH_RESPONSE_CHARS) {
        responses.addAll(answer(calls.subList(i, j)));
      } else {
        for (int k = i; k < j; k++) {
          responses.add(notRun(batch.get(k)));
        }
      }
      for (JsonObject r : responses) {
        if (r != null) {
          if (answered++ > 0) {
            out.append(',');
          }
          JsonText.write(r, out);
        }
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

  /** One call of a request, checked: either runnable or already answered. */
  private sealed interface Parsed permits Call, Answered {}

  /** A well-formed call of a known method; {@code params} has the right JSON type but is not bound yet. */
  private record Call(JsonElement id, boolean notification, RpcMethod method, JsonElement params)
      implements Parsed {}

  /** A call answered without running anything: its error, or null for a notification of an unknown method. */
  private record Answered(JsonObject response) implements Parsed {}

  /** The response to one call, or null for a notification. Invalid requests are always answered. */
  private JsonObject answer(JsonElement call) {
    Parsed p = parse(call);
    return p instanceof Call c ? answer(List.of(c)).get(0) : ((Answered) p).response();
  }

  /** The responses to already answered calls, or to consecutive calls of one method (several only of a BatchMethod). */
  private List<JsonObject> answer(List<Parsed> run) {
    if (!(run.get(0) instanceof Call first)) {
      return Collections.singletonList(((Answered) run.get(0)).response());
    }
    RpcMethod method = first.method();
    BatchMethod.Reply[] replies = new BatchMethod.Reply[run.size()];
    List<Params> bound = new ArrayList<>(run.size());
    List<Integer> at = new ArrayList<>(run.size());
    for (int k = 0; k < run.size(); k++) {
      try {
        bound.add(Params.bind(method, ((Call) run.get(k)).params(), addressPrefix));
        at.add(k);
      } catch (RpcException e) {
        replies[k] = BatchMethod.Reply.failed(e);
      }
    }
    List<BatchMethod.Reply> ran = bound.isEmpty() ? List.of() : call(method, bound);
    for (int k = 0; k < ran.size(); k++) {
      replies[at.get(k)] = ran.get(k);
    }
    List<JsonObject> responses = new ArrayList<>(run.size());
    for (int k = 0; k < run.size(); k++) {
      Call c = (Call) run.get(k);
      BatchMethod.Reply r = replies[k];
      metrics.rpcCall(method.name(), r.error() == null);
      responses.add(c.notification() ? null : r.error() != null ? error(c.id(), r.error()) : result(c.id(), r.result()));
    }
    return responses;
  }

  /** Checks one call's envelope and finds its method. */
  private Parsed parse(JsonElement call) {
    if (!call.isJsonObject()) {
      return new Answered(error(JsonNull.INSTANCE, invalid("a call must be a JSON object")));
    }
    JsonObject o = call.getAsJsonObject();
    boolean notification = !o.has("id");
    JsonElement id = notification ? JsonNull.INSTANCE : o.get("id");
    if (!id.isJsonNull() && !(id.isJsonPrimitive() && (id.getAsJsonPrimitive().isString()
        || id.getAsJsonPrimitive().isNumber()))) {
      return new Answered(error(JsonNull.INSTANCE, invalid("'id' must be a string, a number or null")));
    }
    JsonElement version = o.get("jsonrpc");
    if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isString()
        || !version.getAsString().equals("2.0")) {
      return new Answered(error(id, invalid("'jsonrpc' must be \"2.0\"")));
    }
    JsonElement name = o.get("method");
    if (name == null || !name.isJsonPrimitive() || !name.getAsJsonPrimitive().isString()) {
      return new Answered(error(id, invalid("'method' must be a string")));
    }
    JsonElement params = o.get("params");
    if (params != null && !params.isJsonNull() && !params.isJsonObject() && !params.isJsonArray()) {
      return new Answered(error(id, invalid("'params' must be an object or an array")));
    }
    RpcMethod method = methods.get(name.getAsString());
    if (method == null) {
      metrics.rpcCall("unknown", false);
      return new Answered(notification ? null : error(id, new RpcException(RpcErrors.METHOD_NOT_FOUND,
          "Method not found: '" + truncate(name.getAsString()) + "'")));
    }
    return new Call(id, notification, method, params);
  }

  /** Runs bound calls of {@code method} (one, unless it is a BatchMethod): one reply each, in order. */
  private static List<BatchMethod.Reply> call(RpcMethod method, List<Params> calls) {
    RpcException failure;
    try {
      if (method instanceof BatchMethod b) {
        return b.callAll(calls);
      }
      return List.of(BatchMethod.Reply.ok(orNull(method.call(calls.get(0)))));
    } catch (RpcException e) {
      failure = e;
    } catch (RejectedException e) {
      failure = RpcException.of(e.rejected());
    } catch (RuntimeException e) {
      LOG.error("RPC method {} failed", method.name(), e);
      failure = new RpcException(RpcErrors.INTERNAL_ERROR, "Internal error; see the node's log");
    }
    return Collections.nCopies(calls.size(), BatchMethod.Reply.failed(failure));
  }

  private static JsonElement orNull(JsonElement result) {
    return result == null ? JsonNull.INSTANCE : result;
  }

  private static JsonObject result(JsonElement id, JsonElement result) {
    JsonObject r = new JsonObject();
    r.addProperty("jsonrpc", "2.0");
    r.add("result", result);
    r.add("id", id);
    return r;
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
