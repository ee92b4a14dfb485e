package io.cairn.node.consensus;

import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.CompactTarget;
import io.cairn.common.spec.ChainSpec;
import java.math.BigInteger;

/**
 * The ASERT difficulty adjustment (aserti3-2d style, absolutely scheduled exponential), anchored at
 * the block at height 1 of the branch.
 *
 * <p>Block 1 carries {@code spec.initialBits}. For a block at height h >= 2 with parent P and
 * anchor A (the height-1 ancestor of P):
 *
 * <pre>
 * exponent = floor(((P.ts - A.ts) - T * (P.height - A.height)) * 65536 / halfLife)
 * shifts   = exponent >> 16            (floor)
 * frac     = exponent & 0xffff
 * factor   = 65536 + ((195766423245049*frac + 971821376*frac^2 + 5127*frac^3 + 2^47) >> 48)
 * target   = (anchorTarget * factor) shifted by (shifts - 16), clamped to [1, POW_LIMIT]
 * bits     = compact(target)
 * </pre>
 *
 * T is the spec's target block time and all times are milliseconds. A block every T keeps the
 * target; every half-life ahead of schedule halves it, every half-life behind doubles it. Anchoring
 * at block 1 rather than genesis means that a chain whose genesis timestamp lies far in the past
 * does not start with a run of trivially easy blocks.
 */
public final class Asert {
  /** Height of the anchor block. */
  public static final long ANCHOR_HEIGHT = 1;

  private static final BigInteger C1 = BigInteger.valueOf(195766423245049L);
  private static final BigInteger C2 = BigInteger.valueOf(971821376L);
  private static final BigInteger C3 = BigInteger.valueOf(5127L);
  private static final BigInteger HALF = BigInteger.ONE.shiftLeft(47);
  private static final BigInteger RADIX = BigInteger.valueOf(65536);
  /** Any shift beyond this ends at a clamp anyway; bounds the work on hostile timestamps. */
  private static final int MAX_SHIFT = 600;

  private Asert() {}

  /**
   * Compact target required of the child of {@code parent}.
   *
   * @param anchor the block at height 1 on the parent's branch; ignored when the parent is genesis
   */
  public static int next(ChainSpec spec, BlockHeader parent, BlockHeader anchor) {
    if (parent.height() == 0) {
      return spec.initialBits();
    }
    if (anchor.height() != ANCHOR_HEIGHT || parent.height() < ANCHOR_HEIGHT) {
      throw new IllegalArgumentException("anchor must be the block at height 1, got height " + anchor.height());
    }
    BigInteger timeDiff = BigInteger.valueOf(parent.timestampMs()).subtract(BigInteger.valueOf(anchor.timestampMs()));
    BigInteger scheduled = BigInteger.valueOf(spec.targetBlockTimeMs())
        .multiply(BigInteger.valueOf(parent.height() - anchor.height()));
    BigInteger exponent = floorDiv(timeDiff.subtract(scheduled).multiply(RADIX), BigInteger.valueOf(spec.asertHalfLifeMs()));
    return CompactTarget.compact(target(CompactTarget.expand(anchor.bits()), exponent));
  }

  /** anchorTarget * 2^(exponent / 65536), approximated as aserti3-2d does, clamped to [1, POW_LIMIT]. */
  static BigInteger target(BigInteger anchorTarget, BigInteger exponent) {
    BigInteger shifts = exponent.shiftRight(16);
    long frac = exponent.and(BigInteger.valueOf(0xffff)).longValueExact();
    BigInteger f = BigInteger.valueOf(frac);
    BigInteger poly = C1.multiply(f).add(C2.multiply(f).multiply(f)).add(C3.multiply(f).multiply(f).multiply(f)).add(HALF);
    BigInteger factor = RADIX.add(poly.shiftRight(48));
    BigInteger next = anchorTarget.multiply(factor);
    BigInteger shift = shifts.subtract(BigInteger.valueOf(16));
    if (shift.compareTo(BigInteger.valueOf(MAX_SHIFT)) > 0) {
      return CompactTarget.POW_LIMIT;
    }
    if (shift.compareTo(BigInteger.valueOf(-MAX_SHIFT)) < 0) {
      return BigInteger.ONE;
    }
    int s = shift.intValueExact();
    next = s >= 0 ? next.shiftLeft(s) : next.shiftRight(-s);
    if (next.signum() == 0) {
      return BigInteger.ONE;
    }
    return next.min(CompactTarget.POW_LIMIT);
  }

  private static BigInteger floorDiv(BigInteger n, BigInteger d) {
    BigInteger[] qr = n.divideAndRemainder(d);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }
}
