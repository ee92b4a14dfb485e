package io.cairn.bench;

import io.cairn.common.crypto.Ed25519;
import io.cairn.common.crypto.Ed25519Batch;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Batch against single Ed25519 verification in CPU time of the calling thread, the two alternating
 * round by round in one JVM (so a shared machine's slow and fast phases fall on both alike, which
 * JMH's one-benchmark-after-the-other scores do not give): {@code size} signatures (default 64, the
 * most one batch holds) of distinct keys over 134-byte messages, verified as one {@link Ed25519Batch}
 * and one by one. Prints the median CPU microseconds per signature of each and their ratio. Run it
 * also with {@code -XX:TieredStopAtLevel=1}, the nodes' JIT.
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -cp bench/target/benchmarks.jar io.cairn.bench.VerifyCost [rounds] [size]
 * </pre>
 */
public final class VerifyCost {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  private VerifyCost() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    byte[][][] fixture = Ed25519BatchBench.signed(size);
    byte[][] keys = fixture[0];
    byte[][] messages = fixture[1];
    byte[][] signatures = fixture[2];
    SecureRandom random = new SecureRandom();
    boolean[] ok = new boolean[size];
    double[] batch = new double[rounds];
    double[] single = new double[rounds];
    for (int r = -rounds; r < rounds; r++) { // the first half warms up
      long t0 = MX.getCurrentThreadCpuTime();
      Ed25519Batch.verify(keys, messages, signatures, ok, random::nextBytes);
      long t1 = MX.getCurrentThreadCpuTime();
      for (int i = 0; i < size; i++) {
        ok[i] &= Ed25519.verify(keys[i], messages[i], signatures[i]);
      }
      long t2 = MX.getCurrentThreadCpuTime();
      for (boolean b : ok) {
        if (!b) {
          throw new IllegalStateException("a benchmark signature did not verify");
        }
      }
      if (r >= 0) {
        batch[r] = (t1 - t0) / 1e3 / size;
        single[r] = (t2 - t1) / 1e3 / size;
      }
    }
    Arrays.sort(batch);
    Arrays.sort(single);
    double b = batch[rounds / 2];
    double s = single[rounds / 2];
    System.out.printf("CPU us per signature, median of %d rounds of %d: batch %.1f [%.1f-%.1f], single %.1f [%.1f-%.1f], "
        + "batch %.2fx faster%n", rounds, size, b, batch[0], batch[rounds - 1], s, single[0], single[rounds - 1], s / b);
  }
}
