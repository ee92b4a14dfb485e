package io.cairn.node.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.BlockHeader;
import io.cairn.node.chain.BlockIndexEntry.Status;
import io.cairn.node.testing.MemoryBlockIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Fork choice on random block trees agrees with a brute-force reading of the rule. */
class ForkChoicePropertiesTest {
  private static final int[] BITS = {0x207fffff, 0x203fffff, 0x1f7fffff};
  private static final Status[] STATUSES = {Status.HAS_BODY, Status.HAS_BODY, Status.VALID, Status.HEADER_ONLY, Status.INVALID};

  @Property(tries = 300)
  void picksTheConnectableChainWithMostWorkKeepingTipOnTies(@ForAll long seed) {
    Random rnd = new Random(seed);
    MemoryBlockIndex index = new MemoryBlockIndex();
    List<BlockIndexEntry> all = new ArrayList<>();
    all.add(index.add(header(Hash.ZERO, 0, BITS[0], 0), Status.VALID));
    // The current chain: VALID from genesis.
    int mainLength = rnd.nextInt(6);
    BlockIndexEntry tip = all.get(0);
    for (int i = 0; i < mainLength; i++) {
      tip = index.add(header(tip.hash(), tip.height() + 1, BITS[rnd.nextInt(BITS.length)], all.size()), Status.VALID);
      all.add(tip);
    }
    int extra = rnd.nextInt(25);
    for (int i = 0; i < extra; i++) {
      BlockIndexEntry parent = all.get(rnd.nextInt(all.size()));
      Status s = STATUSES[rnd.nextInt(STATUSES.length)];
      all.add(index.add(header(parent.hash(), parent.height() + 1, BITS[rnd.nextInt(BITS.length)], all.size()), s));
    }
    // Brute force: every block whose whole path to genesis can be connected, most work, tip on ties.
    Map<Hash, BlockIndexEntry> byHash = new HashMap<>();
    for (BlockIndexEntry e : all) {
      byHash.put(e.hash(), index.entry(e.hash()).orElseThrow());
    }
    BlockIndexEntry expected = tip;
    for (BlockIndexEntry e : byHash.values()) {
      if (!connectablePath(e, byHash)) {
        continue;
      }
      int c = e.cumulativeWork().compareTo(expected.cumulativeWork());
      if (c > 0 || (c == 0 && expected != tip && e.seq() < expected.seq())) {
        expected = e;
      }
    }
    ReorgPlan plan = ForkChoice.plan(index, tip.hash());
    assertEquals(expected.hash(), plan.target());
    // Carrying the plan out walks from the tip to the target one parent link at a time.
    Hash at = tip.hash();
    for (Hash h : plan.disconnect()) {
      assertEquals(at, h);
      at = byHash.get(h).prevHash();
    }
    assertEquals(plan.forkPoint(), at);
    for (Hash h : plan.connect()) {
      assertEquals(at, byHash.get(h).prevHash());
      at = h;
    }
    assertEquals(plan.target(), at);
  }

  private static boolean connectablePath(BlockIndexEntry e, Map<Hash, BlockIndexEntry> byHash) {
    while (true) {
      if (!e.status().connectable()) {
        return false;
      }
      if (e.height() == 0) {
        return true;
      }
      e = byHash.get(e.prevHash());
    }
  }

  private static BlockHeader header(Hash prev, long height, int bits, long n) {
    return new BlockHeader(BlockHeader.VERSION, height, prev, Hash.ZERO, 1_000 + height, bits, n, Address.ZERO);
  }

}
