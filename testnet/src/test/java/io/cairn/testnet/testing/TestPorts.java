package io.cairn.testnet.testing;

import io.cairn.testnet.launcher.PortCheck;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Port ranges for tests that start real testnets on fixed ports. */
public final class TestPorts {
  private TestPorts() {}

  /**
   * A base port in {@code [from, to)} with {@code 2 * nodes} free ports above it, picked at random.
   * Callers keep their ranges apart, away from the defaults (testnet 17420, bench 27420) and below
   * Linux's ephemeral ports (32768 and up), which any client socket may take between this check and
   * a node's bind.
   */
  public static int freeBase(int nodes, int from, int to) {
    SplittableRandom r = new SplittableRandom();
    int slots = (to - from - 2 * nodes) / 2;
    for (int attempt = 0; attempt < 100; attempt++) {
      int b = from + 2 * r.nextInt(slots);
      if (PortCheck.taken(IntStream.range(b, b + 2 * nodes).boxed().toList()).isEmpty()) {
        return b;
      }
    }
    throw new IllegalStateException("no free port range in " + from + "-" + to);
  }
}
