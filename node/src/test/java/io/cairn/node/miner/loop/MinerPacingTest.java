package io.cairn.node.miner.loop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.address.Address;
import io.cairn.common.model.Block;
import io.cairn.common.model.CompactTarget;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.miner.TestChain;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * A capped miner keeps the chain's block time: at a cap of 20,000 hashes/s and an initial target
 * needing 4,000 hashes per block on average, blocks come every 200 ms; ASERT (1 s half-life) pulls
 * the schedule back whenever luck or a slow machine pushes it off. The machine only has to reach the
 * cap (a few percent of one core); the assertion is on the blocks' own timestamps.
 */
class MinerPacingTest {
  private static final long TARGET_MS = 200;
  private static final long CAP = 20_000;
  private static final int BLOCKS = 50;

  @Test
  void cappedMeanBlockTimeOverFiftyBlocksIsWithinAQuarterOfTheTarget(TestReporter report) {
    BigInteger target = BigInteger.ONE.shiftLeft(256).divide(BigInteger.valueOf(CAP * TARGET_MS / 1000));
    ChainSpec spec = TestSpecs.withTiming(TestSpecs.easy(), TARGET_MS, CompactTarget.compact(target), 1_000);
    TestChain chain = new TestChain(spec);
    Address miner = TestKey.of(42).address();
    AtomicReference<MinerLoop> ref = new AtomicReference<>();
    MinerLoop loop = new MinerLoop(new MinerLoop.Config(2, CAP, 1_000), now -> chain.template(miner, now), b -> {
      chain.submit(b, System.currentTimeMillis());
      ref.get().tipChanged();
    });
    ref.set(loop);
    long started = System.nanoTime();
    try {
      loop.start();
      await().atMost(Duration.ofSeconds(25)).until(() -> chain.height() >= BLOCKS + 1);
    } finally {
      loop.stop();
    }
    double elapsedSeconds = (System.nanoTime() - started) / 1e9;
    List<Block> blocks = chain.blocks();
    long span = blocks.get(BLOCKS + 1).header().timestampMs() - blocks.get(1).header().timestampMs();
    double mean = span / (double) BLOCKS;
    report.publishEntry("meanBlockMs", String.format("%.1f", mean));
    report.publishEntry("hashesPerSecond", String.format("%.0f", loop.hashes() / elapsedSeconds));
    assertTrue(mean >= TARGET_MS * 0.75 && mean <= TARGET_MS * 1.25,
        "mean block time " + mean + " ms over " + BLOCKS + " blocks; target " + TARGET_MS);
    double allowed = CAP * elapsedSeconds + CAP / 10.0 + 2 * 4096;
    assertTrue(loop.hashes() <= allowed, "hashes " + loop.hashes() + " exceed the cap's " + allowed);
  }
}
