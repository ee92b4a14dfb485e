package io.cairn.common.crypto;

import io.cairn.common.bytes.FixedBytes;
import io.cairn.common.bytes.Hex;

/** A 64-byte Ed25519 signature (R || S). */
public final class Signature extends FixedBytes {
  public static final int LENGTH = 64;
  /** Placeholder for an unsigned body; never verifies. */
  public static final Signature EMPTY = new Signature(new byte[LENGTH]);

  private Signature(byte[] bytes) {
    super(bytes, LENGTH, "signature");
  }

  public static Signature of(byte[] bytes) {
    return new Signature(bytes);
  }

  public static Signature parse(String hex) {
    return new Signature(Hex.decode(hex));
  }
}
