package io.cairn.wallet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import io.cairn.wallet.client.NodeException.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wallet's JSON-RPC client against a real HTTP server on 127.0.0.1: answers and every kind of failure. */
class HttpNodeClientTest {
  private HttpServer server;
  private final List<String> auth = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      auth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int status = 200;
      byte[] out;
      if (body.contains("\"hang\"")) {
        try {
          release.await(10, TimeUnit.SECONDS); // a node that does not answer
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        out = "{}".getBytes(StandardCharsets.UTF_8);
      } else if (body.contains("\"huge\"")) {
        out = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"" + "x".repeat(HttpNodeClient.MAX_RESPONSE_BYTES) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
      } else if (body.contains("\"denied\"")) {
        status = 401;
        out = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32001,\"message\":\"unauthorized\"}}"
            .getBytes(StandardCharsets.UTF_8);
      } else {
        JsonObject req = com.google.gson.JsonParser.parseString(body).getAsJsonObject();
        out = ("{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id") + ",\"result\":{\"echo\":\"" + req.get("method").getAsString()
            + "\"}}").getBytes(StandardCharsets.UTF_8);
      }
      ex.sendResponseHeaders(status, out.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(out);
      }
    });
    server.setExecutor(pool); // a hung answer must not hold up the next request
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
    pool.shutdownNow();
  }

  private HttpNodeClient client(Duration timeout) {
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    return new HttpNodeClient(new NodeEndpoint(url, Optional.of("c00k1e")), timeout);
  }

  @Test
  void callsCarryTheTokenAndReturnTheResult() {
    HttpNodeClient c = client(Duration.ofSeconds(5));
    assertEquals("chain_info", c.call("chain_info", new JsonObject()).getAsJsonObject().get("echo").getAsString());
    assertEquals("state_getAccount", c.call("state_getAccount", new JsonObject()).getAsJsonObject().get("echo")
        .getAsString(), "a second call on the same client");
    assertEquals(List.of("Bearer c00k1e", "Bearer c00k1e"), auth);
  }

  @Test
  void failuresAreNamedNeverThrownRaw() throws IOException {
    NodeException slow = assertThrows(NodeException.class, () -> client(Duration.ofMillis(300)).call("hang",
        new JsonObject()));
    assertEquals(Kind.UNREACHABLE, slow.kind());
    assertTrue(slow.getMessage().contains("did not answer hang"), slow.getMessage());

    NodeException huge = assertThrows(NodeException.class, () -> client(Duration.ofSeconds(5)).call("huge",
        new JsonObject()));
    assertEquals(Kind.BAD_RESPONSE, huge.kind());
    assertTrue(huge.getMessage().contains("larger than 8 MiB"), huge.getMessage());

    NodeException denied = assertThrows(NodeException.class, () -> client(Duration.ofSeconds(5)).call("denied",
        new JsonObject()));
    assertEquals(Kind.UNAUTHORIZED, denied.kind());

    int closed = 1; // nothing listens there; a freed ephemeral port could be taken by another process
    HttpNodeClient nobody = new HttpNodeClient(new NodeEndpoint(URI.create("http://127.0.0.1:" + closed + "/"),
        Optional.empty()), Duration.ofSeconds(5));
    NodeException refused = assertThrows(NodeException.class, () -> nobody.call("chain_info", new JsonObject()));
    assertEquals(Kind.UNREACHABLE, refused.kind());
    assertTrue(refused.getMessage().contains("connection refused"), refused.getMessage());
  }
}
