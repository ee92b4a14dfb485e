package io.cairn.node.rpc;

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
import java.util.Base64;

/** Real HTTP to a test server on 127.0.0.1 with java.net.http; the token comes from the cookie file. */
final class RpcTestClient {
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final URI base;
  private final String token;

  RpcTestClient(RpcServer server) throws IOException {
    this.base = URI.create("http://127.0.0.1:" + server.port());
    Path cookie = server.cookieFile().orElse(null);
    this.token = cookie == null ? null : Files.readString(cookie, StandardCharsets.US_ASCII).strip();
  }

  String token() {
    return token;
  }

  String bearer() {
    return "Bearer " + token;
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** POSTs {@code body} with the bearer token (when the server has one). */
  HttpResponse<String> post(String body) throws IOException, InterruptedException {
    return post(body, token == null ? null : bearer());
  }

  HttpResponse<String> post(String body, String authorization) throws IOException, InterruptedException {
    return post(HttpRequest.BodyPublishers.ofString(body), authorization);
  }

  HttpResponse<String> post(HttpRequest.BodyPublisher body, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/"))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .POST(body);
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, boolean withToken) throws IOException, InterruptedException {
    return send("GET", path, withToken);
  }

  HttpResponse<String> send(String method, String path, boolean withToken) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(20))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (withToken && token != null) {
      b.header("Authorization", bearer());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** One call with id 1; returns the whole response object (result or error). */
  JsonObject call(String method, String paramsJson) throws IOException, InterruptedException {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\""
        + (paramsJson == null ? "" : ",\"params\":" + paramsJson) + "}";
    HttpResponse<String> r = post(body);
    if (r.statusCode() != 200) {
      throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
    }
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  /** The {@code result} of a call that must succeed. */
  JsonElement result(String method, String paramsJson) throws IOException, InterruptedException {
    JsonObject r = call(method, paramsJson);
    if (!r.has("result") || r.has("error")) {
      throw new AssertionError(method + " failed: " + r);
    }
    return r.get("result");
  }

  /** The {@code error} of a call that must fail. */
  JsonObject error(String method, String paramsJson) throws IOException, InterruptedException {
    JsonObject r = call(method, paramsJson);
    if (!r.has("error") || r.has("result")) {
      throw new AssertionError(method + " should have failed: " + r);
    }
    return r.getAsJsonObject("error");
  }

  static RpcConfig testConfig(Path dataDir) {
    return RpcConfig.defaults(dataDir).withBind("127.0.0.1", 0);
  }
}
