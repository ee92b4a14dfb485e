package io.cairn.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.bytes.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 8032 section 7.1 test vectors and the strictness rules of {@link Ed25519#verify}. */
class Ed25519Test {
  private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
  private static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

  static Stream<Arguments> rfc8032() throws IOException {
    return Stream.of(
        Arguments.of("TEST 1",
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
        Arguments.of("TEST 2",
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
        Arguments.of("TEST 3",
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
        Arguments.of("TEST 1024",
            "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
            "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e",
            resource("rfc8032-test1024-message.hex"),
            "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03"),
        Arguments.of("TEST SHA(abc)",
            "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
            "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Ed25519Test.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s", "");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rfc8032")
  void rfc8032Vector(String name, String seedHex, String publicHex, String messageHex, String signatureHex) {
    byte[] seed = Hex.decode(seedHex);
    byte[] message = Hex.decode(messageHex);
    assertEquals(publicHex, Hex.encode(Ed25519.publicKey(seed)), "public key");
    assertEquals(signatureHex, Hex.encode(Ed25519.sign(seed, message)), "signature");
    assertEquals(signatureHex, Hex.encode(Ed25519.sign(seed, Hex.decode(publicHex), message)), "signature with known key");
    assertTrue(Ed25519.verify(Hex.decode(publicHex), message, Hex.decode(signatureHex)));
    byte[] other = java.util.Arrays.copyOf(message, message.length + 1);
    assertFalse(Ed25519.verify(Hex.decode(publicHex), other, Hex.decode(signatureHex)), "other message");
  }

  @Test
  void test1024MessageIs1023Bytes() throws IOException {
    assertEquals(1023, Hex.decode(resource("rfc8032-test1024-message.hex")).length);
  }

  @Test
  void everyFlippedBitIsRejected() {
    byte[] seed = seed(7);
    byte[] pk = Ed25519.publicKey(seed);
    byte[] msg = "cairn".getBytes(StandardCharsets.US_ASCII);
    byte[] sig = Ed25519.sign(seed, msg);
    assertTrue(Ed25519.verify(pk, msg, sig));
    for (int bit = 0; bit < sig.length * 8; bit++) {
      byte[] bad = sig.clone();
      bad[bit / 8] ^= (byte) (1 << (bit % 8));
      assertFalse(Ed25519.verify(pk, msg, bad), "signature bit " + bit);
    }
    for (int bit = 0; bit < pk.length * 8; bit++) {
      byte[] bad = pk.clone();
      bad[bit / 8] ^= (byte) (1 << (bit % 8));
      assertFalse(Ed25519.verify(bad, msg, sig), "key bit " + bit);
    }
  }

  @Test
  void sPlusLIsRejected() {
    byte[] seed = seed(1);
    byte[] msg = {1, 2, 3};
    byte[] sig = Ed25519.sign(seed, msg);
    BigInteger s = le(sig, 32);
    assertTrue(s.compareTo(L) < 0);
    byte[] malleated = sig.clone();
    putLe(s.add(L), malleated, 32);
    assertFalse(Ed25519.verify(Ed25519.publicKey(seed), msg, malleated), "S + L");
    assertFalse(Ed25519.scalarBelowOrder(malleated, 32));
    assertTrue(Ed25519.scalarBelowOrder(sig, 32));
  }

  @Test
  void scalarBoundaryIsExactlyL() {
    byte[] b = new byte[32];
    putLe(L.subtract(BigInteger.ONE), b, 0);
    assertTrue(Ed25519.scalarBelowOrder(b, 0), "L - 1");
    putLe(L, b, 0);
    assertFalse(Ed25519.scalarBelowOrder(b, 0), "L");
    putLe(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), b, 0);
    assertFalse(Ed25519.scalarBelowOrder(b, 0), "2^256 - 1");
    assertTrue(Ed25519.scalarBelowOrder(new byte[32], 0), "0");
  }

  @Test
  void nonCanonicalPointEncodingsAreRecognised() {
    // y >= p: p itself, p + 1 (a second encoding of y = 1), 2^255 - 1.
    assertFalse(Ed25519.isCanonicalPoint(y(P, false), 0), "y = p");
    assertFalse(Ed25519.isCanonicalPoint(y(P.add(BigInteger.ONE), false), 0), "y = p + 1");
    assertFalse(Ed25519.isCanonicalPoint(y(BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE), false), 0), "y = 2^255 - 1");
    // x = 0 with the sign bit set ("negative zero"): y = 1 and y = p - 1.
    assertFalse(Ed25519.isCanonicalPoint(y(BigInteger.ONE, true), 0), "-0 at y = 1");
    assertFalse(Ed25519.isCanonicalPoint(y(P.subtract(BigInteger.ONE), true), 0), "-0 at y = p - 1");
    // Canonical neighbours.
    assertTrue(Ed25519.isCanonicalPoint(y(P.subtract(BigInteger.ONE), false), 0), "y = p - 1");
    assertTrue(Ed25519.isCanonicalPoint(y(P.subtract(BigInteger.TWO), true), 0), "y = p - 2, sign set");
    assertTrue(Ed25519.isCanonicalPoint(y(BigInteger.ONE, false), 0), "y = 1");
    assertTrue(Ed25519.isCanonicalPoint(y(BigInteger.TWO, true), 0), "y = 2, sign set");
  }

  @Test
  void nonCanonicalKeyOrRIsRejected() {
    byte[] seed = seed(2);
    byte[] pk = Ed25519.publicKey(seed);
    byte[] msg = {9};
    byte[] sig = Ed25519.sign(seed, msg);
    // The same y plus p, where it fits in 255 bits, is another encoding of the same point for y < 19.
    for (BigInteger y = BigInteger.ZERO; y.compareTo(BigInteger.valueOf(19)) < 0; y = y.add(BigInteger.ONE)) {
      byte[] alias = y(y.add(P), false);
      assertFalse(Ed25519.verify(alias, msg, sig), "A with y = " + y + " + p");
      byte[] badR = sig.clone();
      System.arraycopy(alias, 0, badR, 0, 32);
      assertFalse(Ed25519.verify(pk, msg, badR), "R with y = " + y + " + p");
    }
    byte[] negZero = y(BigInteger.ONE, true);
    assertFalse(Ed25519.verify(negZero, msg, sig));
  }

  @Test
  void smallOrderKeyIsRejected() {
    // A = identity (y = 1), R = identity, S = 0 satisfies [S]B = R + [k]A for every message.
    byte[] identity = y(BigInteger.ONE, false);
    byte[] sig = new byte[64];
    System.arraycopy(identity, 0, sig, 0, 32);
    assertFalse(Ed25519.verify(identity, "anything".getBytes(StandardCharsets.US_ASCII), sig));
  }

  @Test
  void wrongLengthsAndNullsReturnFalseWithoutThrowing() {
    byte[] seed = seed(3);
    byte[] pk = Ed25519.publicKey(seed);
    byte[] msg = {};
    byte[] sig = Ed25519.sign(seed, msg);
    assertTrue(Ed25519.verify(pk, msg, sig));
    assertFalse(Ed25519.verify(java.util.Arrays.copyOf(pk, 31), msg, sig));
    assertFalse(Ed25519.verify(java.util.Arrays.copyOf(pk, 33), msg, sig));
    assertFalse(Ed25519.verify(pk, msg, java.util.Arrays.copyOf(sig, 63)));
    assertFalse(Ed25519.verify(pk, msg, java.util.Arrays.copyOf(sig, 65)));
    assertFalse(Ed25519.verify(new byte[0], msg, new byte[0]));
    assertFalse(Ed25519.verify((byte[]) null, msg, sig));
    assertFalse(Ed25519.verify(pk, null, sig));
    assertFalse(Ed25519.verify(pk, msg, (byte[]) null));
    assertFalse(Ed25519.verify(new byte[32], msg, new byte[64]), "all zero");
    byte[] ff = new byte[64];
    java.util.Arrays.fill(ff, (byte) 0xff);
    assertFalse(Ed25519.verify(java.util.Arrays.copyOf(ff, 32), msg, ff), "all ones");
  }

  @Test
  void wrongSeedLengthIsACallerBug() {
    assertThrows(IllegalArgumentException.class, () -> Ed25519.publicKey(new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> Ed25519.sign(new byte[33], new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> Ed25519.sign(new byte[32], new byte[31], new byte[0]));
  }

  @Test
  void signingIsDeterministicAndTypedOverloadAgrees() {
    byte[] seed = seed(4);
    byte[] msg = "deterministic".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(Ed25519.sign(seed, msg), Ed25519.sign(seed, msg));
    Signature sig = Signature.of(Ed25519.sign(seed, msg));
    assertTrue(Ed25519.verify(PublicKey.of(Ed25519.publicKey(seed)), msg, sig));
    assertFalse(Ed25519.verify(PublicKey.of(Ed25519.publicKey(seed(5))), msg, sig));
  }

  @Test
  void sha256KnownAnswers() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Sha256.hash("abc".getBytes(StandardCharsets.US_ASCII)).toHex());
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hash(new byte[0]).toHex());
    // SHA-256d("abc")
    assertEquals("4f8b42c22dd3729b519ba6f68d2da7cc5b2d606d05daed5ad5128cc03e6c6358",
        Sha256.hashTwice("abc".getBytes(StandardCharsets.US_ASCII)).toHex());
    assertArrayEquals(Sha256.digest("abc".getBytes(StandardCharsets.US_ASCII)),
        Sha256.digest("a".getBytes(StandardCharsets.US_ASCII), "bc".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void hashParsingIsStrict() {
    Hash h = Sha256.hash(new byte[0]);
    assertEquals(h, Hash.parse(h.toHex()));
    assertEquals(h, Hash.parse(h.toHex().toUpperCase(java.util.Locale.ROOT)));
    assertEquals("e3b0c442", h.shortHex());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hash.parse(h.toHex().substring(2)));
    assertTrue(e.getMessage().contains("but got 31"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Hash.of(new byte[33]));
  }

  static byte[] seed(int n) {
    return Sha256.digest(("ed25519-test-" + n).getBytes(StandardCharsets.US_ASCII));
  }

  /** Little-endian 32-byte encoding of {@code y} with the sign bit. */
  private static byte[] y(BigInteger y, boolean sign) {
    byte[] out = new byte[32];
    putLe(y, out, 0);
    if (sign) {
      out[31] |= (byte) 0x80;
    }
    return out;
  }

  private static BigInteger le(byte[] b, int off) {
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) {
      be[i] = b[off + 31 - i];
    }
    return new BigInteger(1, be);
  }

  private static void putLe(BigInteger v, byte[] out, int off) {
    for (int i = 0; i < 32; i++) {
      out[off + i] = v.shiftRight(8 * i).byteValue();
    }
  }
}
