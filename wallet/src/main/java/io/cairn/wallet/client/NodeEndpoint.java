package io.cairn.wallet.client;

import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a node's JSON-RPC listens and the cookie token to send ({@code Authorization: Bearer}).
 *
 * @param url http(s) URL of the JSON-RPC endpoint
 * @param token the cookie token, if any
 */
public record NodeEndpoint(URI url, Optional<String> token) {
  public static final String DEFAULT_URL = "http://127.0.0.1:7421";
  private static final int MAX_COOKIE_BYTES = 1024;

  public NodeEndpoint {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(token, "token");
  }

  /**
   * Parses a {@code --node} URL.
   *
   * @throws RejectedException {@link Reason#MALFORMED} for anything but an http(s) URL with a host
   */
  public static URI parseUrl(String text) {
    try {
      URI u = new URI(text.strip());
      if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
        throw new RejectedException(Reason.MALFORMED, "invalid node URL '" + text + "': expected http://HOST:PORT");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new RejectedException(Reason.MALFORMED, "invalid node URL '" + text + "': " + e.getReason());
    }
  }

  /**
   * Reads a cookie file: one line of printable ASCII.
   *
   * @throws NodeException {@link NodeException.Kind#UNAUTHORIZED} when it is missing or unreadable
   */
  public static String readCookie(Path file) {
    byte[] raw;
    try (InputStream in = Files.newInputStream(file)) {
      raw = in.readNBytes(MAX_COOKIE_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new NodeException(NodeException.Kind.UNAUTHORIZED, "cookie file " + file
          + " does not exist; is the node running with that data directory?");
    } catch (IOException e) {
      throw new NodeException(NodeException.Kind.UNAUTHORIZED, "cannot read cookie file " + file + ": " + e.getMessage());
    }
    if (raw.length > MAX_COOKIE_BYTES) {
      throw new NodeException(NodeException.Kind.UNAUTHORIZED, "cookie file " + file + " is larger than "
          + MAX_COOKIE_BYTES + " bytes; is it the right file?");
    }
    String token = new String(raw, StandardCharsets.US_ASCII).strip();
    if (token.isEmpty() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new NodeException(NodeException.Kind.UNAUTHORIZED, "cookie file " + file
          + " does not hold a token (expected one line of printable ASCII)");
    }
    return token;
  }
}
