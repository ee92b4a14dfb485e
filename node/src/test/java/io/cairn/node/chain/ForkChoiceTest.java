package io.cairn.node.chain;

import static io.cairn.node.chain.BlockIndexEntry.Status.HAS_BODY;
import static io.cairn.node.chain.BlockIndexEntry.Status.HEADER_ONLY;
import static io.cairn.node.chain.BlockIndexEntry.Status.INVALID;
import static io.cairn.node.chain.BlockIndexEntry.Status.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.CompactTarget;
import io.cairn.node.testing.MemoryBlockIndex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForkChoiceTest {
  static final int EASY = CompactTarget.POW_LIMIT_BITS;
  static final int HARD = 0x1f7fffff; // 256 times the work of EASY

  private final MemoryBlockIndex index = new MemoryBlockIndex();
  private long nonce;
  private final BlockIndexEntry genesis = index.add(header(Hash.ZERO, 0, EASY), VALID);

  /** A fake header (proof of work is not fork choice's business); unique by its nonce. */
  private BlockHeader header(Hash prev, long height, int bits) {
    return new BlockHeader(BlockHeader.VERSION, height, prev, Hash.ZERO, 1_000 + height, bits, nonce++, Address.ZERO);
  }

  private BlockIndexEntry child(BlockIndexEntry parent, int bits, BlockIndexEntry.Status status) {
    return index.add(header(parent.hash(), parent.height() + 1, bits), status);
  }

  /** {@code n} EASY blocks on {@code parent}, all with {@code status}; returns them lowest first. */
  private List<BlockIndexEntry> branch(BlockIndexEntry parent, int n, BlockIndexEntry.Status status) {
    List<BlockIndexEntry> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      parent = child(parent, EASY, status);
      out.add(parent);
    }
    return out;
  }

  private static List<Hash> hashes(List<BlockIndexEntry> entries) {
    List<Hash> out = new ArrayList<>();
    entries.forEach(e -> out.add(e.hash()));
    return out;
  }

  private static List<Hash> reversed(List<BlockIndexEntry> entries) {
    List<Hash> out = hashes(entries);
    java.util.Collections.reverse(out);
    return out;
  }

  @Test
  void staysWhenNothingIsBetter() {
    List<BlockIndexEntry> main = branch(genesis, 3, VALID);
    ReorgPlan p = ForkChoice.plan(index, main.get(2).hash());
    assertTrue(p.isEmpty());
    assertEquals(main.get(2).hash(), p.target());
  }

  @Test
  void extendsTheTipWithBlocksThatHaveBodies() {
    List<BlockIndexEntry> main = branch(genesis, 2, VALID);
    List<BlockIndexEntry> ext = branch(main.get(1), 3, HAS_BODY);
    ReorgPlan p = ForkChoice.plan(index, main.get(1).hash());
    assertEquals(List.of(), p.disconnect());
    assertEquals(hashes(ext), p.connect());
    assertEquals(main.get(1).hash(), p.forkPoint());
    assertFalse(p.isReorg());
  }

  @Test
  void reorganisesToTheChainWithMostWorkNotTheLongest() {
    List<BlockIndexEntry> main = branch(genesis, 5, VALID);
    BlockIndexEntry side1 = child(main.get(0), HARD, HAS_BODY);
    BlockIndexEntry side2 = child(side1, EASY, HAS_BODY);
    ReorgPlan p = ForkChoice.plan(index, main.get(4).hash());
    assertEquals(reversed(main.subList(1, 5)), p.disconnect(), "tip first");
    assertEquals(List.of(side1.hash(), side2.hash()), p.connect(), "fork point first");
    assertEquals(main.get(0).hash(), p.forkPoint());
    assertEquals(side2.hash(), p.target());
    assertTrue(p.isReorg());
  }

  @Test
  void equalWorkKeepsTheCurrentTip() {
    List<BlockIndexEntry> first = branch(genesis, 3, HAS_BODY);
    List<BlockIndexEntry> second = branch(genesis, 3, VALID);
    assertTrue(ForkChoice.plan(index, second.get(2).hash()).isEmpty(), "current tip stays even if seen later");
    assertEquals(first.get(2).hash(), ForkChoice.plan(index, genesis.hash()).target());
  }

  @Test
  void equalWorkAmongOthersPrefersFirstSeen() {
    BlockIndexEntry tip = child(genesis, EASY, VALID);
    List<BlockIndexEntry> a = branch(genesis, 2, HAS_BODY);
    List<BlockIndexEntry> b = branch(genesis, 2, HAS_BODY);
    assertEquals(a.get(1).hash(), ForkChoice.plan(index, tip.hash()).target());
    index.setStatus(a.get(1).hash(), INVALID);
    assertEquals(b.get(1).hash(), ForkChoice.plan(index, tip.hash()).target());
  }

  @Test
  void invalidAncestorExcludesTheBranchAboveIt() {
    List<BlockIndexEntry> main = branch(genesis, 3, VALID);
    List<BlockIndexEntry> side = branch(genesis, 6, HAS_BODY);
    index.setStatus(side.get(1).hash(), INVALID);
    ReorgPlan p = ForkChoice.plan(index, main.get(2).hash());
    assertTrue(p.isEmpty(), "side block 1 alone has less work than the main chain: " + p);

    index.setStatus(side.get(1).hash(), HAS_BODY);
    index.setStatus(side.get(4).hash(), INVALID);
    ReorgPlan q = ForkChoice.plan(index, main.get(2).hash());
    assertEquals(side.get(3).hash(), q.target(), "the valid part below the invalid block still wins");
    assertEquals(hashes(side.subList(0, 4)), q.connect());
  }

  @Test
  void blocksWithoutBodiesCannotBeConnected() {
    BlockIndexEntry tip = child(genesis, EASY, VALID);
    List<BlockIndexEntry> side = branch(genesis, 2, HAS_BODY);
    BlockIndexEntry missing = child(side.get(1), HARD, HEADER_ONLY);
    child(missing, HARD, HAS_BODY);
    ReorgPlan p = ForkChoice.plan(index, tip.hash());
    assertEquals(side.get(1).hash(), p.target());
    assertEquals(List.of(tip.hash()), p.disconnect());
  }

  @Test
  void unknownTipIsACallerBug() {
    assertThrows(IllegalStateException.class, () -> ForkChoice.plan(index, Hash.ZERO));
  }

  @Test
  void workAddsUp() {
    BlockIndexEntry b1 = child(genesis, HARD, VALID);
    assertEquals(CompactTarget.work(EASY).add(CompactTarget.work(HARD)), b1.cumulativeWork());
    assertEquals(ChainWork.cumulative(genesis.cumulativeWork(), b1.header()), b1.cumulativeWork());
  }
}
