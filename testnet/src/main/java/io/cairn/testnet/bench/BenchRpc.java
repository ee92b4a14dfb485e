package io.cairn.testnet.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The benchmark's JSON-RPC client for one node: single calls with a generous timeout (mining a full
 * block or a batch on a busy machine takes longer than the testnet client's 3 s), raw batch bodies
 * sent asynchronously, and the {@code /metrics} page. The cookie is read once the node serves.
 */
final class BenchRpc {
  static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final URI url;
  private final Path cookie;
  private volatile String token;

  BenchRpc(int rpcPort, Path cookie) {
    this.url = URI.create("http://127.0.0.1:" + rpcPort + "/");
    this.cookie = cookie;
  }

  boolean healthy() {
    try {
      HttpRequest r = HttpRequest.newBuilder(url.resolve("/health")).timeout(Duration.ofSeconds(2)).GET().build();
      return HTTP.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** One call; its {@code result}, or an {@link IllegalStateException} with the node's error. */
  JsonElement call(String method, JsonObject params) {
    JsonObject req = new JsonObject();
    req.addProperty("jsonrpc", "2.0");
    req.addProperty("id", 1);
    req.addProperty("method", method);
    req.add("params", params);
    JsonObject o = JsonParser.parseString(post(req.toString()).join()).getAsJsonObject();
    if (o.has("error") && !o.get("error").isJsonNull()) {
      throw new IllegalStateException(method + " on " + url + ": " + o.get("error"));
    }
    return o.get("result");
  }

  JsonObject object(String method) {
    return call(method, new JsonObject()).getAsJsonObject();
  }

  /** POSTs a request body (a batch); completes with the response body. */
  CompletableFuture<String> post(String body) {
    HttpRequest r = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token())
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    return HTTP.sendAsync(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).thenApply(resp -> {
      if (resp.statusCode() != 200) {
        throw new IllegalStateException(url + " answered HTTP " + resp.statusCode() + ": " + resp.body());
      }
      return resp.body();
    });
  }

  /** The Prometheus text of {@code GET /metrics}. */
  String metrics() {
    HttpRequest r = HttpRequest.newBuilder(url.resolve("/metrics")).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token()).GET().build();
    try {
      return HTTP.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + r.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The results in a batch response that are not errors. */
  static int okCount(String batchResponse) {
    JsonElement e = JsonParser.parseString(batchResponse);
    if (!e.isJsonArray()) {
      return 0;
    }
    int n = 0;
    for (JsonElement x : (JsonArray) e) {
      n += x.getAsJsonObject().has("result") ? 1 : 0;
    }
    return n;
  }

  /** The first error in a batch response, for messages. */
  static String firstError(String batchResponse) {
    JsonElement e = JsonParser.parseString(batchResponse);
    if (e.isJsonArray()) {
      for (JsonElement x : (JsonArray) e) {
        if (x.getAsJsonObject().has("error")) {
          return x.getAsJsonObject().get("error").toString();
        }
      }
      return "";
    }
    return batchResponse;
  }

  private String token() {
    String t = token;
    if (t == null) {
      try {
        t = Files.readString(cookie, StandardCharsets.US_ASCII).strip();
        token = t;
      } catch (IOException e) {
        throw new IllegalStateException("no cookie at " + cookie + " yet", e);
      }
    }
    return t;
  }
}
