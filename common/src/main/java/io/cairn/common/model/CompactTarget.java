package io.cairn.common.model;

import io.cairn.common.crypto.Hash;
import java.math.BigInteger;

/**
 * Proof-of-work targets in Bitcoin's compact "bits" form: an exponent byte and a 23-bit mantissa,
 * target = mantissa * 256^(exponent - 3). A block hash, read as a big-endian 256-bit number, meets
 * the target when it is at most the target. Work of a block = 2^256 / (target + 1).
 */
public final class CompactTarget {
  /** The easiest target any chain may use (about two hashes per block). */
  public static final int POW_LIMIT_BITS = 0x207fffff;
  public static final BigInteger POW_LIMIT = expand(POW_LIMIT_BITS);
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  private CompactTarget() {}

  /** The full target, or -1 when {@code bits} is negative, zero or overflows 256 bits. */
  public static BigInteger expandOrInvalid(int bits) {
    int size = bits >>> 24;
    int mantissa = bits & 0x007fffff;
    if ((bits & 0x00800000) != 0 || mantissa == 0) {
      return BigInteger.ONE.negate();
    }
    BigInteger m = BigInteger.valueOf(mantissa);
    BigInteger t = size <= 3 ? m.shiftRight(8 * (3 - size)) : m.shiftLeft(8 * (size - 3));
    if (t.signum() == 0 || t.bitLength() > 256) {
      return BigInteger.ONE.negate();
    }
    return t;
  }

  /** The full target; IllegalArgumentException when invalid. */
  public static BigInteger expand(int bits) {
    BigInteger t = expandOrInvalid(bits);
    if (t.signum() < 0) {
      throw new IllegalArgumentException("invalid compact target 0x" + Integer.toHexString(bits));
    }
    return t;
  }

  /** Compact form of a positive target (truncating, as Bitcoin's GetCompact). */
  public static int compact(BigInteger target) {
    if (target.signum() <= 0) {
      throw new IllegalArgumentException("target must be positive");
    }
    int size = (target.bitLength() + 7) / 8;
    long mantissa = size <= 3
        ? target.longValue() << (8 * (3 - size))
        : target.shiftRight(8 * (size - 3)).longValue();
    if ((mantissa & 0x00800000L) != 0) {
      mantissa >>>= 8;
      size++;
    }
    return (int) (mantissa | ((long) size << 24));
  }

  /** True when the hash, as a big-endian number, is at most the target. */
  public static boolean meets(Hash hash, BigInteger target) {
    return new BigInteger(1, hash.toArray()).compareTo(target) <= 0;
  }

  /** Expected hashes to find a block at this target: 2^256 / (target + 1). */
  public static BigInteger work(int bits) {
    return TWO_256.divide(expand(bits).add(BigInteger.ONE));
  }
}
