package io.cairn.common.crypto;

import java.math.BigInteger;

/**
 * The scalar arithmetic of {@link Ed25519Batch} modulo the group order L = 2^252 + C (C below
 * 2^125), on little-endian byte strings, allocation-free: numbers are reduced in signed 21-bit
 * limbs, folding each limb at or above 2^252 down with 2^252 = -C (mod L). The constants come from
 * {@link BigInteger} at class load; {@code ScalarsModLTest} checks every operation against it.
 */
final class ScalarsModL {
  static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

  private static final int BITS = 21;
  private static final long MASK = (1L << BITS) - 1;
  /** Limbs of an input of up to 64 bytes (25 x 21 = 525 bits). */
  static final int LIMBS = 25;
  /** -C in six balanced radix-2^21 digits. */
  private static final long[] MINUS_C = balancedDigits(L.subtract(BigInteger.ONE.shiftLeft(252)).negate(), 6);
  /** L in twelve radix-2^21 digits, 0 <= digit < 2^21 (the top one holds bits 231..252). */
  private static final long[] L_LIMBS = plainDigits(L, 12);

  private ScalarsModL() {}

  private static long[] plainDigits(BigInteger v, int n) {
    long[] d = new long[n];
    for (int i = 0; i < n; i++) {
      d[i] = i < n - 1 ? v.shiftRight(i * BITS).longValue() & MASK : v.shiftRight(i * BITS).longValueExact();
    }
    return d;
  }

  private static long[] balancedDigits(BigInteger v, int n) {
    long[] d = new long[n];
    BigInteger radix = BigInteger.ONE.shiftLeft(BITS);
    BigInteger half = radix.shiftRight(1);
    for (int i = 0; i < n - 1; i++) {
      BigInteger r = v.mod(radix);
      if (r.compareTo(half) >= 0) {
        r = r.subtract(radix);
      }
      d[i] = r.longValueExact();
      v = v.subtract(r).shiftRight(BITS);
    }
    if (v.abs().bitLength() > BITS) {
      throw new IllegalStateException("constant does not fit in " + n + " digits");
    }
    d[n - 1] = v.longValueExact();
    return d;
  }

  /**
   * {@code x[0, len)} (little-endian, len at most 64) modulo L, as 32 little-endian bytes into
   * {@code out}; {@code s} is scratch of {@link #LIMBS} longs.
   */
  static void reduce(byte[] x, int len, byte[] out, long[] s) {
    for (int i = 0; i < LIMBS; i++) {
      s[i] = bits21(x, len, i * BITS);
    }
    int top = LIMBS - 1;
    do {
      for (int k = top; k >= 12; k--) {
        long v = s[k];
        s[k] = 0;
        for (int j = 0; j < 6; j++) {
          s[k - 12 + j] += v * MINUS_C[j];
        }
        carryBalanced(s, k - 12, k - 1); // the last carry into s[k - 1], folded next
      }
      carryBalanced(s, 0, 12);
      top = 12;
    } while (s[12] != 0);
    // Now s[0..11] holds the value in balanced digits, |value| < 2^252: make it 0 <= value < L.
    carryFloor(s);
    if (s[11] < 0) {
      for (int i = 0; i < 12; i++) {
        s[i] += L_LIMBS[i];
      }
      carryFloor(s);
    }
    while (!lessThanL(s)) {
      for (int i = 0; i < 12; i++) {
        s[i] -= L_LIMBS[i];
      }
      carryFloor(s);
    }
    long acc = 0;
    int accBits = 0;
    int o = 0;
    for (int i = 0; i < 12; i++) {
      acc |= s[i] << accBits;
      accBits += BITS;
      while (accBits >= 8 && o < 32) {
        out[o++] = (byte) acc;
        acc >>>= 8;
        accBits -= 8;
      }
    }
    while (o < 32) {
      out[o++] = (byte) acc;
      acc >>>= 8;
    }
  }

  /**
   * {@code a[0, 16) * b[0, 32)} (little-endian; a 128-bit and a 256-bit number) as 48 little-endian
   * bytes added into {@code acc[0, 14)} (32-bit limbs, each kept below 2^32), for sums of up to
   * 2^64 products.
   */
  static void mulAdd(byte[] a, int aOff, byte[] b, int bOff, long[] acc) {
    for (int i = 0; i < 4; i++) {
      long ai = word(a, aOff + 4 * i);
      long carry = 0;
      for (int j = 0; j < 8; j++) {
        long t = ai * word(b, bOff + 4 * j);
        // t < 2^64 unsigned: add its low and high halves separately to stay exact in signed longs.
        long lo = acc[i + j] + (t & 0xffffffffL) + carry;
        acc[i + j] = lo & 0xffffffffL;
        carry = (lo >>> 32) + (t >>> 32);
      }
      for (int k = i + 8; carry != 0 && k < acc.length; k++) {
        long lo = acc[k] + carry;
        acc[k] = lo & 0xffffffffL;
        carry = lo >>> 32;
      }
    }
  }

  /** {@code acc[0, 14)} (32-bit limbs) as 56 little-endian bytes into {@code out}. */
  static void toBytes(long[] acc, byte[] out) {
    for (int i = 0; i < 14; i++) {
      long v = acc[i];
      out[4 * i] = (byte) v;
      out[4 * i + 1] = (byte) (v >>> 8);
      out[4 * i + 2] = (byte) (v >>> 16);
      out[4 * i + 3] = (byte) (v >>> 24);
    }
  }

  private static long word(byte[] b, int off) {
    return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
  }

  /** 21 bits of {@code x[0, len)} from bit {@code at} (zeros past the end). */
  private static long bits21(byte[] x, int len, int at) {
    long v = 0;
    int first = at >>> 3;
    for (int i = 0; i < 4; i++) {
      int idx = first + i;
      if (idx < len) {
        v |= (long) (x[idx] & 0xff) << (8 * i);
      }
    }
    return (v >>> (at & 7)) & MASK;
  }

  /** Carries {@code s[from, to)} into balanced digits, the last carry into {@code s[to]}. */
  private static void carryBalanced(long[] s, int from, int to) {
    for (int i = from; i < to; i++) {
      long c = (s[i] + (1L << (BITS - 1))) >> BITS;
      s[i] -= c << BITS;
      s[i + 1] += c;
    }
  }

  /** Carries s[0..10] into 0 <= digit < 2^21; s[11] keeps the sign and the rest. */
  private static void carryFloor(long[] s) {
    for (int i = 0; i < 11; i++) {
      long c = s[i] >> BITS;
      s[i] -= c << BITS;
      s[i + 1] += c;
    }
  }

  private static boolean lessThanL(long[] s) {
    for (int i = 11; i >= 0; i--) {
      if (s[i] != L_LIMBS[i]) {
        return s[i] < L_LIMBS[i];
      }
    }
    return false;
  }
}
