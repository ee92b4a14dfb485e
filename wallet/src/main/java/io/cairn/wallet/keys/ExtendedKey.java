package io.cairn.wallet.keys;

import io.cairn.common.crypto.Ed25519;
import java.util.Arrays;

/**
 * A SLIP-0010 Ed25519 extended private key: the 32-byte key (an RFC 8032 seed) and its 32-byte
 * chain code. Copies in and out; {@link #toString()} never shows the key.
 */
public final class ExtendedKey {
  private final byte[] key;
  private final byte[] chainCode;

  ExtendedKey(byte[] key, byte[] chainCode) {
    if (key.length != 32 || chainCode.length != 32) {
      throw new IllegalArgumentException("Expected a 32-byte key and chain code");
    }
    this.key = key.clone();
    this.chainCode = chainCode.clone();
  }

  /** The private key: the 32-byte Ed25519 seed. */
  public byte[] privateKey() {
    return key.clone();
  }

  public byte[] chainCode() {
    return chainCode.clone();
  }

  /** The 32-byte Ed25519 public key (SLIP-0010 prints it with a leading 0x00). */
  public byte[] publicKey() {
    return Ed25519.publicKey(key);
  }

  /** The hardened child {@code index} (must have the hardened bit set). */
  public ExtendedKey child(int index) {
    return Slip10.child(this, index);
  }

  byte[] keyRef() {
    return key;
  }

  byte[] chainCodeRef() {
    return chainCode;
  }

  /** Overwrites the key material with zeros. */
  public void destroy() {
    Arrays.fill(key, (byte) 0);
    Arrays.fill(chainCode, (byte) 0);
  }

  @Override
  public String toString() {
    return "ExtendedKey[secret]";
  }
}
