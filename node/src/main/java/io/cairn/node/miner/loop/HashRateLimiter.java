package io.cairn.node.miner.loop;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A token bucket of hashes shared by all mining threads: tokens accrue at {@code hashesPerSecond}
 * up to a tenth of a second's worth; a thread takes a chunk before hashing it and parks while the
 * bucket is short. A capped miner therefore spends its time parked, not spinning.
 */
final class HashRateLimiter {
  private static final long MAX_PARK_NANOS = 20_000_000L;
  private final long hashesPerSecond;
  private final double capacity;
  private final LongSupplier nanoClock;
  private double tokens;
  private long last;

  HashRateLimiter(long hashesPerSecond, LongSupplier nanoClock) {
    if (hashesPerSecond < 1) {
      throw new IllegalArgumentException("hashesPerSecond must be positive: " + hashesPerSecond);
    }
    this.hashesPerSecond = hashesPerSecond;
    this.capacity = Math.max(chunk(), hashesPerSecond / 10.0);
    this.nanoClock = nanoClock;
    this.last = nanoClock.getAsLong();
  }

  /** Hashes per acquisition: about 1/50 s of work, between 1 and 4096. */
  long chunk() {
    return Math.max(1, Math.min(4096, hashesPerSecond / 50));
  }

  /**
   * Takes {@code n} tokens, parking until they have accrued; gives up (false) as soon as
   * {@code keepGoing} turns false.
   */
  boolean acquire(long n, BooleanSupplier keepGoing) {
    while (true) {
      long waitNanos;
      synchronized (this) {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * (hashesPerSecond / 1e9));
        last = now;
        if (tokens >= n) {
          tokens -= n;
          return true;
        }
        waitNanos = (long) Math.ceil((n - tokens) * 1e9 / hashesPerSecond);
      }
      if (!keepGoing.getAsBoolean()) {
        return false;
      }
      LockSupport.parkNanos(Math.min(waitNanos, MAX_PARK_NANOS));
    }
  }
}
