package io.cairn.testnet.bench;

import io.cairn.common.crypto.Ed25519;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The machine's limit for the workloads: strict Ed25519 verifications per second (the node's code,
 * {@link Ed25519#verify}, Bouncy Castle) on one thread and on every core, measured in this process.
 */
final class VerifyLimit {
  static final String ONE = "limit.1";
  static final String ALL = "limit.all";

  private VerifyLimit() {}

  /** Verifications per second over {@code millis} on {@code threads} threads (after a warm-up). */
  static double rate(int threads, long millis) {
    byte[] seed = new byte[32];
    seed[0] = 7;
    byte[] pk = Ed25519.publicKey(seed);
    byte[] msg = "cairn-bench: a 134-byte signing message is about this long, so verify one of the same size....."
        .repeat(2).substring(0, 134).getBytes(StandardCharsets.US_ASCII);
    byte[] sig = Ed25519.sign(seed, msg);
    AtomicLong count = new AtomicLong();
    CountDownLatch go = new CountDownLatch(1);
    long[] end = new long[1];
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread th = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        long n = 0;
        while (System.nanoTime() < end[0]) {
          if (!Ed25519.verify(pk, msg, sig)) {
            throw new IllegalStateException("the benchmark signature does not verify");
          }
          n++;
        }
        count.addAndGet(n);
      }, "verify-limit-" + t);
      ts.add(th);
      th.start();
    }
    for (int i = 0; i < 2_000; i++) {
      Ed25519.verify(pk, msg, sig); // warm-up in the calling thread (JIT)
    }
    long start = System.nanoTime();
    end[0] = start + millis * 1_000_000L;
    go.countDown();
    for (Thread th : ts) {
      try {
        th.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    return count.get() * 1e9 / (System.nanoTime() - start);
  }
}
