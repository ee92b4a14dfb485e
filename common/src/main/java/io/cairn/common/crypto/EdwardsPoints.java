package io.cairn.common.crypto;

import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Point arithmetic on the Ed25519 curve -x^2 + y^2 = 1 + d x^2 y^2 over GF(2^255 - 19), on top of
 * Bouncy Castle's field arithmetic ({@link X25519Field}), for {@link Ed25519Batch}: decoding,
 * addition and doubling in extended coordinates (Hisil-Wong-Carter-Dawson 2008, a = -1), and one
 * multi-scalar multiplication (Straus: all points share the doublings). Variable time: its inputs
 * are public (keys, signatures, messages) except the verifier's random weights, which are fresh for
 * every batch, so what the timing of one batch might reveal of them is of no use for the next.
 *
 * <p>A point is an {@code int[][4]} of field elements X, Y, Z, T with x = X/Z, y = Y/Z, xy = T/Z. A
 * "cached" point, the form added from a table, is (Y+X, Y-X, 2Z, 2dT).
 */
final class EdwardsPoints {
  private static final int X = 0, Y = 1, Z = 2, T = 3;

  /** d = -121665/121666 and 2d. */
  private static final int[] D = fe(0);
  private static final int[] D2 = fe(0);
  /** The base point B (y = 4/5, x even), cached, with its table of odd multiples. */
  static final int[][][] BASE_TABLE;

  static {
    int[] t = fe(121666);
    X25519Field.inv(t, t);
    X25519Field.mul(t, 121665, D);
    X25519Field.negate(D, D);
    X25519Field.normalize(D);
    X25519Field.add(D, D, D2);
    X25519Field.normalize(D2);
    int[] y = fe(5);
    X25519Field.inv(y, y);
    X25519Field.mul(y, 4, y);
    X25519Field.normalize(y);
    byte[] enc = new byte[32];
    X25519Field.encode(y, enc, 0);
    int[][] b = decode(enc, 0, false);
    if (b == null) {
      throw new IllegalStateException("the base point did not decode");
    }
    BASE_TABLE = oddMultiples(b);
  }

  private EdwardsPoints() {}

  static int[] fe(int small) {
    int[] f = X25519Field.create();
    f[0] = small;
    return f;
  }

  static int[][] identity() {
    return new int[][] {fe(0), fe(1), fe(1), fe(0)};
  }

  /**
   * Decodes a 32-byte point encoding (y little-endian, bit 255 the sign of x), or null when no
   * point has it: x^2 = (y^2 - 1) / (d y^2 + 1) has no root, or x = 0 with the sign bit set. The
   * caller has checked that y is below p. With {@code negate} the point's negative is returned.
   */
  static int[][] decode(byte[] b, int off, boolean negate) {
    int[][] p = identity();
    return decodeInto(b, off, negate, p, temps()) ? p : null;
  }

  /** {@link #decode} into {@code p} (false, and {@code p} undefined, when no point has it). */
  static boolean decodeInto(byte[] b, int off, boolean negate, int[][] p, int[][] tmp) {
    int sign = (b[off + 31] >>> 7) & 1;
    int[] y = p[Y];
    int[] x = p[X];
    int[] u = tmp[0];
    int[] v = tmp[1];
    X25519Field.decode(b, off, y); // the top bit (the sign) is not read
    X25519Field.sqr(y, u);
    X25519Field.mul(D, u, v);
    X25519Field.subOne(u);
    X25519Field.addOne(v);
    if (!X25519Field.sqrtRatioVar(u, v, x)) {
      return false;
    }
    X25519Field.normalize(x);
    if (sign == 1 && X25519Field.isZeroVar(x)) {
      return false;
    }
    if (((x[0] & 1) != sign) != negate) {
      X25519Field.negate(x, x);
      X25519Field.normalize(x);
    }
    X25519Field.one(p[Z]);
    X25519Field.mul(x, y, p[T]);
    return true;
  }

  /** (Y+X, Y-X, 2Z, 2dT) of an extended point. */
  static void cachedInto(int[][] p, int[][] c) {
    X25519Field.add(p[Y], p[X], c[0]);
    X25519Field.sub(p[Y], p[X], c[1]);
    X25519Field.add(p[Z], p[Z], c[2]);
    X25519Field.mul(p[T], D2, c[3]);
  }

  /** r = p + q (subtract: p - q), q cached; r may be p. */
  static void add(int[][] p, int[][] q, boolean subtract, int[][] r, int[][] tmp) {
    int[] a = tmp[0], b = tmp[1], c = tmp[2], d = tmp[3];
    X25519Field.sub(p[Y], p[X], a);
    X25519Field.add(p[Y], p[X], b);
    X25519Field.mul(a, subtract ? q[0] : q[1], a);
    X25519Field.mul(b, subtract ? q[1] : q[0], b);
    X25519Field.mul(p[T], q[3], c);
    X25519Field.mul(p[Z], q[2], d);
    // e = b - a, h = b + a; f = d - c, g = d + c (c negated when subtracting).
    int[] e = tmp[4], h = tmp[5], f = tmp[6], g = tmp[7];
    X25519Field.sub(b, a, e);
    X25519Field.add(b, a, h);
    if (subtract) {
      X25519Field.add(d, c, f);
      X25519Field.sub(d, c, g);
    } else {
      X25519Field.sub(d, c, f);
      X25519Field.add(d, c, g);
    }
    X25519Field.mul(e, f, r[X]);
    X25519Field.mul(g, h, r[Y]);
    X25519Field.mul(e, h, r[T]);
    X25519Field.mul(f, g, r[Z]);
  }

  /** r = 2p; r may be p. */
  static void dbl(int[][] p, int[][] r, int[][] tmp) {
    int[] a = tmp[0], b = tmp[1], c = tmp[2], s = tmp[3];
    X25519Field.sqr(p[X], a);
    X25519Field.sqr(p[Y], b);
    X25519Field.sqr(p[Z], c);
    X25519Field.add(c, c, c);
    X25519Field.add(p[X], p[Y], s);
    X25519Field.sqr(s, s);
    // With a = -1: h = A + B, e = h - (X+Y)^2, g = A - B, f = C + g; (X3, Y3, T3, Z3) = (ef, gh, eh, fg)
    // (every coordinate the negative of the textbook one's factors, pairwise, so the products agree).
    int[] e = tmp[4], h = tmp[5], f = tmp[6], g = tmp[7];
    X25519Field.add(a, b, h);
    X25519Field.sub(h, s, e);
    X25519Field.carry(e);
    X25519Field.sub(a, b, g);
    X25519Field.add(c, g, f);
    X25519Field.carry(f);
    X25519Field.mul(e, f, r[X]);
    X25519Field.mul(g, h, r[Y]);
    X25519Field.mul(e, h, r[T]);
    X25519Field.mul(f, g, r[Z]);
  }

  static int[][] temps() {
    int[][] tmp = new int[8][];
    for (int i = 0; i < tmp.length; i++) {
      tmp[i] = X25519Field.create();
    }
    return tmp;
  }

  /** P, 3P, 5P, ..., 15P, cached: the table for {@link #wnafInto} digits. */
  static int[][][] oddMultiples(int[][] p) {
    int[][][] table = newTable();
    oddMultiplesInto(p, table, new int[][][] {identity(), identity()}, temps());
    return table;
  }

  static int[][][] newTable() {
    int[][][] table = new int[8][][];
    for (int i = 0; i < 8; i++) {
      table[i] = identity();
    }
    return table;
  }

  /** {@link #oddMultiples} into {@code table}; {@code scratch} holds two points, {@code p} is kept. */
  static void oddMultiplesInto(int[][] p, int[][][] table, int[][][] scratch, int[][] tmp) {
    int[][] acc = scratch[0];
    dbl(p, acc, tmp);
    cachedInto(acc, scratch[1]); // 2P
    copyInto(p, acc);
    cachedInto(acc, table[0]);
    for (int i = 1; i < 8; i++) {
      add(acc, scratch[1], false, acc, tmp);
      cachedInto(acc, table[i]);
    }
  }

  static void copyInto(int[][] p, int[][] r) {
    for (int c = 0; c < 4; c++) {
      System.arraycopy(p[c], 0, r[c], 0, X25519Field.SIZE);
    }
  }

  /**
   * The width-5 signed digits (wNAF) of a little-endian scalar below 2^253: 256 digits, each 0 or
   * odd in -15..15, any two non-zero ones at least 5 apart, with sum digit[i] * 2^i equal to the
   * scalar (a digit of 16 or more is taken as digit - 32, with a carry into the next window).
   */
  static void wnafInto(byte[] scalar, byte[] r, int[] words) {
    Arrays.fill(words, 0);
    Arrays.fill(r, (byte) 0);
    for (int i = 0; i < 32; i++) {
      words[i >>> 2] |= (scalar[i] & 0xff) << (8 * (i & 3));
    }
    int carry = 0;
    for (int i = 0; i < 256; ) {
      int shift = i & 31;
      int window = words[i >>> 5] >>> shift;
      if (shift > 27) {
        window |= words[(i >>> 5) + 1] << (32 - shift);
      }
      if (((window ^ carry) & 1) == 0) {
        i++; // this bit plus the carry is even: digit 0, the carry moves on
        continue;
      }
      int digit = (window & 31) + carry;
      carry = digit >>> 4;
      r[i] = (byte) (digit - (carry << 5));
      i += 5;
    }
  }

  /** sum of digits[j] applied to tables[j] (each from {@link #wnafInto} and {@link #oddMultiplesInto}). */
  static void multiScalarInto(byte[][] digits, int[][][][] tables, int count, int[][] acc, int[][] tmp) {
    int top = -1;
    for (int j = 0; j < count; j++) {
      for (int i = 255; i > top; i--) {
        if (digits[j][i] != 0) {
          top = i;
          break;
        }
      }
    }
    setNeutral(acc);
    for (int i = top; i >= 0; i--) {
      dbl(acc, acc, tmp);
      for (int j = 0; j < count; j++) {
        int dgt = digits[j][i];
        if (dgt > 0) {
          add(acc, tables[j][dgt >> 1], false, acc, tmp);
        } else if (dgt < 0) {
          add(acc, tables[j][(-dgt) >> 1], true, acc, tmp);
        }
      }
    }
  }

  static void setNeutral(int[][] p) {
    X25519Field.zero(p[X]);
    X25519Field.one(p[Y]);
    X25519Field.one(p[Z]);
    X25519Field.zero(p[T]);
  }

  /** True when [8]p is the neutral element (p of small order); {@code scratch} a point, p kept. */
  static boolean timesEightIsNeutral(int[][] p, int[][] scratch, int[][] tmp) {
    dbl(p, scratch, tmp);
    dbl(scratch, scratch, tmp);
    dbl(scratch, scratch, tmp);
    return isNeutral(scratch, tmp[0]);
  }

  /** True when p is (0, 1); {@code scratch} a field element, p kept. */
  static boolean isNeutral(int[][] p, int[] scratch) {
    System.arraycopy(p[X], 0, scratch, 0, X25519Field.SIZE);
    X25519Field.normalize(scratch);
    if (!X25519Field.isZeroVar(scratch)) {
      return false;
    }
    X25519Field.sub(p[Y], p[Z], scratch);
    X25519Field.normalize(scratch);
    return X25519Field.isZeroVar(scratch);
  }
}
