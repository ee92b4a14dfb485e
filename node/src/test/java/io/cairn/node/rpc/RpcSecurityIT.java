package io.cairn.node.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.node.metrics.NodeMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cookie auth, bind safety, body limit, timeouts, saturation and connection limits, over real sockets. */
class RpcSecurityIT {
  private static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"node_version\"}";

  @TempDir Path dir;

  private RpcServer start(RpcConfig config, FakeNode node) {
    return RpcServer.start(config, node, node, new NodeMetrics());
  }

  @Test
  void cookieIsPrivateRandomAndRemovedAtStop() throws Exception {
    Path cookie;
    String first;
    try (RpcServer server = start(RpcTestClient.testConfig(dir), new FakeNode())) {
      cookie = server.cookieFile().orElseThrow();
      assertEquals(dir.resolve(".cookie"), cookie);
      first = Files.readString(cookie);
      assertTrue(first.matches("[0-9a-f]{64}"), first);
      if (Files.getFileStore(cookie).supportsFileAttributeView("posix")) {
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
            Files.getPosixFilePermissions(cookie));
      }
      try (var files = Files.list(dir)) {
        assertEquals(List.of(cookie), files.toList(), "no temp file left behind");
      }
    }
    assertFalse(Files.exists(cookie), "deleted at stop");
    try (RpcServer again = start(RpcTestClient.testConfig(dir), new FakeNode())) {
      assertFalse(first.equals(Files.readString(again.cookieFile().orElseThrow())), "a new token per start");
    }
  }

  @Test
  void everyRequestNeedsTheToken() throws Exception {
    try (RpcServer server = start(RpcTestClient.testConfig(dir), new FakeNode())) {
      RpcTestClient rpc = new RpcTestClient(server);
      String token = rpc.token();
      String wrong = token.substring(0, 63) + (token.endsWith("0") ? "1" : "0");
      for (String auth : new String[] {null, "Bearer " + wrong, "Bearer", "Bearer " + token + "x", "Token " + token,
          RpcTestClient.basic("__cookie__", wrong), RpcTestClient.basic("admin", token), "Basic !!notbase64"}) {
        HttpResponse<String> r = rpc.post(CALL, auth);
        assertEquals(401, r.statusCode(), "auth " + auth);
        JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals(-32003, body.getAsJsonObject("error").get("code").getAsInt());
        assertEquals("unauthorized", body.getAsJsonObject("error").getAsJsonObject("data").get("reason").getAsString());
        assertFalse(r.body().contains(token));
      }
      assertEquals(200, rpc.post(CALL, "Bearer " + token).statusCode());
      assertEquals(200, rpc.post(CALL, "bearer " + token).statusCode());
      assertEquals(200, rpc.post(CALL, RpcTestClient.basic("__cookie__", token)).statusCode());
      assertEquals(401, rpc.get("/metrics", false).statusCode());
      assertEquals(200, rpc.get("/metrics", true).statusCode());
      assertEquals(200, rpc.get("/health", false).statusCode(), "health needs no token");
    }
  }

  @Test
  void noAuthServesWithoutTokenAndWritesNoCookie() throws Exception {
    try (RpcServer server = start(RpcTestClient.testConfig(dir).withAuth(false), new FakeNode())) {
      assertTrue(server.cookieFile().isEmpty());
      assertFalse(Files.exists(dir.resolve(".cookie")));
      assertEquals(200, new RpcTestClient(server).post(CALL, null).statusCode());
    }
  }

  @Test
  void nonLoopbackWithoutAuthIsRefused() {
    RpcConfig open = RpcTestClient.testConfig(dir).withAuth(false).withBind("0.0.0.0", 0);
    RpcStartException e = assertThrows(RpcStartException.class, () -> start(open, new FakeNode()).close());
    assertTrue(e.getMessage().contains("without authentication"), e.getMessage());
    assertFalse(Files.exists(dir.resolve(".cookie")));
  }

  @Test
  void portInUseIsAClearError() {
    try (RpcServer first = start(RpcTestClient.testConfig(dir), new FakeNode())) {
      Path other = dir.resolve("other");
      RpcConfig same = RpcTestClient.testConfig(other).withBind("127.0.0.1", first.port());
      RpcStartException e = assertThrows(RpcStartException.class, () -> start(same, new FakeNode()).close());
      assertTrue(e.getMessage().contains("127.0.0.1:" + first.port()), e.getMessage());
      assertFalse(Files.exists(other.resolve(".cookie")), "the failed start removed its cookie");
    }
  }

  @Test
  void oversizedBodyGets413() throws Exception {
    try (RpcServer server = start(RpcTestClient.testConfig(dir).withMaxBodyBytes(1024), new FakeNode())) {
      RpcTestClient rpc = new RpcTestClient(server);
      String padded = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"node_version\",\"pad\":\"" + "x".repeat(4096) + "\"}";
      assertEquals(413, rpc.post(padded).statusCode());
      assertEquals(200, rpc.post(CALL).statusCode(), "a normal request still works");
    }
  }

  @Test
  void slowAndSilentConnectionsAreClosed() throws Exception {
    RpcConfig config = RpcTestClient.testConfig(dir).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)); // the last request must beat them under load
    try (RpcServer server = start(config, new FakeNode())) {
      try (Socket slow = new Socket("127.0.0.1", server.port())) {
        slow.setSoTimeout(10_000);
        slow.getOutputStream().write("POST / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        slow.getOutputStream().flush();
        assertEquals(-1, slow.getInputStream().read(), "half a request is cut off");
      }
      try (Socket silent = new Socket("127.0.0.1", server.port())) {
        silent.setSoTimeout(10_000);
        assertEquals(-1, silent.getInputStream().read(), "an idle connection is closed");
      }
      assertEquals(200, new RpcTestClient(server).post(CALL).statusCode());
    }
  }

  @Test
  void saturatedWorkersAnswer503AndHealthStillAnswers() throws Exception {
    FakeNode node = new FakeNode();
    node.mineEntered = new CountDownLatch(1);
    node.mineRelease = new CountDownLatch(1);
    try (RpcServer server = start(RpcTestClient.testConfig(dir).withWorkers(1, 0), node)) {
      RpcTestClient rpc = new RpcTestClient(server);
      CompletableFuture<HttpResponse<String>> mining = CompletableFuture.supplyAsync(() -> {
        try {
          return rpc.post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"miner_mine\",\"params\":[2]}");
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      try {
        assertTrue(node.mineEntered.await(10, TimeUnit.SECONDS), "the only worker is busy mining");
        HttpResponse<String> busy = rpc.post(CALL);
        assertEquals(503, busy.statusCode());
        JsonObject error = JsonParser.parseString(busy.body()).getAsJsonObject().getAsJsonObject("error");
        assertEquals(-32002, error.get("code").getAsInt());
        assertEquals("busy", error.getAsJsonObject("data").get("reason").getAsString());
        assertEquals(200, rpc.get("/health", false).statusCode(), "health is answered on the event loop");
      } finally {
        node.mineRelease.countDown();
      }
      assertEquals(200, mining.get(10, TimeUnit.SECONDS).statusCode());
      assertEquals(200, rpc.post(CALL).statusCode(), "served again once a worker is free");
      assertTrue(rpc.get("/metrics", true).body().contains("cairn_rpc_busy_total 1.0"));
    }
  }

  @Test
  void connectionsOverTheLimitAreRefused() throws Exception {
    RpcConfig config = RpcTestClient.testConfig(dir);
    config = new RpcConfig(config.bindHost(), 0, true, dir, config.maxBodyBytes(), config.maxBatch(),
        config.maxJsonDepth(), config.requestTimeout(), config.idleTimeout(), 2, 8, 2);
    try (RpcServer server = start(config, new FakeNode())) {
      List<Socket> open = new ArrayList<>();
      try {
        for (int i = 0; i < 2; i++) {
          open.add(new Socket("127.0.0.1", server.port()));
        }
        // Both are accepted: each answers a request.
        for (Socket s : open) {
          s.setSoTimeout(10_000);
          assertTrue(exchange(s, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 200"));
        }
        try (Socket third = new Socket("127.0.0.1", server.port())) {
          third.setSoTimeout(10_000);
          String answer = new String(third.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
          assertTrue(answer.startsWith("HTTP/1.1 503"), answer);
        }
      } finally {
        for (Socket s : open) {
          s.close();
        }
      }
    }
  }

  @Test
  void healthFollowsTheNodeAndOtherPathsAre404() throws Exception {
    FakeNode node = new FakeNode();
    try (RpcServer server = start(RpcTestClient.testConfig(dir), node)) {
      RpcTestClient rpc = new RpcTestClient(server);
      HttpResponse<String> ok = rpc.get("/health", false);
      assertEquals(200, ok.statusCode());
      assertEquals("ok", JsonParser.parseString(ok.body()).getAsJsonObject().get("status").getAsString());
      node.serving = false;
      assertEquals(503, rpc.get("/health", false).statusCode());
      assertEquals(200, rpc.get("/", false).statusCode(), "the explorer page, without a token");
      assertEquals(404, rpc.get("/nothing", true).statusCode());
      assertEquals(405, rpc.send("PUT", "/", true).statusCode());
    }
  }

  @Test
  void oversizedHeadersGet400() throws Exception {
    try (RpcServer server = start(RpcTestClient.testConfig(dir), new FakeNode());
        Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      String head = exchange(s, "GET /health HTTP/1.1\r\nHost: x\r\nX-Pad: " + "a".repeat(10_000) + "\r\n\r\n");
      assertTrue(head.startsWith("HTTP/1.1 400"), head);
    }
  }

  /** Writes a raw request and reads one response head (until the blank line). */
  private static String exchange(Socket s, String request) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = s.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      head.append((char) c);
    }
    return head.toString();
  }
}
