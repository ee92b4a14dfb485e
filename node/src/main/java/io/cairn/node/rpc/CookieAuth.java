package io.cairn.node.rpc;

import io.cairn.common.bytes.Hex;
import io.cairn.node.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The RPC cookie: a random 32-byte token, written as 64 hex digits (no newline) to
 * {@code <datadir>/.cookie} with mode 0600 at start and deleted at stop. A request proves it can
 * read that file by sending {@code Authorization: Bearer <token>} or HTTP Basic with user
 * {@code __cookie__} and the token as password (as Bitcoin Core's cookie). Tokens are compared in
 * constant time.
 */
final class CookieAuth {
  static final String FILE_NAME = ".cookie";
  static final String BASIC_USER = "__cookie__";
  private static final int TOKEN_BYTES = 32;

  private final Path file;
  private final byte[] token;

  private CookieAuth(Path file, byte[] token) {
    this.file = file;
    this.token = token;
  }

  /** Creates a fresh token and writes it atomically (temp file with mode 0600, then rename). */
  static CookieAuth create(Path dataDir, SecureRandom random) {
    byte[] raw = new byte[TOKEN_BYTES];
    random.nextBytes(raw);
    byte[] token = Hex.encode(raw).getBytes(StandardCharsets.US_ASCII);
    Path file = dataDir.resolve(FILE_NAME);
    try {
      Files.createDirectories(dataDir);
      boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
      Path tmp = posix
          ? Files.createTempFile(dataDir, FILE_NAME, ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
          : Files.createTempFile(dataDir, FILE_NAME, ".tmp");
      try {
        Files.write(tmp, token);
        AtomicFiles.replace(tmp, file);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the RPC cookie " + file + ": " + e.getMessage(), e);
    }
    return new CookieAuth(file, token);
  }

  Path file() {
    return file;
  }

  /** True when the {@code Authorization} header value carries this token (Bearer or Basic). */
  boolean accepts(String authorization) {
    if (authorization == null) {
      return false;
    }
    String h = authorization.strip();
    int space = h.indexOf(' ');
    if (space < 0) {
      return false;
    }
    String scheme = h.substring(0, space).toLowerCase(Locale.ROOT);
    String credentials = h.substring(space + 1).strip();
    if (scheme.equals("bearer")) {
      return matches(credentials);
    }
    if (scheme.equals("basic")) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return false;
      }
      int colon = decoded.indexOf(':');
      return colon >= 0
          & decoded.substring(0, Math.max(colon, 0)).equals(BASIC_USER)
          & matches(colon < 0 ? "" : decoded.substring(colon + 1));
    }
    return false;
  }

  private boolean matches(String candidate) {
    return MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
  }

  /** Deletes the cookie file (at stop); a missing file is fine. */
  void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the RPC cookie " + file + ": " + e.getMessage(), e);
    }
  }
}
