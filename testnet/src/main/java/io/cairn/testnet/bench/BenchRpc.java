package io.cairn.testnet.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.testnet.launcher.CookieToken;
import io.cairn.wallet.client.RpcRequests;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The benchmark's JSON-RPC client for one node: single calls with a generous timeout (mining a full
 * block or a batch on a busy machine takes longer than the testnet client's 3 s), raw batch bodies
 * sent asynchronously, and the {@code /metrics} page. The cookie is read once the node serves.
 *
 * <p>The submitting workloads use {@link Link} instead: a plain keep-alive HTTP/1.1 connection that
 * writes requests encoded before the clock starts and counts a batch's results with one scan of the
 * response bytes. The benchmark shares the node's cores, and the JDK client with a Gson parse of
 * every response cost about a fifth of the CPU of a W1 run.
 */
final class BenchRpc {
  static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final URI url;
  private final CookieToken cookie;

  BenchRpc(int rpcPort, Path cookie) {
    this.url = URI.create("http://127.0.0.1:" + rpcPort + "/");
    this.cookie = new CookieToken(cookie);
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
    JsonObject req = RpcRequests.call(1, method, params);
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

  /** The whole HTTP request (headers and body) posting {@code body}, ready for {@link Link#post}. */
  byte[] request(String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + url.getPort() + "\r\nContent-Type: application/json\r\n"
        + "Authorization: Bearer " + token() + "\r\nContent-Length: " + b.length + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[h.length + b.length];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(b, 0, out, h.length, b.length);
    return out;
  }

  /** A new keep-alive connection to the node's RPC port. */
  Link link() {
    try {
      Socket s = new Socket();
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress("127.0.0.1", url.getPort()), 5_000);
      s.setSoTimeout((int) TIMEOUT.toMillis());
      return new Link(s);
    } catch (IOException e) {
      throw new IllegalStateException("cannot connect to " + url + ": " + e.getMessage(), e);
    }
  }

  /**
   * One keep-alive HTTP/1.1 connection, used by one thread: posts a request made by {@link #request}
   * and returns the response body. Reads only what the node sends: a status line, headers with a
   * Content-Length (the node never chunks) and the body.
   */
  static final class Link implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private Link(Socket socket) throws IOException {
      this.socket = socket;
      this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
      this.out = socket.getOutputStream();
    }

    /** The 200 response's body; an {@link IllegalStateException} for any other status or a broken connection. */
    byte[] post(byte[] request) {
      try {
        out.write(request);
        out.flush();
        String status = line();
        int length = -1;
        for (String h = line(); !h.isEmpty(); h = line()) {
          int colon = h.indexOf(':');
          if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
            length = Integer.parseInt(h.substring(colon + 1).trim());
          }
        }
        if (length < 0) {
          throw new IllegalStateException("response without Content-Length: " + status);
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
          throw new EOFException("connection closed after " + body.length + " of " + length + " body bytes");
        }
        if (!status.startsWith("HTTP/1.1 200 ")) {
          throw new IllegalStateException("node answered " + status + ": " + new String(body, StandardCharsets.UTF_8));
        }
        return body;
      } catch (IOException | NumberFormatException e) {
        throw new IllegalStateException("RPC connection failed: " + e.getMessage(), e);
      }
    }

    private String line() throws IOException {
      StringBuilder sb = new StringBuilder(64);
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new EOFException("connection closed by the node");
        }
        if (c != '\r') {
          sb.append((char) c);
        }
      }
      return sb.toString();
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  /**
   * The {@code "result"} and {@code "error"} members of the calls in a batch response, counted in one
   * pass over the bytes: only keys of the objects directly inside the top-level array count (strings
   * and deeper members are skipped), so a message that mentions "result" cannot be miscounted.
   *
   * @return {results, errors}
   */
  static int[] tally(byte[] json) {
    int results = 0;
    int errors = 0;
    int depth = 0;
    for (int i = 0; i < json.length; i++) {
      byte c = json[i];
      if (c == '"') {
        int start = i + 1;
        i = start;
        while (i < json.length && json[i] != '"') {
          i += json[i] == '\\' ? 2 : 1;
        }
        if (depth == 2 && i + 1 < json.length && json[i + 1] == ':') {
          results += key(json, start, i, RESULT) ? 1 : 0;
          errors += key(json, start, i, ERROR) ? 1 : 0;
        }
      } else if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return new int[] {results, errors};
  }

  private static final byte[] RESULT = "result".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ERROR = "error".getBytes(StandardCharsets.US_ASCII);

  private static boolean key(byte[] json, int from, int to, byte[] name) {
    return to - from == name.length && java.util.Arrays.equals(json, from, to, name, 0, name.length);
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
    return cookie.get().orElseThrow(() -> new IllegalStateException("no cookie at " + cookie.file() + " yet"));
  }
}
