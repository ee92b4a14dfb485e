package io.cairn.common.crypto;

import io.cairn.common.bytes.FixedBytes;
import io.cairn.common.bytes.Hex;

/** A 32-byte SHA-256 (or SHA-256d) digest. Shown as 64 lower-case hex digits. */
public final class Hash extends FixedBytes {
  public static final int LENGTH = 32;
  public static final Hash ZERO = new Hash(new byte[LENGTH]);

  private Hash(byte[] bytes) {
    super(bytes, LENGTH, "hash");
  }

  public static Hash of(byte[] bytes) {
    return new Hash(bytes);
  }

  /** Parses 64 hex digits; throws IllegalArgumentException with what was wrong. */
  public static Hash parse(String hex) {
    byte[] b = Hex.decode(hex);
    if (b.length != LENGTH) {
      throw new IllegalArgumentException("Expected 32 bytes (64 hex digits) for a hash but got " + b.length);
    }
    return new Hash(b);
  }

  /** First 8 hex digits, for logs and status views. */
  public String shortHex() {
    return toHex().substring(0, 8);
  }
}
