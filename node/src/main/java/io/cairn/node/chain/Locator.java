package io.cairn.node.chain;

import io.cairn.common.crypto.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Block locators: hashes of the main chain at exponentially spaced heights (the tip and the 9
 * blocks below it, then steps doubling), always ending with genesis, so that a peer can find the
 * last block both chains share in one round trip.
 */
public final class Locator {
  /** Dense entries at the top before the step starts doubling. */
  public static final int DENSE = 10;

  private Locator() {}

  /** Heights of a locator for a chain whose tip is at {@code tipHeight}, highest first, ending at 0. */
  public static List<Long> heights(long tipHeight) {
    if (tipHeight < 0) {
      throw new IllegalArgumentException("tip height must not be negative");
    }
    List<Long> out = new ArrayList<>();
    long step = 1;
    long h = tipHeight;
    while (h > 0) {
      out.add(h);
      if (out.size() >= DENSE) {
        step *= 2;
      }
      h -= step;
    }
    out.add(0L);
    return out;
  }

  /** The locator hashes, given the main chain's hash at each height. */
  public static List<Hash> build(long tipHeight, LongFunction<Hash> hashAtHeight) {
    List<Long> heights = heights(tipHeight);
    List<Hash> out = new ArrayList<>(heights.size());
    for (long h : heights) {
      out.add(hashAtHeight.apply(h));
    }
    return out;
  }
}
