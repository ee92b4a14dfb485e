package io.cairn.node.explorer;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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

/** JSON-RPC over real HTTP (java.net.http) with the token from a node's cookie file; for tests. */
public final class TestRpc {
  private static final Gson GSON = new Gson();
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String token;

  public TestRpc(int port, Path cookieFile) {
    this.base = URI.create("http://127.0.0.1:" + port + "/");
    try {
      this.token = Files.readString(cookieFile, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String token() {
    return token;
  }

  public URI base() {
    return base;
  }

  /** The result of a call that must succeed. */
  public JsonElement ok(String method, Map<String, ?> params) {
    JsonObject req = new JsonObject();
    req.addProperty("jsonrpc", "2.0");
    req.addProperty("id", 1);
    req.addProperty("method", method);
    req.add("params", GSON.toJsonTree(params));
    HttpRequest r = HttpRequest.newBuilder(base).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(req.toString())).build();
    JsonObject answer;
    try {
      answer = JsonParser.parseString(http.send(r, HttpResponse.BodyHandlers.ofString()).body()).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (!answer.has("result")) {
      throw new AssertionError(method + " " + params + " failed: " + answer);
    }
    return answer.get("result");
  }

  public JsonObject chainInfo() {
    return ok("chain_info", Map.of()).getAsJsonObject();
  }
}
