package io.cairn.node.chain;

import io.cairn.common.crypto.Hash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Fork choice: the chain with the most cumulative work among those that can be connected (every
 * block on it VALID or with its body stored and not yet validated, none INVALID). On equal work the
 * current tip stays; among other chains of equal work the block seen first (lowest {@code seq})
 * wins. The result is a {@link ReorgPlan} the store carries out; when a block of it fails to
 * connect, the store marks it INVALID and asks again.
 */
public final class ForkChoice {
  private static final Comparator<BlockIndexEntry> MOST_WORK_FIRST =
      Comparator.comparing(BlockIndexEntry::cumulativeWork).reversed().thenComparingLong(BlockIndexEntry::seq);

  private ForkChoice() {}

  /** The plan from {@code currentTip} (connected, so VALID) to the best connectable chain. */
  public static ReorgPlan plan(BlockIndex index, Hash currentTip) {
    BlockIndexEntry tip = get(index, currentTip);
    List<BlockIndexEntry> candidates = new ArrayList<>();
    for (BlockIndexEntry c : index.candidates()) {
      if (c.cumulativeWork().compareTo(tip.cumulativeWork()) > 0) {
        candidates.add(c);
      }
    }
    candidates.sort(MOST_WORK_FIRST);
    BlockIndexEntry best = tip;
    List<BlockIndexEntry> bestPath = List.of();
    BlockIndexEntry bestFork = tip;
    for (BlockIndexEntry c : candidates) {
      if (c.cumulativeWork().compareTo(best.cumulativeWork()) < 0) {
        break; // a candidate's usable part never has more work than the candidate itself
      }
      Fork f = fork(index, c, tip);
      List<BlockIndexEntry> usable = usablePrefix(f.sideA());
      if (usable.isEmpty()) {
        continue;
      }
      BlockIndexEntry top = usable.get(usable.size() - 1);
      if (better(top, best, tip)) {
        best = top;
        bestPath = usable;
        bestFork = f.point();
      }
    }
    if (best == tip) {
      return ReorgPlan.stay(tip.hash());
    }
    List<Hash> disconnect = new ArrayList<>();
    for (BlockIndexEntry e : fork(index, bestFork, tip).sideB()) {
      disconnect.add(e.hash());
    }
    List<Hash> connect = new ArrayList<>(bestPath.size());
    for (BlockIndexEntry e : bestPath) {
      connect.add(e.hash());
    }
    return new ReorgPlan(bestFork.hash(), disconnect, connect, best.hash());
  }

  private static boolean better(BlockIndexEntry e, BlockIndexEntry best, BlockIndexEntry tip) {
    int c = e.cumulativeWork().compareTo(best.cumulativeWork());
    return c > 0 || (c == 0 && best != tip && e.seq() < best.seq());
  }

  /**
   * The blocks of {@code sideDown} (top first, ending just above the fork point) that can be
   * connected, returned bottom first: from the fork point up to the first block that is INVALID or
   * has no body.
   */
  static List<BlockIndexEntry> usablePrefix(List<BlockIndexEntry> sideDown) {
    List<BlockIndexEntry> up = new ArrayList<>(sideDown.size());
    for (int i = sideDown.size() - 1; i >= 0; i--) {
      BlockIndexEntry e = sideDown.get(i);
      if (!e.status().connectable()) {
        break;
      }
      up.add(e);
    }
    return up;
  }

  /** The common ancestor of two blocks and the blocks above it on each side (top first). */
  record Fork(BlockIndexEntry point, List<BlockIndexEntry> sideA, List<BlockIndexEntry> sideB) {}

  static Fork fork(BlockIndex index, BlockIndexEntry a, BlockIndexEntry b) {
    List<BlockIndexEntry> sideA = new ArrayList<>();
    List<BlockIndexEntry> sideB = new ArrayList<>();
    while (a.height() > b.height()) {
      sideA.add(a);
      a = parent(index, a);
    }
    while (b.height() > a.height()) {
      sideB.add(b);
      b = parent(index, b);
    }
    while (!a.hash().equals(b.hash())) {
      sideA.add(a);
      sideB.add(b);
      a = parent(index, a);
      b = parent(index, b);
    }
    return new Fork(a, Collections.unmodifiableList(sideA), Collections.unmodifiableList(sideB));
  }

  private static BlockIndexEntry parent(BlockIndex index, BlockIndexEntry e) {
    if (e.height() == 0) {
      throw new IllegalStateException("blocks " + e.hash().toHex() + " share no genesis with the other branch");
    }
    return get(index, e.prevHash());
  }

  private static BlockIndexEntry get(BlockIndex index, Hash hash) {
    Optional<BlockIndexEntry> e = index.entry(hash);
    if (e.isEmpty()) {
      throw new IllegalStateException("block index lacks " + hash.toHex());
    }
    return e.get();
  }
}
