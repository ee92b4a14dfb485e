package io.cairn.common.crypto;

/**
 * Ed25519 (RFC 8032, pure variant, no context) through Bouncy Castle, with strict verification.
 *
 * <p>A signature is accepted only if all of these hold (see docs/protocol.md, "Signatures"):
 *
 * <ol>
 *   <li>the public key is 32 bytes, the signature 64 bytes, neither null;
 *   <li>the public key A and the signature's R are canonical point encodings: the 255-bit y
 *       coordinate is below p = 2^255 - 19, and the sign bit is clear when x = 0 (y = 1 or y = p - 1);
 *   <li>A and R decode to points on the curve, and A is not one of the eight small-order points
 *       (Bouncy Castle rejects their y coordinates);
 *   <li>S, the signature's second half read little-endian, is below the group order L;
 *   <li>[8]([S]B - R - [k]A) = 0 with k = SHA-512(R || A || M) mod L: the cofactored equation.
 *       Bouncy Castle 1.78 checks it as the equation times a short scalar derived from k, then
 *       times 8; for every honestly made signature it is the same as [S]B = R + [k]A, and a crafted
 *       small-order component in A or R does not change the answer ({@code Ed25519BatchTest}
 *       builds such signatures). Being cofactored is what lets {@link Ed25519Batch} check many
 *       signatures at once with the same answers.
 * </ol>
 *
 * Anything else returns false; verification never throws. Signing is deterministic.
 */
public final class Ed25519 {
  public static final int SEED_LENGTH = 32;
  public static final int PUBLIC_KEY_LENGTH = 32;
  public static final int SIGNATURE_LENGTH = 64;

  /** Group order L = 2^252 + 27742317777372353535851937790883648493, little-endian. */
  private static final byte[] L = {
    (byte) 0xed, (byte) 0xd3, (byte) 0xf5, (byte) 0x5c, (byte) 0x1a, (byte) 0x63, (byte) 0x12, (byte) 0x58,
    (byte) 0xd6, (byte) 0x9c, (byte) 0xf7, (byte) 0xa2, (byte) 0xde, (byte) 0xf9, (byte) 0xde, (byte) 0x14,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0x10
  };

  private Ed25519() {}

  /** The public key for a 32-byte seed (the RFC 8032 private key). */
  public static byte[] publicKey(byte[] seed32) {
    checkSeed(seed32);
    byte[] pk = new byte[PUBLIC_KEY_LENGTH];
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed32, 0, pk, 0);
    return pk;
  }

  /** Signs {@code message} with the key derived from {@code seed32}. */
  public static byte[] sign(byte[] seed32, byte[] message) {
    checkSeed(seed32);
    byte[] pk = publicKey(seed32);
    return sign(seed32, pk, message);
  }

  /** Signs when the caller already holds the public key for {@code seed32} (saves one scalar mult). */
  public static byte[] sign(byte[] seed32, byte[] publicKey32, byte[] message) {
    checkSeed(seed32);
    if (publicKey32 == null || publicKey32.length != PUBLIC_KEY_LENGTH) {
      throw new IllegalArgumentException("Expected a 32-byte public key");
    }
    byte[] sig = new byte[SIGNATURE_LENGTH];
    org.bouncycastle.math.ec.rfc8032.Ed25519.sign(seed32, 0, publicKey32, 0, message, 0, message.length, sig, 0);
    return sig;
  }

  /** Strict verification as described above; never throws. */
  public static boolean verify(byte[] publicKey32, byte[] message, byte[] signature64) {
    if (publicKey32 == null || message == null || signature64 == null
        || publicKey32.length != PUBLIC_KEY_LENGTH || signature64.length != SIGNATURE_LENGTH) {
      return false;
    }
    if (!isCanonicalPoint(publicKey32, 0) || !isCanonicalPoint(signature64, 0)
        || !scalarBelowOrder(signature64, 32)) {
      return false;
    }
    try {
      return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
          signature64, 0, publicKey32, 0, message, 0, message.length);
    } catch (RuntimeException e) {
      return false;
    }
  }

  public static boolean verify(PublicKey key, byte[] message, Signature signature) {
    return verify(key.toArray(), message, signature.toArray());
  }

  /** True when the 32 bytes at {@code off} encode y < p and no "negative zero" x. */
  static boolean isCanonicalPoint(byte[] b, int off) {
    // y >= p  <=>  bytes 1..30 are 0xff, byte 31 (sign bit masked) is 0x7f and byte 0 >= 0xed.
    boolean top = (b[off + 31] & 0x7f) == 0x7f;
    for (int i = 1; top && i < 31; i++) {
      top = b[off + i] == (byte) 0xff;
    }
    if (top && (b[off] & 0xff) >= 0xed) {
      return false;
    }
    boolean sign = (b[off + 31] & 0x80) != 0;
    if (!sign) {
      return true;
    }
    // x = 0 exactly when y = 1 or y = p - 1; then the sign bit must be clear.
    boolean yIsOne = (b[off] & 0xff) == 1;
    for (int i = 1; yIsOne && i < 31; i++) {
      yIsOne = b[off + i] == 0;
    }
    yIsOne = yIsOne && (b[off + 31] & 0x7f) == 0;
    boolean yIsPMinusOne = top && (b[off] & 0xff) == 0xec;
    return !(yIsOne || yIsPMinusOne);
  }

  /** True when the little-endian scalar at {@code off} is below L. */
  static boolean scalarBelowOrder(byte[] b, int off) {
    for (int i = 31; i >= 0; i--) {
      int x = b[off + i] & 0xff;
      int l = L[i] & 0xff;
      if (x != l) {
        return x < l;
      }
    }
    return false;
  }

  private static void checkSeed(byte[] seed32) {
    if (seed32 == null || seed32.length != SEED_LENGTH) {
      throw new IllegalArgumentException("Expected a 32-byte Ed25519 seed");
    }
  }
}
