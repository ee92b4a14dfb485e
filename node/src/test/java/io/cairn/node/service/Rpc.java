package io.cairn.node.service;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.node.testing.TestKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A JSON-RPC client over real HTTP (java.net.http) for tests; the token comes from the cookie file. */
final class Rpc {
  private static final Gson GSON = new Gson();
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String token;
  private int nextId = 1;

  Rpc(int port, Path cookie) {
    this.base = URI.create("http://127.0.0.1:" + port + "/");
    try {
      this.token = cookie == null ? null : Files.readString(cookie, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Rpc of(NodeService node) {
    return new Rpc(node.rpcPort(), node.cookieFile().orElse(null));
  }

  /** The whole response object of one call with named params. */
  synchronized JsonObject call(String method, Map<String, ?> params) {
    JsonObject req = new JsonObject();
    req.addProperty("jsonrpc", "2.0");
    req.addProperty("id", nextId++);
    req.addProperty("method", method);
    req.add("params", GSON.toJsonTree(params));
    return JsonParser.parseString(post(req.toString(), "/")).getAsJsonObject();
  }

  /** The responses to a batch (a JSON array of calls, sent as is). */
  /**
   * Submits the chain's test transfers {@code TestKey(from + i) -> TestKey(from + i + 1)} for i in
   * [0, count) (1,000 units, fee 1,000, nonce 0) as one JSON-RPC batch of {@code tx_submit} calls.
   */
  JsonArray submitTransfers(Hash genesis, int from, int count) {
    JsonArray calls = new JsonArray();
    for (int i = 0; i < count; i++) {
      int key = from + i;
      Transaction tx = TestKey.of(key).transfer(genesis,
          TestKey.of(key + 1).address(), Amount.ofUnits(1_000),
          Amount.ofUnits(1_000), 0);
      JsonObject call = new JsonObject();
      call.addProperty("jsonrpc", "2.0");
      call.addProperty("id", i);
      call.addProperty("method", "tx_submit");
      JsonObject params = new JsonObject();
      params.addProperty("tx", Bytes.of(tx.encode()).toHex());
      call.add("params", params);
      calls.add(call);
    }
    return batch(calls);
  }

  JsonArray batch(JsonArray calls) {
    return JsonParser.parseString(post(calls.toString(), "/")).getAsJsonArray();
  }

  /** The result of a call that must succeed. */
  JsonElement ok(String method, Map<String, ?> params) {
    JsonObject r = call(method, params);
    if (!r.has("result")) {
      throw new AssertionError(method + " " + params + " failed: " + r);
    }
    return r.get("result");
  }

  JsonObject okObject(String method, Map<String, ?> params) {
    return ok(method, params).getAsJsonObject();
  }

  JsonObject okObject(String method) {
    return okObject(method, Map.of());
  }

  /** The error object of a call that must fail. */
  JsonObject error(String method, Map<String, ?> params) {
    JsonObject r = call(method, params);
    if (!r.has("error")) {
      throw new AssertionError(method + " " + params + " should have failed: " + r);
    }
    return r.getAsJsonObject("error");
  }

  String get(String path) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).GET();
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String post(String body, String path) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
