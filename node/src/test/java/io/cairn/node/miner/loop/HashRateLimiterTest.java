package io.cairn.node.miner.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket against a fake clock that the test moves. */
class HashRateLimiterTest {
  private final AtomicLong nanos = new AtomicLong();

  @Test
  void tokensAccrueAtTheRateAndThePoolIsCapped() {
    HashRateLimiter l = new HashRateLimiter(1_000, nanos::get);
    assertEquals(20, l.chunk(), "1/50 s of hashes");
    assertFalse(l.acquire(1, () -> false), "nothing has accrued at the start");
    nanos.addAndGet(20_000_000L);
    assertTrue(l.acquire(20, () -> false), "20 ms at 1000/s is 20 hashes");
    assertFalse(l.acquire(1, () -> false));
    nanos.addAndGet(10_000_000_000L);
    assertTrue(l.acquire(100, () -> false), "at most a tenth of a second's worth is saved up");
    assertFalse(l.acquire(1, () -> false), "and no more than that");
  }

  @Test
  void waitsForTokensWhileAllowed() {
    // Each read of the clock moves it 5 ms, so waiting makes progress without real time mattering.
    HashRateLimiter l = new HashRateLimiter(1_000, () -> nanos.addAndGet(5_000_000L));
    assertTrue(l.acquire(20, () -> true));
    assertTrue(nanos.get() >= 20_000_000L, "20 tokens took at least 20 ms of clock");
  }

  @Test
  void chunkStaysWithinBounds() {
    assertEquals(1, new HashRateLimiter(10, nanos::get).chunk());
    assertEquals(4096, new HashRateLimiter(100_000_000, nanos::get).chunk());
  }
}
