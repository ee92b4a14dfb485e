package io.cairn.node.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.CompactTarget;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.testing.TestSpecs;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class AsertTest {
  static final int BITS = 0x1c0fffff;
  static final long T = 2_000;
  static final long HALF_LIFE = 3_600_000;
  private final ChainSpec spec = TestSpecs.withTiming(TestSpecs.easy(), T, BITS, HALF_LIFE);
  private final BlockHeader anchor = header(1, TestSpecs.GENESIS_TIME_MS, BITS);

  private static BlockHeader header(long height, long ts, int bits) {
    return new BlockHeader(BlockHeader.VERSION, height, Hash.ZERO, Hash.ZERO, ts, bits, 0, Address.ZERO);
  }

  /** Next target when the parent at {@code height} is {@code offsetMs} off schedule (+ = late). */
  private BigInteger next(long height, long offsetMs) {
    BlockHeader parent = header(height, anchor.timestampMs() + T * (height - 1) + offsetMs, BITS);
    return CompactTarget.expand(Asert.next(spec, parent, anchor));
  }

  private static double ratio(BigInteger a, BigInteger b) {
    return new BigDecimal(a).divide(new BigDecimal(b), MathContext.DECIMAL64).doubleValue();
  }

  @Test
  void childOfGenesisCarriesInitialBits() {
    assertEquals(BITS, Asert.next(spec, header(0, 5, 0x207fffff), header(0, 5, 0x207fffff)));
  }

  @Test
  void onScheduleKeepsTheTarget() {
    assertEquals(BITS, Asert.next(spec, anchor, anchor));
    for (long h : new long[] {2, 3, 100, 1_000_000}) {
      assertEquals(CompactTarget.expand(BITS), next(h, 0), "height " + h);
    }
  }

  @Test
  void aheadOfScheduleIsHarderBehindIsEasier() {
    BigInteger base = CompactTarget.expand(BITS);
    assertTrue(next(50, -60_000).compareTo(base) < 0);
    assertTrue(next(50, 60_000).compareTo(base) > 0);
    assertTrue(next(50, -120_000).compareTo(next(50, -60_000)) < 0);
  }

  @Test
  void oneHalfLifeBehindDoublesOneAheadHalves() {
    BigInteger base = CompactTarget.expand(BITS);
    assertEquals(2.0, ratio(next(500, HALF_LIFE), base), 1e-4);
    assertEquals(0.5, ratio(next(500, -HALF_LIFE), base), 1e-4);
    assertEquals(4.0, ratio(next(500, 2 * HALF_LIFE), base), 1e-4);
    assertEquals(Math.sqrt(2), ratio(next(500, HALF_LIFE / 2), base), 2.5e-4);
  }

  /** Error budget: 0.013% from the cubic approximation, 2^-15 from compact truncation, 2^-16 from flooring. */
  @Property(tries = 200)
  void tracksTwoToThePowerOfTheScheduleOffset(@ForAll @LongRange(min = -20 * 3_600_000L, max = 20 * 3_600_000L) long offset) {
    double expected = Math.pow(2, (double) offset / HALF_LIFE);
    double got = ratio(next(1_000, offset), CompactTarget.expand(BITS));
    assertEquals(1.0, got / expected, 2.5e-4, "offset " + offset);
  }

  @Test
  void clampsToThePowLimitAndToOne() {
    assertEquals(CompactTarget.POW_LIMIT_BITS, CompactTarget.compact(next(10, 100 * HALF_LIFE)));
    BlockHeader parent = header(2, Long.MAX_VALUE, BITS);
    assertEquals(CompactTarget.POW_LIMIT_BITS, Asert.next(spec, parent, header(1, 0, BITS)));
    assertEquals(BigInteger.ONE, CompactTarget.expand(Asert.next(spec, header(1_000_000_000L, 0, BITS),
        header(1, 0, BITS))));
    assertEquals(BigInteger.ONE, Asert.target(CompactTarget.expand(BITS), BigInteger.valueOf(-65536L * 10_000)));
  }

  @Test
  void exponentIsFlooredTowardsHarder() {
    // One millisecond early gives exponent floor(-65536/3600000) = -1: a hair harder, never equal rounding up.
    BigInteger justEarly = Asert.target(CompactTarget.expand(BITS), BigInteger.valueOf(-1));
    assertTrue(justEarly.compareTo(CompactTarget.expand(BITS)) < 0);
    BlockHeader parent = header(5, anchor.timestampMs() + 4 * T - 1, BITS);
    assertTrue(CompactTarget.expand(Asert.next(spec, parent, anchor)).compareTo(CompactTarget.expand(BITS)) < 0);
  }

  @Test
  void wrongAnchorIsACallerBug() {
    assertThrows(IllegalArgumentException.class, () -> Asert.next(spec, header(5, 0, BITS), header(2, 0, BITS)));
  }
}
