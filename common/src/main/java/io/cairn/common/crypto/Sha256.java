package io.cairn.common.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;

/** SHA-256 and double SHA-256 through Bouncy Castle. */
public final class Sha256 {
  private Sha256() {}

  public static byte[] digest(byte[] data) {
    return digest(data, 0, data.length);
  }

  public static byte[] digest(byte[] data, int off, int len) {
    SHA256Digest d = new SHA256Digest();
    d.update(data, off, len);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  /** SHA-256 over the concatenation of the parts. */
  public static byte[] digest(byte[]... parts) {
    SHA256Digest d = new SHA256Digest();
    for (byte[] p : parts) {
      d.update(p, 0, p.length);
    }
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  public static Hash hash(byte[] data) {
    return Hash.of(digest(data));
  }

  /** SHA-256(SHA-256(data)), used for block hashes. */
  public static Hash hashTwice(byte[] data) {
    return Hash.of(digest(digest(data)));
  }
}
