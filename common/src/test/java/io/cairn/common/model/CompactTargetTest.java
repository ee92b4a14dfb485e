package io.cairn.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.crypto.Hash;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Bitcoin's compact "nBits" semantics (values from Bitcoin Core's arith_uint256 tests). */
class CompactTargetTest {

  @ParameterizedTest
  @CsvSource({
      // bits, expanded target (hex), compact form of that target
      "0x01123456, 12, 0x01120000",
      "0x02123456, 1234, 0x02123400",
      "0x03123456, 123456, 0x03123456",
      "0x04123456, 12345600, 0x04123456",
      "0x05009234, 92340000, 0x05009234",
      "0x20123456, 1234560000000000000000000000000000000000000000000000000000000000, 0x20123456",
      "0x1d00ffff, 00000000ffff0000000000000000000000000000000000000000000000000000, 0x1d00ffff",
      "0x207fffff, 7fffff0000000000000000000000000000000000000000000000000000000000, 0x207fffff"})
  void knownValues(String bitsHex, String targetHex, String compactHex) {
    int bits = (int) Long.parseLong(bitsHex.substring(2), 16);
    BigInteger target = new BigInteger(targetHex, 16);
    assertEquals(target, CompactTarget.expand(bits));
    assertEquals((int) Long.parseLong(compactHex.substring(2), 16), CompactTarget.compact(target));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x00123456", "0x01003456", "0x02000056", "0x04923456", "0x01fedcba", "0xff123456", "0x00000000", "0x23000001"})
  void invalidBitsAreRefused(String bitsHex) {
    int bits = (int) Long.parseLong(bitsHex.substring(2), 16);
    assertEquals(-1, CompactTarget.expandOrInvalid(bits).signum());
    assertThrows(IllegalArgumentException.class, () -> CompactTarget.expand(bits));
  }

  @Test
  void compactUsesTheSignBitRule() {
    // 0x80 in the top mantissa byte would read as negative: the exponent grows instead.
    assertEquals(0x02008000, CompactTarget.compact(BigInteger.valueOf(0x80)));
    assertEquals(0x05009234, CompactTarget.compact(new BigInteger("92340000", 16)));
    assertThrows(IllegalArgumentException.class, () -> CompactTarget.compact(BigInteger.ZERO));
  }

  @Property(tries = 500)
  void compactOfExpandIsIdentityForNormalisedBits(@ForAll @IntRange(min = 3, max = 32) int exponent,
      @ForAll @IntRange(min = 0x8000, max = 0x7fffff) int mantissa) {
    int bits = (exponent << 24) | mantissa;
    BigInteger t = CompactTarget.expandOrInvalid(bits);
    if (t.signum() <= 0) {
      return;
    }
    assertEquals(bits, CompactTarget.compact(t));
    assertTrue(CompactTarget.compact(t.add(BigInteger.ONE)) >= 0);
    assertTrue(CompactTarget.expand(CompactTarget.compact(t.add(BigInteger.ONE))).compareTo(t.add(BigInteger.ONE)) <= 0,
        "compact truncates, never rounds up");
  }

  @Test
  void meetsComparesTheHashAsABigEndianNumber() {
    BigInteger target = CompactTarget.expand(0x1d00ffff);
    byte[] at = new byte[32];
    at[4] = (byte) 0xff;
    at[5] = (byte) 0xff;
    assertTrue(CompactTarget.meets(Hash.of(at), target), "equal to the target");
    byte[] above = at.clone();
    above[31] = 1;
    assertFalse(CompactTarget.meets(Hash.of(above), target));
    assertTrue(CompactTarget.meets(Hash.ZERO, target));
    byte[] ff = new byte[32];
    java.util.Arrays.fill(ff, (byte) 0xff);
    assertFalse(CompactTarget.meets(Hash.of(ff), CompactTarget.POW_LIMIT));
  }

  @Test
  void work() {
    assertEquals(BigInteger.valueOf(0x100010001L), CompactTarget.work(0x1d00ffff));
    assertEquals(BigInteger.TWO, CompactTarget.work(CompactTarget.POW_LIMIT_BITS));
    assertTrue(CompactTarget.work(0x1f0fffff).compareTo(CompactTarget.work(0x207fffff)) > 0, "harder target, more work");
  }
}
