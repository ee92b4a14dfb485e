package io.cairn.node.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a raw socket to 127.0.0.1, for requests a well-behaved client would never send
 * (lying lengths, trickled headers, endless bodies). Reads are bounded: a response head of at most
 * 64 KiB and a body of at most 16 MiB.
 */
final class RawHttp implements AutoCloseable {
  private static final int MAX_HEAD = 64 * 1024;
  private static final int MAX_BODY = 16 * 1024 * 1024;

  final Socket socket;

  /** One response: status, headers (lower-case names) and body. */
  record Response(int status, Map<String, String> headers, String body) {}

  RawHttp(int port, int readTimeoutMillis) throws IOException {
    this(port, readTimeoutMillis, 0);
  }

  /** With {@code receiveBuffer} > 0, a small receive window: the client reads (almost) nothing it is not asked to. */
  RawHttp(int port, int readTimeoutMillis, int receiveBuffer) throws IOException {
    socket = new Socket();
    try {
      if (receiveBuffer > 0) {
        socket.setReceiveBufferSize(receiveBuffer);
      }
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(readTimeoutMillis);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** A POST / with a Content-Length that matches the body. */
  static byte[] post(String token, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    byte[] head = ascii("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Authorization: Bearer " + token + "\r\nContent-Length: " + b.length + "\r\n\r\n");
    byte[] all = new byte[head.length + b.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(b, 0, all, head.length, b.length);
    return all;
  }

  void write(byte[] bytes) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(bytes);
    out.flush();
  }

  /** Sends a request and reads its response. */
  Optional<Response> exchange(byte[] request) throws IOException {
    write(request);
    return read();
  }

  /**
   * The next response, or empty when the server closed (or reset) the connection before sending one.
   *
   * @throws SocketTimeoutException when nothing came within the read timeout
   */
  Optional<Response> read() throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    try {
      while (matched < 4) {
        int c = in.read();
        if (c < 0) {
          return Optional.empty();
        }
        head.write(c);
        matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3))
            ? matched + 1 : (c == '\r' ? 1 : 0);
        if (head.size() > MAX_HEAD) {
          throw new IOException("response head over " + MAX_HEAD + " bytes");
        }
      }
    } catch (SocketException reset) {
      return Optional.empty();
    }
    String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
      }
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    if (length > MAX_BODY) {
      throw new IOException("response body of " + length + " bytes");
    }
    byte[] body = in.readNBytes(length);
    return Optional.of(new Response(status, headers, new String(body, StandardCharsets.UTF_8)));
  }

  /** True once the server has sent something (a response, or the end of the stream) not yet read. */
  boolean hasInput() {
    try {
      return socket.getInputStream().available() > 0;
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a socket the server may already have reset
    }
  }
}
