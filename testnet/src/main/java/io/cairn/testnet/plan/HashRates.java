package io.cairn.testnet.plan;

import io.cairn.common.model.CompactTarget;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the testnet's initial target and the miners' hash-rate caps so that the whole testnet
 * hashes only a few thousand times per second (a small fraction of one core) and still finds a block
 * every target block time on average.
 *
 * <pre>
 *   hashes per block  H = 2^256 / (target + 1)        (CompactTarget.work)
 *   total cap         R = H / blockTimeSeconds         (hashes per second, all miners together)
 *   per miner         R / miners, rounded up
 * </pre>
 *
 * The target is chosen from the budget R (default {@value #DEFAULT_BUDGET} H/s) as
 * {@code target = 2^256 / (R * blockTimeSeconds) - 1}, then the cap is recomputed from the compact
 * form (which truncates), so that caps and target agree exactly.
 */
public final class HashRates {
  /** Hashes per second for the whole testnet: about 0.2% of one core of SHA-256d. */
  public static final long DEFAULT_BUDGET = 2_000;
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  private HashRates() {}

  /** The compact initial target that makes {@code budget} hashes per second one block per {@code blockTimeMs}. */
  public static int initialBits(long budget, long blockTimeMs) {
    if (budget < 1 || blockTimeMs < 1) {
      throw new IllegalArgumentException("budget and block time must be positive: " + budget + ", " + blockTimeMs);
    }
    BigInteger perBlock = BigInteger.valueOf(budget).multiply(BigInteger.valueOf(blockTimeMs))
        .divide(BigInteger.valueOf(1000)).max(BigInteger.TWO);
    BigInteger target = TWO_256.divide(perBlock).subtract(BigInteger.ONE).min(CompactTarget.POW_LIMIT);
    return CompactTarget.compact(target);
  }

  /** Expected hashes per block at {@code bits}. */
  public static BigInteger hashesPerBlock(int bits) {
    return CompactTarget.work(bits);
  }

  /** The total hash rate (per second, rounded up) that finds one block per {@code blockTimeMs} at {@code bits}. */
  public static long totalCap(int bits, long blockTimeMs) {
    BigInteger[] qr = hashesPerBlock(bits).multiply(BigInteger.valueOf(1000)).divideAndRemainder(BigInteger.valueOf(blockTimeMs));
    return qr[0].add(qr[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE).longValueExact();
  }

  /** {@code total} split over {@code miners} (each rounded up, at least 1). */
  public static List<Long> split(long total, int miners) {
    List<Long> out = new ArrayList<>(miners);
    long each = Math.max(1, (total + miners - 1) / Math.max(1, miners));
    for (int i = 0; i < miners; i++) {
      out.add(each);
    }
    return List.copyOf(out);
  }
}
