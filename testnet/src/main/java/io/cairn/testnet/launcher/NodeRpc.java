package io.cairn.testnet.launcher;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.wallet.client.BlockingHttp;
import io.cairn.wallet.client.RpcRequests;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The testnet's own small JSON-RPC client for one node (status, peers, partitions). The cookie is read
 * from the node's data directory on first use and again after a 401 (it changes at every restart).
 * Every failure is a {@link RpcException}; calls time out after {@link #TIMEOUT}.
 */
public final class NodeRpc {
  public static final Duration TIMEOUT = Duration.ofSeconds(3);
  /** The largest answer read (a full block's JSON is far below). */
  private static final int MAX_BODY = 64 << 20;

  private final String name;
  private final URI url;
  private final AtomicLong ids = new AtomicLong();
  private final CookieToken token;

  public NodeRpc(String name, URI url, Path cookieFile) {
    this.name = name;
    this.url = url;
    this.token = new CookieToken(cookieFile);
  }

  /** A failed call: unreachable, refused, or a JSON-RPC error (with its reason code when given). */
  public static final class RpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Optional<String> reason;

    RpcException(String message, Optional<String> reason) {
      super(message);
      this.reason = reason;
    }

    /** The node's reason code, e.g. {@code nonce-too-low}. */
    public Optional<String> reason() {
      return reason;
    }
  }

  public String name() {
    return name;
  }

  public URI url() {
    return url;
  }

  /** {@code GET /health} answered 200. */
  public boolean healthy() {
    try {
      return BlockingHttp.get(url.resolve("/health"), TIMEOUT, MAX_BODY).status() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  public JsonObject object(String method, JsonObject params) {
    JsonElement e = call(method, params);
    if (!e.isJsonObject()) {
      throw new RpcException(name + ": " + method + " returned " + e + ", expected an object", Optional.empty());
    }
    return e.getAsJsonObject();
  }

  public JsonObject object(String method) {
    return object(method, new JsonObject());
  }

  /** {@code net_peers} count. */
  public int peerCount() {
    JsonElement e = call("net_peers", new JsonObject());
    return e.isJsonArray() ? e.getAsJsonArray().size() : 0;
  }

  /** {@code net_info.nodeId}. */
  public String nodeId() {
    return object("net_info").get("nodeId").getAsString();
  }

  /** {@code net_setBlocked {nodeIds}}: refuse and drop links to these node ids (empty: heal). */
  public void setBlocked(Collection<String> nodeIds) {
    JsonObject p = new JsonObject();
    JsonArray a = new JsonArray();
    nodeIds.forEach(a::add);
    p.add("nodeIds", a);
    call("net_setBlocked", p);
  }

  /** {@code net_addPeer {address}}: dial now. */
  public void addPeer(String hostPort) {
    JsonObject p = new JsonObject();
    p.addProperty("address", hostPort);
    call("net_addPeer", p);
  }

  /** One call; the {@code result}. */
  public JsonElement call(String method, JsonObject params) {
    for (int attempt = 0; ; attempt++) {
      JsonObject req = RpcRequests.call(ids.incrementAndGet(), method, params);
      BlockingHttp.Response resp;
      try {
        resp = BlockingHttp.post(url, req.toString(), Optional.ofNullable(token()), TIMEOUT, MAX_BODY);
      } catch (IOException e) {
        throw new RpcException(name + " (" + url + ") is unreachable: " + (e.getMessage() == null
            ? e.getClass().getSimpleName() : e.getMessage()), Optional.empty());
      }
      if (resp.status() == 401 && attempt == 0) {
        token.forget(); // the node restarted with a fresh cookie
        continue;
      }
      JsonObject o;
      try {
        o = JsonParser.parseString(resp.text()).getAsJsonObject();
      } catch (RuntimeException e) {
        throw new RpcException(name + ": " + method + " answered HTTP " + resp.status() + " with no JSON-RPC body",
            Optional.empty());
      }
      if (o.has("error") && !o.get("error").isJsonNull()) {
        JsonObject err = o.getAsJsonObject("error");
        Optional<String> reason = Optional.empty();
        JsonElement data = err.get("data");
        if (data != null && data.isJsonObject() && data.getAsJsonObject().has("reason")) {
          reason = Optional.of(data.getAsJsonObject().get("reason").getAsString());
        } else if (data != null && data.isJsonPrimitive()) {
          reason = Optional.of(data.getAsString());
        }
        String msg = err.has("message") ? err.get("message").getAsString() : "error " + err.get("code");
        if (err.has("code") && err.get("code").getAsInt() == -32601) {
          msg += " (this node version does not offer it)";
          reason = Optional.of("method-not-found");
        }
        throw new RpcException(name + ": " + method + ": " + msg, reason);
      }
      JsonElement r = o.get("result");
      if (r == null) {
        throw new RpcException(name + ": " + method + " response has no result", Optional.empty());
      }
      return r;
    }
  }

  private String token() {
    return token.get().orElse(null); // none yet: the node is starting; the call will be refused or unreachable
  }
}
