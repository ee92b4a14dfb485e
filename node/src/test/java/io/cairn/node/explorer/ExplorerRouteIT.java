package io.cairn.node.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.node.service.Logging;
import io.cairn.node.service.NodeConfig;
import io.cairn.node.service.NodeService;
import io.cairn.node.testing.TestSpecs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer's static route on a real node's RPC port, over raw HTTP/1.1 (so paths reach the
 * server exactly as written): the page and its files load without a token, with their content
 * types, a CSP and ETag revalidation; nothing outside the explorer folder can be reached; every
 * JSON-RPC call and /metrics still need the token.
 */
class ExplorerRouteIT {
  @TempDir
  static Path dir;
  private static NodeService node;

  @BeforeAll
  static void start() {
    Logging.configure(dir, "warn", false);
    node = NodeService.start(new NodeConfig(dir.resolve("node"), TestSpecs.easy(), "127.0.0.1", 0, "127.0.0.1", 0,
        true, List.of(), false, null, 1, 0, 16, 4, 0, "warn", false));
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void pageAndFilesLoadWithoutATokenWithTheirTypes() throws IOException {
    Answer page = get("/", "");
    assertEquals(200, page.status, page.head);
    assertTrue(page.header("content-type").startsWith("text/html"), page.head);
    assertTrue(page.body.contains("/explorer/explorer.js"), page.body);
    assertTrue(page.header("content-security-policy").contains("default-src 'none'"), page.head);
    assertEquals("nosniff", page.header("x-content-type-options"));
    assertEquals("no-cache", page.header("cache-control"));
    assertTrue(get("/explorer/explorer.js", "").header("content-type").startsWith("text/javascript"));
    assertTrue(get("/explorer/explorer.css", "").header("content-type").startsWith("text/css"));
    assertEquals("image/svg+xml", get("/explorer/favicon.svg", "").header("content-type"));
    assertEquals(page.body, get("/explorer/index.html", "").body);
    assertEquals(200, get("/?x=1", "").status, "a query string does not change the page");
  }

  @Test
  void etagRevalidationAnswers304() throws IOException {
    Answer first = get("/explorer/explorer.js", "");
    String etag = first.header("etag");
    assertTrue(etag.startsWith("\"") && etag.length() > 10, first.head);
    Answer again = get("/explorer/explorer.js", "If-None-Match: " + etag + "\r\n");
    assertEquals(304, again.status, again.head);
    assertEquals("", again.body);
    assertEquals(200, get("/explorer/explorer.js", "If-None-Match: \"other\"\r\n").status);
  }

  @Test
  void nothingOutsideTheExplorerFolderIsServed() throws IOException {
    for (String path : List.of("/explorer/../rpc/RpcServer.class", "/explorer/..%2f..%2flogback.xml",
        "/explorer/%2e%2e/%2e%2e/io/cairn/node/rpc/RpcServer.class", "/explorer/..", "/explorer/sub/explorer.js",
        "/explorer/Explorer.JS", "/explorer/explorer.js%00.html", "/explorer/missing.js", "/explorer//etc/passwd",
        "/explorer/%2fetc%2fpasswd", "/explorer/ExplorerAssets.class", "/explorer/.hidden.js", "/index.html")) {
      Answer a = get(path, "");
      assertEquals(404, a.status, path + " -> " + a.head);
      assertTrue(a.body.startsWith("Not found") && a.body.length() < 200, path + " leaked: " + a.body);
    }
  }

  @Test
  void rpcAndMetricsStillNeedTheToken() throws IOException {
    String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain_info\"}";
    Answer post = exchange("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + call.length() + "\r\nConnection: close\r\n\r\n" + call);
    assertEquals(401, post.status, post.head);
    assertEquals(401, get("/metrics", "").status);
    Answer head = exchange("HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertEquals(200, head.status, head.head);
    assertEquals("", head.body);
  }

  private static Answer get(String path, String headers) throws IOException {
    return exchange("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "Connection: close\r\n\r\n");
  }

  private static Answer exchange(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", node.rpcPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.ISO_8859_1);
      int split = text.indexOf("\r\n\r\n");
      String head = split < 0 ? text : text.substring(0, split);
      String body = split < 0 ? "" : new String(all.toByteArray(), split + 4, all.size() - split - 4,
          StandardCharsets.UTF_8);
      return new Answer(Integer.parseInt(head.substring(9, 12)), head, body);
    }
  }

  private record Answer(int status, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).strip();
        }
      }
      return "";
    }
  }
}
