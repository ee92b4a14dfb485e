package io.cairn.wallet.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SLIP-0010 key derivation for Ed25519 (hardened children only).
 *
 * <pre>
 * master:  I = HMAC-SHA512(key = "ed25519 seed", data = S);            key = I[0..32], chain = I[32..64]
 * child i: I = HMAC-SHA512(key = chain, data = 0x00 || key || ser32(i)), i >= 2^31 (hardened)
 * </pre>
 */
public final class Slip10 {
  /** The hardened bit: index {@code i'} is {@code i | HARDENED}. */
  public static final int HARDENED = 0x80000000;
  private static final byte[] CURVE = "ed25519 seed".getBytes(StandardCharsets.US_ASCII);

  private Slip10() {}

  /** The master key of a seed of 16 to 64 bytes. */
  public static ExtendedKey master(byte[] seed) {
    if (seed.length < 16 || seed.length > 64) {
      throw new IllegalArgumentException("Expected a seed of 16 to 64 bytes but got " + seed.length);
    }
    return split(hmac(CURVE, seed));
  }

  /** The key at {@code path}, each index hardened (e.g. {@code 44 | HARDENED}). */
  public static ExtendedKey derive(byte[] seed, int... path) {
    ExtendedKey k = master(seed);
    for (int index : path) {
      ExtendedKey next = child(k, index);
      k.destroy();
      k = next;
    }
    return k;
  }

  /**
   * Parses a path like {@code m/44'/1729'/0'/0'} (every step hardened, {@code '} or {@code H}).
   *
   * @throws IllegalArgumentException saying which step is wrong
   */
  public static int[] parsePath(String path) {
    String[] parts = path.strip().split("/");
    if (!parts[0].equals("m")) {
      throw new IllegalArgumentException("Expected a path starting with 'm' but got '" + path + "'");
    }
    int[] out = new int[parts.length - 1];
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i];
      if (!(p.endsWith("'") || p.endsWith("H")) || !p.substring(0, p.length() - 1).matches("[0-9]{1,10}")) {
        throw new IllegalArgumentException("Expected a hardened index like 44' at step " + i + " but got '" + p + "'");
      }
      long v = Long.parseLong(p.substring(0, p.length() - 1));
      if (v >= 1L << 31) {
        throw new IllegalArgumentException("Index " + v + " at step " + i + " is not below 2^31");
      }
      out[i - 1] = (int) v | HARDENED;
    }
    return out;
  }

  static ExtendedKey child(ExtendedKey parent, int index) {
    if ((index & HARDENED) == 0) {
      throw new IllegalArgumentException("Ed25519 supports only hardened derivation; index " + index + " is not hardened");
    }
    byte[] data = new byte[37];
    System.arraycopy(parent.keyRef(), 0, data, 1, 32);
    data[33] = (byte) (index >>> 24);
    data[34] = (byte) (index >>> 16);
    data[35] = (byte) (index >>> 8);
    data[36] = (byte) index;
    ExtendedKey k = split(hmac(parent.chainCodeRef(), data));
    Arrays.fill(data, (byte) 0);
    return k;
  }

  private static ExtendedKey split(byte[] i) {
    ExtendedKey k = new ExtendedKey(Arrays.copyOfRange(i, 0, 32), Arrays.copyOfRange(i, 32, 64));
    Arrays.fill(i, (byte) 0);
    return k;
  }

  static byte[] hmac(byte[] key, byte[] data) {
    HMac mac = new HMac(new SHA512Digest());
    mac.init(new KeyParameter(key));
    mac.update(data, 0, data.length);
    byte[] out = new byte[64];
    mac.doFinal(out, 0);
    return out;
  }
}
