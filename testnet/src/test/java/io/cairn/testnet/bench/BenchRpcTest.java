package io.cairn.testnet.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchRpcTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void talliesOnlyTheCallsMembers() {
    String batch = "[{\"jsonrpc\":\"2.0\",\"result\":{\"txid\":\"ab\",\"result\":1},\"id\":1},"
        + "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"bad \\\"result\\\": [x] {y}\\\\\","
        + "\"data\":{\"result\":\"no\"}},\"id\":\"result\"},"
        + "{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":3}]";
    assertArrayEquals(new int[] {2, 1}, BenchRpc.tally(utf8(batch)));
    assertEquals(2, BenchRpc.okCount(batch));
    assertArrayEquals(new int[] {0, 0}, BenchRpc.tally(utf8("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700},\"id\":null}")));
    assertArrayEquals(new int[] {0, 0}, BenchRpc.tally(utf8("[\"unterminated")));
  }

  @Test
  void linkPostsOnOneKeepAliveConnection(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(".cookie"), "tok\n");
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
        try (Socket s = server.accept()) {
          InputStream in = s.getInputStream();
          OutputStream out = s.getOutputStream();
          StringBuilder requests = new StringBuilder();
          String[] answers = {"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n[]",
              "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\nbusy"};
          for (String a : answers) {
            requests.append(readRequest(in)).append('|');
            out.write(utf8(a));
            out.flush();
          }
          return requests.toString();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      BenchRpc rpc = new BenchRpc(server.getLocalPort(), dir.resolve(".cookie"));
      try (BenchRpc.Link link = rpc.link()) {
        assertEquals("[]", new String(link.post(rpc.request("[1]")), StandardCharsets.UTF_8));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> link.post(rpc.request("[2]")));
        assertTrue(e.getMessage().contains("503") && e.getMessage().contains("busy"), e.getMessage());
      }
      String requests = seen.get(10, TimeUnit.SECONDS);
      assertTrue(requests.startsWith("POST / HTTP/1.1\r\n"), requests);
      assertTrue(requests.contains("Authorization: Bearer tok\r\n"), requests);
      assertTrue(requests.contains("Content-Length: 3\r\n\r\n[1]|"), requests);
      assertTrue(requests.endsWith("\r\n\r\n[2]|"), requests);
    }
  }

  /** One request with a 3-byte body: headers up to the blank line, then 3 bytes. */
  private static String readRequest(InputStream in) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    while (!b.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new IllegalStateException("closed");
      }
      b.write(c);
    }
    b.write(in.readNBytes(3));
    return b.toString(StandardCharsets.US_ASCII);
  }
}
