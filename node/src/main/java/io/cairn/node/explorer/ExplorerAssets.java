package io.cairn.node.explorer;

import io.cairn.common.bytes.Hex;
import io.cairn.common.crypto.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The block explorer's static files, served by the node's RPC port without a token: {@code GET /}
 * is {@code index.html}, {@code GET /explorer/<name>} the file {@code <name>} from the classpath
 * folder {@code io/cairn/node/explorer/}. Every JSON-RPC call the page makes still needs the token.
 *
 * <p>Only flat names of lower-case letters, digits and dashes with a known extension are looked
 * up, so no path (no {@code /}, no {@code ..}, no encoded variant of them once decoded) can leave the
 * folder. Files are read once and kept; each carries a strong ETag (its SHA-256) so that browsers
 * revalidate cheaply ({@code Cache-Control: no-cache} plus {@code If-None-Match}).
 */
public final class ExplorerAssets {
  /** The URL prefix of every asset but the page itself. */
  public static final String PREFIX = "/explorer/";
  private static final String FOLDER = "/io/cairn/node/explorer/";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}\\.(html|css|js|svg|ico)");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "svg", "image/svg+xml",
      "ico", "image/x-icon");
  /**
   * Content Security Policy of every asset: nothing but this origin, no inline script or style, no
   * frames. The page cannot reach any other host even if a value it shows were hostile.
   */
  public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final Map<String, Optional<Asset>> CACHE = new ConcurrentHashMap<>();

  private ExplorerAssets() {}

  /** One static file: its bytes, content type and ETag. */
  public static final class Asset {
    private final byte[] body;
    private final String contentType;
    private final String etag;

    Asset(byte[] body, String contentType) {
      this.body = body.clone();
      this.contentType = contentType;
      this.etag = "\"" + Hex.encode(Sha256.hash(body).toArray()).substring(0, 32) + "\"";
    }

    /** A copy of the file's bytes. */
    public byte[] body() {
      return body.clone();
    }

    public int size() {
      return body.length;
    }

    public String contentType() {
      return contentType;
    }

    /** A strong entity tag, quoted, for {@code ETag} and {@code If-None-Match}. */
    public String etag() {
      return etag;
    }

    /** True when an {@code If-None-Match} header value names this version (so 304 may be sent). */
    public boolean matches(String ifNoneMatch) {
      if (ifNoneMatch == null) {
        return false;
      }
      for (String tag : ifNoneMatch.split(",")) {
        String t = tag.strip();
        if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
          return true;
        }
      }
      return false;
    }
  }

  /** True for the paths this class answers (whether or not the file exists): {@code /} and {@code /explorer/...}. */
  public static boolean owns(String path) {
    return path.equals("/") || path.startsWith(PREFIX);
  }

  /**
   * The asset for a decoded request path, or empty when the path is not a known file.
   *
   * @param path the request's path, percent-decoded, without the query string
   */
  public static Optional<Asset> find(String path) {
    String name;
    if (path.equals("/") || path.equals(PREFIX)) {
      name = "index.html";
    } else if (path.startsWith(PREFIX)) {
      name = path.substring(PREFIX.length());
    } else {
      return Optional.empty();
    }
    if (!NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return CACHE.computeIfAbsent(name, ExplorerAssets::load);
  }

  private static Optional<Asset> load(String name) {
    String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
    try (InputStream in = ExplorerAssets.class.getResourceAsStream(FOLDER + name)) {
      return in == null ? Optional.empty() : Optional.of(new Asset(in.readAllBytes(), type));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the explorer file " + FOLDER + name + ": " + e.getMessage(), e);
    }
  }
}
