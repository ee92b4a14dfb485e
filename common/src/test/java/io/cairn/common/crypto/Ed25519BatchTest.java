package io.cairn.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.math.ec.rfc7748.X25519Field;
import org.junit.jupiter.api.Test;

/**
 * {@link Ed25519Batch} answers exactly as {@link Ed25519#verify} does, signature by signature:
 * honest signatures, broken ones mixed into a batch, and crafted ones with small-order parts (where
 * a cofactorless and a cofactored verifier disagree), which also pins down that Bouncy Castle's
 * single verification is the cofactored one the batch equation relies on.
 */
class Ed25519BatchTest {
  private static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
  private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

  private final Random random = new Random(20261122);
  private static final java.security.SecureRandom WEIGHTS = new java.security.SecureRandom();

  /** Signatures, keys and messages of one batch, and what {@link Ed25519#verify} says of each. */
  private static final class Batch {
    final List<byte[]> keys = new ArrayList<>();
    final List<byte[]> messages = new ArrayList<>();
    final List<byte[]> signatures = new ArrayList<>();

    void add(byte[] key, byte[] message, byte[] signature) {
      keys.add(key);
      messages.add(message);
      signatures.add(signature);
    }

    boolean[] single() {
      boolean[] ok = new boolean[keys.size()];
      for (int i = 0; i < ok.length; i++) {
        ok[i] = Ed25519.verify(keys.get(i), messages.get(i), signatures.get(i));
      }
      return ok;
    }

    /** What the random combination alone accepted (no single checks). */
    boolean[] combined() {
      return Ed25519Batch.combined(keys.toArray(byte[][]::new), messages.toArray(byte[][]::new),
          signatures.toArray(byte[][]::new), WEIGHTS::nextBytes);
    }

    boolean[] batch() {
      boolean[] ok = new boolean[keys.size()];
      Ed25519Batch.verify(keys.toArray(byte[][]::new), messages.toArray(byte[][]::new),
          signatures.toArray(byte[][]::new), ok, WEIGHTS::nextBytes);
      return ok;
    }
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private void honest(Batch batch, int count) {
    for (int i = 0; i < count; i++) {
      byte[] seed = bytes(32);
      byte[] message = bytes(1 + random.nextInt(200));
      batch.add(Ed25519.publicKey(seed), message, Ed25519.sign(seed, message));
    }
  }

  @Test
  void honestSignaturesOfEveryBatchSizeAllVerify() {
    for (int n : new int[] {0, 1, 2, 3, 7, 16, 33, 64}) {
      Batch batch = new Batch();
      honest(batch, n);
      boolean[] expected = new boolean[n];
      java.util.Arrays.fill(expected, true);
      assertArrayEquals(expected, batch.single(), "single, n=" + n);
      assertArrayEquals(expected, batch.batch(), "batch, n=" + n);
      assertArrayEquals(expected, batch.combined(), "the combination alone, n=" + n);
    }
  }

  @Test
  void aBrokenSignatureFailsAloneWhereverItSits() {
    for (int round = 0; round < 12; round++) {
      Batch batch = new Batch();
      honest(batch, 20);
      int bad = random.nextInt(20);
      switch (round % 4) {
        case 0 -> batch.signatures.get(bad)[32 + random.nextInt(31)] ^= (byte) (1 << random.nextInt(8));
        case 1 -> batch.signatures.get(bad)[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
        case 2 -> batch.messages.get(bad)[0] ^= 1;
        default -> batch.keys.set(bad, batch.keys.get((bad + 1) % 20));
      }
      boolean[] single = batch.single();
      assertFalse(single[bad]);
      assertArrayEquals(single, batch.batch(), "round " + round);
      if (round % 4 != 1) { // a flipped bit in R may make it non-canonical or not a point: then it is left out
        assertArrayEquals(new boolean[20], batch.combined(), "one bad signature fails the combination");
      }
    }
  }

  @Test
  void nullsWrongLengthsAndGarbageAreRejectedWithoutThrowing() {
    Batch batch = new Batch();
    honest(batch, 3);
    batch.add(null, bytes(5), bytes(64));
    batch.add(bytes(32), null, bytes(64));
    batch.add(bytes(32), bytes(5), null);
    batch.add(bytes(31), bytes(5), bytes(64));
    batch.add(bytes(32), bytes(5), bytes(65));
    for (int i = 0; i < 20; i++) {
      batch.add(bytes(32), bytes(10), bytes(64));
    }
    boolean[] ok = batch.batch();
    assertArrayEquals(batch.single(), ok);
    assertTrue(ok[0] && ok[1] && ok[2]);
  }

  // ---- crafted signatures: small-order parts, non-canonical scalars ----

  private static BigInteger le(byte[] b) {
    byte[] be = new byte[b.length + 1];
    for (int i = 0; i < b.length; i++) {
      be[b.length - i] = b[i];
    }
    return new BigInteger(be);
  }

  private static byte[] le32(BigInteger v) {
    byte[] out = new byte[32];
    for (int i = 0; i < 32; i++) {
      out[i] = v.shiftRight(8 * i).byteValue();
    }
    return out;
  }

  // ---- point helpers the verifier itself does not need ----

  private static int[][] copy(int[][] p) {
    return new int[][] {p[0].clone(), p[1].clone(), p[2].clone(), p[3].clone()};
  }

  private static int[][] cached(int[][] p) {
    int[][] c = EdwardsPoints.identity();
    EdwardsPoints.cachedInto(p, c);
    return c;
  }

  private static byte[] wnaf(byte[] scalar) {
    byte[] r = new byte[256];
    EdwardsPoints.wnafInto(scalar, r, new int[9]);
    return r;
  }

  private static int[][] multiScalar(byte[][] digits, int[][][][] tables) {
    int[][] acc = EdwardsPoints.identity();
    EdwardsPoints.multiScalarInto(digits, tables, digits.length, acc, EdwardsPoints.temps());
    return acc;
  }

  private static boolean isNeutral(int[][] p) {
    return EdwardsPoints.isNeutral(p, X25519Field.create());
  }

  private static boolean timesEightIsNeutral(int[][] p) {
    return EdwardsPoints.timesEightIsNeutral(p, EdwardsPoints.identity(), EdwardsPoints.temps());
  }

  /** The 32-byte encoding of p: y, and x's parity in the top bit. */
  private static byte[] encode(int[][] p) {
    int[] zInv = X25519Field.create();
    X25519Field.inv(p[2], zInv);
    int[] x = X25519Field.create();
    int[] y = X25519Field.create();
    X25519Field.mul(p[0], zInv, x);
    X25519Field.mul(p[1], zInv, y);
    X25519Field.normalize(x);
    X25519Field.normalize(y);
    byte[] out = new byte[32];
    X25519Field.encode(y, out, 0);
    out[31] |= (byte) ((x[0] & 1) << 7);
    return out;
  }

  private static int[][] times(BigInteger scalar, int[][] point) {
    byte[][] digits = {wnaf(le32(scalar))};
    int[][][][] tables = {EdwardsPoints.oddMultiples(point)};
    return multiScalar(digits, tables);
  }

  private static int[][] baseTimes(BigInteger scalar) {
    byte[][] digits = {wnaf(le32(scalar))};
    return multiScalar(digits, new int[][][][] {EdwardsPoints.BASE_TABLE});
  }

  private static int[][] plus(int[][] p, int[][] q) {
    int[][] r = copy(p);
    EdwardsPoints.add(r, cached(q), false, r, EdwardsPoints.temps());
    return r;
  }

  /** A point of order exactly 8 (L times a random curve point, until it has that order). */
  private int[][] orderEight() {
    for (int tries = 0; tries < 200; tries++) {
      int[][] p = EdwardsPoints.decode(bytes(32), 0, false);
      if (p == null || !Ed25519.isCanonicalPoint(encode(p), 0)) {
        continue;
      }
      int[][] t = times(L, p);
      int[][] t4 = copy(t);
      int[][] tmp = EdwardsPoints.temps();
      EdwardsPoints.dbl(t4, t4, tmp);
      EdwardsPoints.dbl(t4, t4, tmp);
      if (!isNeutral(t4)) {
        return t;
      }
    }
    throw new AssertionError("no point of order 8 found");
  }

  private static BigInteger challenge(byte[] r, byte[] a, byte[] message) {
    SHA512Digest sha = new SHA512Digest();
    sha.update(r, 0, 32);
    sha.update(a, 0, 32);
    sha.update(message, 0, message.length);
    byte[] h = new byte[64];
    sha.doFinal(h, 0);
    return le(h).mod(L);
  }

  /** A signature by secret scalar {@code a} whose key and nonce point carry the given extra points. */
  private byte[][] crafted(int[][] extraOnKey, int[][] extraOnR, byte[] message) {
    BigInteger a = new BigInteger(256, random).mod(L);
    BigInteger r = new BigInteger(256, random).mod(L);
    int[][] key = baseTimes(a);
    int[][] nonce = baseTimes(r);
    if (extraOnKey != null) {
      key = plus(key, extraOnKey);
    }
    if (extraOnR != null) {
      nonce = plus(nonce, extraOnR);
    }
    byte[] keyBytes = encode(key);
    byte[] rBytes = encode(nonce);
    BigInteger s = r.add(challenge(rBytes, keyBytes, message).multiply(a)).mod(L);
    byte[] sig = new byte[64];
    System.arraycopy(rBytes, 0, sig, 0, 32);
    System.arraycopy(le32(s), 0, sig, 32, 32);
    return new byte[][] {keyBytes, sig};
  }

  @Test
  void craftedSignaturesWithSmallOrderPartsGetBouncyCastlesAnswer() {
    int[][] t8 = orderEight();
    int[][] t4 = plus(t8, t8);
    int[][] t2 = plus(t4, t4);
    Batch batch = new Batch();
    honest(batch, 5);
    int firstCrafted = batch.keys.size();
    for (int[][] t : List.of(t8, t4, t2)) {
      for (int i = 0; i < 4; i++) {
        byte[] message = ("crafted " + i).getBytes(StandardCharsets.US_ASCII);
        byte[][] onR = crafted(null, t, message);
        batch.add(onR[0], message, onR[1]);
        byte[][] onKey = crafted(t, null, message);
        batch.add(onKey[0], message, onKey[1]);
        byte[][] onBoth = crafted(t, t, message);
        batch.add(onBoth[0], message, onBoth[1]);
      }
    }
    boolean[] single = batch.single();
    // Bouncy Castle accepts them all: it checks the cofactored equation, which the batch relies on.
    for (int i = firstCrafted; i < single.length; i++) {
      assertTrue(single[i], "crafted signature " + i + " rejected by Bouncy Castle");
    }
    assertArrayEquals(single, batch.batch());
    boolean[] all = new boolean[single.length];
    java.util.Arrays.fill(all, true);
    assertArrayEquals(all, batch.combined(), "the combination accepts them itself");
  }

  @Test
  void smallOrderKeysNonCanonicalScalarsAndPointsAreRejectedByBoth() {
    int[][] t8 = orderEight();
    Batch batch = new Batch();
    honest(batch, 4);
    int firstBad = batch.keys.size();
    byte[] message = bytes(20);
    // Every small-order key, with an R = [s]B that satisfies the cofactored equation for any k.
    int[][] t = EdwardsPoints.identity();
    for (int i = 0; i < 8; i++) {
      BigInteger s = new BigInteger(200, random);
      byte[] sig = new byte[64];
      System.arraycopy(encode(baseTimes(s)), 0, sig, 0, 32);
      System.arraycopy(le32(s), 0, sig, 32, 32);
      batch.add(encode(t), message, sig);
      t = plus(t, t8);
    }
    // S + L instead of S.
    byte[][] honestOne = crafted(null, null, message);
    byte[] big = honestOne[1].clone();
    System.arraycopy(le32(le(java.util.Arrays.copyOfRange(big, 32, 64)).add(L)), 0, big, 32, 32);
    batch.add(honestOne[0], message, big);
    // R encoded with y + p (non-canonical) where y + p < 2^255: y = 1 (the neutral element), k anything.
    byte[] sig = new byte[64];
    System.arraycopy(le32(P.add(BigInteger.ONE)), 0, sig, 0, 32);
    batch.add(honestOne[0], message, sig);
    boolean[] single = batch.single();
    for (int i = firstBad; i < single.length; i++) {
      assertFalse(single[i], "Bouncy Castle accepted bad signature " + i);
    }
    assertArrayEquals(single, batch.batch());
    boolean[] combined = batch.combined();
    for (int i = 0; i < single.length; i++) {
      assertEquals(i < firstBad, combined[i], "left out of the combination: " + i);
    }
  }

  @Test
  void theCurveArithmeticAgreesWithBouncyCastlesKeys() {
    for (int i = 0; i < 10; i++) {
      byte[] seed = bytes(32);
      byte[] h = new byte[64];
      SHA512Digest sha = new SHA512Digest();
      sha.update(seed, 0, 32);
      sha.doFinal(h, 0);
      h[0] &= (byte) 0xf8;
      h[31] &= 0x7f;
      h[31] |= 0x40;
      BigInteger a = le(java.util.Arrays.copyOf(h, 32)).mod(L);
      assertArrayEquals(Ed25519.publicKey(seed), encode(baseTimes(a)));
      int[][] decoded = EdwardsPoints.decode(Ed25519.publicKey(seed), 0, false);
      assertNotNull(decoded);
      assertArrayEquals(Ed25519.publicKey(seed), encode(decoded));
    }
    assertTrue(timesEightIsNeutral(times(L, EdwardsPoints.decode(Ed25519.publicKey(bytes(32)), 0, false))));
    assertEquals(8, orderOf(orderEight()));
  }

  @Test
  void wnafDigitsAreOddSpacedAndAddUpToTheScalar() {
    for (int round = 0; round < 2_000; round++) {
      BigInteger scalar = round == 0 ? L.subtract(BigInteger.ONE)
          : round == 1 ? BigInteger.ONE.shiftLeft(253).subtract(BigInteger.ONE)
          : new BigInteger(1 + random.nextInt(253), random);
      byte[] digits = wnaf(le32(scalar));
      BigInteger sum = BigInteger.ZERO;
      int lastAt = -5;
      for (int i = 0; i < digits.length; i++) {
        int d = digits[i];
        if (d != 0) {
          assertTrue((d & 1) == 1 && d >= -15 && d <= 15, "digit " + d);
          assertTrue(i - lastAt >= 5, "digits at " + lastAt + " and " + i);
          lastAt = i;
          sum = sum.add(BigInteger.valueOf(d).shiftLeft(i));
        }
      }
      assertEquals(scalar, sum);
    }
  }

  private static int orderOf(int[][] p) {
    int[][] q = copy(p);
    int[][] cp = cached(p);
    for (int n = 1; n <= 8; n++) {
      if (isNeutral(q)) {
        return n;
      }
      EdwardsPoints.add(q, cp, false, q, EdwardsPoints.temps());
    }
    return -1;
  }
}
