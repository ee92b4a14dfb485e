package io.cairn.node.state;

import io.cairn.common.address.Address;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Ascending address order ({@link Address#compareTo}) of a block's changed accounts, up to two per
 * transaction (about 13,000 in a full block). Sorted with a comparator, each of the about 170,000
 * comparisons was several calls deep under the node's C1-only JIT: about 0.8 of the state
 * transition's 3.4 us of CPU per transaction ({@code ConnectCost}). Here each address's first six
 * bytes and its position are packed into one {@code long} and the array of those is sorted as
 * primitives; only addresses whose six-byte prefixes tie (for random keys about once in three
 * million full blocks; recipients can be crafted to share one, and a run of those costs what the
 * comparator did) are then compared in full.
 */
final class AddressOrder {
  /** Positions fit in the low 16 bits of the packed key; larger inputs take the comparator. */
  static final int MAX_PACKED = 1 << 16;
  private static final long POSITION_MASK = MAX_PACKED - 1;

  private AddressOrder() {}

  /** The positions of {@code addresses} in ascending address order (equal addresses in input order). */
  static int[] sort(Address[] addresses) {
    int n = addresses.length;
    if (n > MAX_PACKED) {
      int[] order = IntStream.range(0, n).toArray();
      byAddress(order, 0, n, addresses);
      return order;
    }
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      // prefix48 << 16 keeps the unsigned prefix order in the top 48 bits; flipping the sign bit
      // makes Arrays.sort's signed order the unsigned one.
      packed[i] = (addresses[i].key().prefix48() << 16 | i) ^ Long.MIN_VALUE;
    }
    Arrays.sort(packed);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) (packed[i] & POSITION_MASK);
    }
    for (int from = 0; from < n; ) {
      int to = from + 1;
      while (to < n && packed[to] >>> 16 == packed[from] >>> 16) {
        to++;
      }
      if (to - from > 1) {
        byAddress(order, from, to, addresses); // a run of tied prefixes, in position order so far
      }
      from = to;
    }
    return order;
  }

  /**
   * Orders the positions {@code order[from, to)} by their whole addresses; a stable sort, so equal
   * addresses keep the order they had.
   */
  private static void byAddress(int[] order, int from, int to, Address[] addresses) {
    Integer[] run = new Integer[to - from];
    for (int i = from; i < to; i++) {
      run[i - from] = order[i];
    }
    Arrays.sort(run, Comparator.comparing((Integer i) -> addresses[i]));
    for (int i = from; i < to; i++) {
      order[i] = run[i - from];
    }
  }
}
