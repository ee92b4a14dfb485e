package io.cairn.wallet.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One HTTP request at a time on the calling thread ({@link HttpURLConnection}), for the command-line
 * clients of a node's JSON-RPC: the wallet and the testnet launcher.
 *
 * <p>Not {@code java.net.http.HttpClient}: on JDK 17 its selector thread waits inside a native call
 * for as long as the client lives, and the JVM, before it exits, waits about 300 ms for threads in
 * native calls, so every command that had made a call took 0.3 s longer to exit (a JDK 17 program
 * that made one call exited 323-327 ms after its last output, against 8 ms without the call).
 */
public final class BlockingHttp {
  /** A status and the body, read up to the caller's limit. */
  public record Response(int status, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** The body was larger than the caller's limit. */
  public static final class TooLarge extends IOException {
    TooLarge(int limit) {
      super("response larger than " + limit + " bytes");
    }
  }

  private BlockingHttp() {}

  /**
   * POSTs {@code json} ({@code Content-Type: application/json}, {@code Authorization: Bearer} when a
   * token is given) and reads the answer, whatever its status. {@code timeout} bounds the connect and
   * every wait for the answer.
   *
   * @throws java.net.ConnectException when nothing listens there
   * @throws java.net.SocketTimeoutException when the node takes longer than {@code timeout}
   * @throws TooLarge when the body exceeds {@code maxBytes}
   */
  public static Response post(URI url, String json, Optional<String> bearer, Duration timeout, int maxBytes)
      throws IOException {
    HttpURLConnection c = open(url, timeout);
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setRequestProperty("Content-Type", "application/json");
    bearer.ifPresent(t -> c.setRequestProperty("Authorization", "Bearer " + t));
    byte[] out = json.getBytes(StandardCharsets.UTF_8);
    c.setFixedLengthStreamingMode(out.length);
    try (OutputStream o = c.getOutputStream()) {
      o.write(out);
    }
    return read(c, maxBytes);
  }

  /** GETs {@code url}; the status and body (at most {@code maxBytes}). */
  public static Response get(URI url, Duration timeout, int maxBytes) throws IOException {
    HttpURLConnection c = open(url, timeout);
    c.setRequestMethod("GET");
    return read(c, maxBytes);
  }

  private static HttpURLConnection open(URI url, Duration timeout) throws IOException {
    HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
    int ms = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    c.setConnectTimeout(ms);
    c.setReadTimeout(ms);
    c.setInstanceFollowRedirects(false);
    c.setUseCaches(false);
    return c;
  }

  private static Response read(HttpURLConnection c, int maxBytes) throws IOException {
    int status = c.getResponseCode();
    InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
    if (in == null) {
      return new Response(status, new byte[0]);
    }
    try (in) {
      byte[] body = in.readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        c.disconnect(); // the rest is not read: this connection cannot be reused
        throw new TooLarge(maxBytes);
      }
      return new Response(status, body);
    }
  }
}
