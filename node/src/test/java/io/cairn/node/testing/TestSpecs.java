package io.cairn.node.testing;

import io.cairn.common.amount.Amount;
import io.cairn.common.model.CompactTarget;
import io.cairn.common.spec.ChainSpec;
import java.util.ArrayList;
import java.util.List;

/** Deterministic chain specs for tests. */
public final class TestSpecs {
  /** 2026-01-01T00:00:00Z. */
  public static final long GENESIS_TIME_MS = 1_767_225_600_000L;
  public static final long BLOCK_TIME_MS = 2_000;
  public static final long HALF_LIFE_MS = 60_000;
  public static final Amount REWARD = Amount.ofCrn(50);
  public static final Amount MIN_FEE = Amount.ofUnits(1_000);
  public static final Amount ALLOCATION = Amount.ofCrn(1_000_000);
  public static final int FUNDED_KEYS = 10;

  private TestSpecs() {}

  /**
   * The easiest target (0x207fffff: about two hashes per block), 2 s blocks, 60 s half-life, 50 CRN
   * reward, min fee 1000, 1 MB blocks, and {@link TestKey}s 0..9 funded with 1,000,000 CRN each.
   */
  public static ChainSpec easy() {
    return withAllocations(FUNDED_KEYS, ALLOCATION);
  }

  /** Like {@link #easy()} with keys {@code 0..count-1} funded with {@code each}. */
  public static ChainSpec withAllocations(int count, Amount each) {
    List<ChainSpec.Allocation> allocs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      allocs.add(new ChainSpec.Allocation(TestKey.of(i).address(), each));
    }
    return new ChainSpec("unit-test", "tcairn", BLOCK_TIME_MS, CompactTarget.POW_LIMIT_BITS, HALF_LIFE_MS,
        1_000_000, REWARD, MIN_FEE, GENESIS_TIME_MS, true, allocs);
  }

  /** {@code spec} with other ASERT parameters. */
  public static ChainSpec withTiming(ChainSpec spec, long blockTimeMs, int initialBits, long halfLifeMs) {
    return new ChainSpec(spec.network(), spec.addressPrefix(), blockTimeMs, initialBits, halfLifeMs,
        spec.maxBlockSize(), spec.blockReward(), spec.minFee(), spec.genesisTimestampMs(), spec.dev(),
        spec.allocations());
  }

  /** {@code spec} with another maximum block size. */
  public static ChainSpec withMaxBlockSize(ChainSpec spec, int maxBlockSize) {
    return new ChainSpec(spec.network(), spec.addressPrefix(), spec.targetBlockTimeMs(), spec.initialBits(),
        spec.asertHalfLifeMs(), maxBlockSize, spec.blockReward(), spec.minFee(), spec.genesisTimestampMs(),
        spec.dev(), spec.allocations());
  }
}
