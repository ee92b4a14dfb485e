package io.cairn.wallet.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A small fake JSON-RPC node on 127.0.0.1 (port 0) for unit tests of the wallet's online commands.
 * Each method answers through a handler from its params to a raw {@code result} JSON text, or a
 * whole raw response body when the handler's answer starts with {@code RAW:}.
 */
final class FakeNode implements AutoCloseable {
  /** One request the fake received. */
  record Call(String method, JsonObject params, String authorization) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  final Map<String, Function<JsonObject, String>> handlers = new ConcurrentHashMap<>();
  volatile String requiredToken;
  private final HttpServer server;

  FakeNode() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      try (ex) {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (requiredToken != null && !("Bearer " + requiredToken).equals(auth)) {
          send(ex, 401, "{\"error\":\"unauthorized\"}");
          return;
        }
        JsonObject req = JsonParser.parseString(body).getAsJsonObject();
        String method = req.get("method").getAsString();
        JsonObject params = req.has("params") ? req.getAsJsonObject("params") : new JsonObject();
        calls.add(new Call(method, params, auth));
        Function<JsonObject, String> h = handlers.get(method);
        String answer = h == null ? "ERR:-32601:method not found:" : h.apply(params);
        JsonElement id = req.get("id");
        String resp;
        if (answer.startsWith("RAW:")) {
          resp = answer.substring(4);
        } else if (answer.startsWith("ERR:")) {
          String[] p = answer.split(":", 4);
          resp = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":" + p[1] + ",\"message\":\"" + p[2] + "\""
              + (p[3].isEmpty() ? "" : ",\"data\":" + p[3]) + "}}";
        } else {
          resp = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + answer + "}";
        }
        send(ex, 200, resp);
      } catch (RuntimeException e) {
        send(ex, 500, "boom");
      }
    });
    server.start();
  }

  private static void send(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(b);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  FakeNode on(String method, Function<JsonObject, String> handler) {
    handlers.put(method, handler);
    return this;
  }

  FakeNode on(String method, String result) {
    return on(method, p -> result);
  }

  long count(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).count();
  }

  List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
