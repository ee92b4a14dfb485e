package io.cairn.common.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ScalarsModL} against {@link BigInteger}, on random and edge values. */
class ScalarsModLTest {
  private static final BigInteger L = ScalarsModL.L;
  private final Random random = new Random(7);

  private static byte[] le(BigInteger v, int len) {
    byte[] out = new byte[len];
    for (int i = 0; i < len; i++) {
      out[i] = v.shiftRight(8 * i).byteValue();
    }
    return out;
  }

  private static BigInteger value(byte[] b, int len) {
    BigInteger v = BigInteger.ZERO;
    for (int i = len - 1; i >= 0; i--) {
      v = v.shiftLeft(8).or(BigInteger.valueOf(b[i] & 0xff));
    }
    return v;
  }

  private static BigInteger reduced(BigInteger x, int len) {
    byte[] out = new byte[32];
    ScalarsModL.reduce(le(x, len), len, out, new long[ScalarsModL.LIMBS]);
    return value(out, 32);
  }

  @Test
  void reduceAgreesWithBigIntegerOnEdgesAndRandomNumbers() {
    BigInteger max512 = BigInteger.ONE.shiftLeft(512).subtract(BigInteger.ONE);
    for (BigInteger x : List.of(BigInteger.ZERO, BigInteger.ONE, L.subtract(BigInteger.ONE), L, L.add(BigInteger.ONE),
        L.shiftLeft(1), L.multiply(L), BigInteger.ONE.shiftLeft(252), BigInteger.ONE.shiftLeft(253).subtract(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), max512, max512.subtract(max512.mod(L)))) {
      assertEquals(x.mod(L), reduced(x, 64), x.toString(16));
    }
    for (int i = 0; i < 5_000; i++) {
      int len = 1 + random.nextInt(64);
      BigInteger x = new BigInteger(8 * len, random);
      assertEquals(x.mod(L), reduced(x, len), x.toString(16));
    }
  }

  @Test
  void mulAddSumsProductsExactly() {
    for (int round = 0; round < 200; round++) {
      long[] acc = new long[14];
      BigInteger expected = BigInteger.ZERO;
      int n = 1 + random.nextInt(70);
      for (int i = 0; i < n; i++) {
        BigInteger a = round == 0 ? BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE) : new BigInteger(128, random);
        BigInteger b = round == 0 ? BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE) : new BigInteger(256, random);
        byte[] ab = le(a, 16);
        byte[] bb = new byte[40];
        System.arraycopy(le(b, 32), 0, bb, 8, 32);
        ScalarsModL.mulAdd(ab, 0, bb, 8, acc);
        expected = expected.add(a.multiply(b));
      }
      byte[] out = new byte[56];
      ScalarsModL.toBytes(acc, out);
      assertEquals(expected, value(out, 56));
      assertEquals(expected.mod(L), reduced(expected, 56));
    }
  }
}
