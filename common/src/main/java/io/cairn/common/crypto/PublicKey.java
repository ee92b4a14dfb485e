package io.cairn.common.crypto;

import io.cairn.common.bytes.FixedBytes;
import io.cairn.common.bytes.Hex;

/** A 32-byte Ed25519 public key (RFC 8032 encoding). Not checked for validity here. */
public final class PublicKey extends FixedBytes {
  public static final int LENGTH = 32;

  private PublicKey(byte[] bytes) {
    super(bytes, LENGTH, "public key");
  }

  public static PublicKey of(byte[] bytes) {
    return new PublicKey(bytes);
  }

  public static PublicKey parse(String hex) {
    return new PublicKey(Hex.decode(hex));
  }
}
