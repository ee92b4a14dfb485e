package io.cairn.node.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ready-to-open explorer address a command line can print: the node's RPC URL with the cookie
 * token in the fragment ({@code http://127.0.0.1:7421/#token=<hex>}). A fragment never reaches the
 * server or its logs; the page moves the token into the tab's session storage and drops it from
 * the address bar.
 */
public final class ExplorerUrl {
  private ExplorerUrl() {}

  /** {@code rpcUrl} (e.g. {@code http://127.0.0.1:7421}) with the token from {@code cookieFile}. */
  public static URI withToken(URI rpcUrl, Path cookieFile) {
    String token;
    try {
      token = Files.readString(cookieFile, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the RPC cookie " + cookieFile + ": " + e.getMessage(), e);
    }
    return withToken(rpcUrl, token);
  }

  /** {@code rpcUrl} with {@code token} (hex digits) in the fragment; any path, query or fragment is dropped. */
  public static URI withToken(URI rpcUrl, String token) {
    if (!token.matches("[0-9a-fA-F]{1,128}")) {
      throw new IllegalArgumentException("An RPC token is hex digits, but got " + token.length() + " other characters");
    }
    String base = rpcUrl.getScheme() + "://" + rpcUrl.getRawAuthority() + "/";
    return URI.create(base + "#token=" + token);
  }
}
