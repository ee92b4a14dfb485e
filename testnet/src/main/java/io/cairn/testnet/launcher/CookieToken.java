package io.cairn.testnet.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A node's RPC cookie token, read from its cookie file on first use and remembered until {@link
 * #forget} (the node restarted with a fresh cookie). Empty while the file is not written yet (the
 * node is starting). Thread-safe.
 */
public final class CookieToken {
  private final Path file;
  private volatile String token;

  public CookieToken(Path file) {
    this.file = file;
  }

  /** The token, or empty when the cookie file cannot be read yet. */
  public Optional<String> get() {
    String t = token;
    if (t == null) {
      try {
        t = Files.readString(file, StandardCharsets.US_ASCII).strip();
        token = t;
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.of(t);
  }

  /** Reads the file again on the next {@link #get}. */
  public void forget() {
    token = null;
  }

  public Path file() {
    return file;
  }
}
