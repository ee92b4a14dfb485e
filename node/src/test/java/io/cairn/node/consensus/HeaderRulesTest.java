package io.cairn.node.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.CompactTarget;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.testing.BlockDraft;
import io.cairn.node.testing.ChainBuilder;
import io.cairn.node.testing.MemoryHeaders;
import io.cairn.node.testing.TestSpecs;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeaderRulesTest {
  private final ChainBuilder chain = ChainBuilder.create();
  private final ChainSpec spec = chain.spec();
  private static final long FAR_FUTURE = Long.MAX_VALUE;

  private Optional<Rejected> check(BlockHeader h) {
    return HeaderRules.check(h, chain, spec, FAR_FUTURE);
  }

  private static BlockHeader withBits(BlockHeader h, int bits) {
    return new BlockHeader(h.version(), h.height(), h.prevHash(), h.merkleRoot(), h.timestampMs(), bits, h.nonce(), h.miner());
  }

  private static Reason reason(Optional<Rejected> r) {
    assertTrue(r.isPresent(), "expected a rejection");
    return r.get().reason();
  }

  @Test
  void validHeadersPass() {
    for (Block b : chain.extend(chain.genesisHash(), 15)) {
      assertEquals(Optional.empty(), check(b.header()));
      assertEquals(Optional.empty(), HeaderRules.check(b.header(), chain, spec, b.header().timestampMs()));
    }
  }

  @Test
  void hashAboveTargetIsBadPow() {
    Block b = chain.on(chain.genesisHash()).mineBadPow();
    assertEquals(Reason.BAD_POW, reason(check(b.header())));
  }

  @Test
  void invalidOrTooEasyBitsAreBadPow() {
    BlockHeader h = chain.on(chain.genesisHash()).header();
    assertEquals(Reason.BAD_POW, reason(HeaderRules.checkPow(withBits(h, 0))));
    assertEquals(Reason.BAD_POW, reason(HeaderRules.checkPow(withBits(h, 0x20800000))));
    assertEquals(Reason.BAD_POW, reason(HeaderRules.checkPow(withBits(h, 0x21010000))));
  }

  @Test
  void unknownParent() {
    BlockHeader h = chain.on(chain.genesisHash()).mine().header();
    assertEquals(Reason.UNKNOWN_PARENT, reason(HeaderRules.check(h, new MemoryHeaders(), spec, FAR_FUTURE)));
  }

  @Test
  void heightMustBeParentPlusOne() {
    Block b1 = chain.next(chain.genesisHash());
    assertEquals(Reason.BAD_HEIGHT, reason(check(chain.on(b1.hash()).height(3).mine().header())));
    assertEquals(Reason.BAD_HEIGHT, reason(check(chain.on(b1.hash()).height(1).mine().header())));
  }

  @Test
  void firstBlockMustCarryInitialBits() {
    int harder = 0x1f7fffff;
    Block b1 = chain.on(chain.genesisHash()).bits(harder).mine();
    Optional<Rejected> r = check(b1.header());
    assertEquals(Reason.BAD_TARGET, reason(r));
    assertTrue(r.get().detail().contains("207fffff"), r.get().detail());
  }

  @Test
  void targetMustBeTheAsertTarget() {
    Hash b2 = chain.extend(chain.genesisHash(), 2).get(1).hash();
    // Block 3 arrives a half-life early, so block 4 must be harder than the limit.
    Block b3 = chain.on(b2).timeAfterParent(1).mine();
    int required = HeaderRules.requiredBits(b3.header(), chain, spec);
    assertTrue(CompactTarget.expand(required).compareTo(CompactTarget.POW_LIMIT) < 0);
    assertEquals(Optional.empty(), check(chain.on(b3.hash()).mine().header()));
    assertEquals(Reason.BAD_TARGET, reason(check(chain.on(b3.hash()).bits(CompactTarget.POW_LIMIT_BITS).mine().header())));
  }

  @Test
  void asertAnchorIsTheHeightOneBlockOfTheBranch() {
    // Two branches whose block 1 differ in time: the same parent schedule offset gives different targets.
    ChainSpec slow = TestSpecs.withTiming(spec, 2_000, 0x2000ffff, 60_000);
    ChainBuilder c = ChainBuilder.create(slow);
    Block a1 = c.on(c.genesisHash()).mine();
    Block b1 = c.on(c.genesisHash()).timeAfterParent(30_000).mine();
    Block a2 = c.on(a1.hash()).timeAfterParent(30_000).mine();
    Block b2 = c.on(b1.hash()).timeAfterParent(30_000).mine();
    int onA = HeaderRules.requiredBits(a2.header(), c, slow);
    int onB = HeaderRules.requiredBits(b2.header(), c, slow);
    assertEquals(onA, onB, "same offset from each branch's own anchor");
    assertEquals(Asert.next(slow, a2.header(), a1.header()), onA);
    assertTrue(CompactTarget.expand(onA).compareTo(CompactTarget.expand(0x2000ffff)) > 0, "late blocks ease the target");
  }

  @Test
  void timestampMustExceedMedianTimePast() {
    List<Block> blocks = chain.extend(chain.genesisHash(), 12);
    Block tip = blocks.get(11);
    long mtp = HeaderRules.medianTimePast(tip.header(), chain);
    assertEquals(blocks.get(6).header().timestampMs(), mtp, "median of heights 2..12 is height 7");
    assertEquals(Reason.TIME_TOO_OLD, reason(check(chain.on(tip.hash()).timestamp(mtp).mine().header())));
    assertEquals(Optional.empty(), check(chain.on(tip.hash()).timestamp(mtp + 1).mine().header()));
  }

  @Test
  void medianTimePastNearGenesisUsesWhatThereIs() {
    Block g = chain.genesis();
    assertEquals(g.header().timestampMs(), HeaderRules.medianTimePast(g.header(), chain));
    Block b1 = chain.next(chain.genesisHash());
    Block b2 = chain.next(b1.hash());
    assertEquals(b1.header().timestampMs(), HeaderRules.medianTimePast(b2.header(), chain));
    assertEquals(Reason.TIME_TOO_OLD, reason(check(chain.on(chain.genesisHash()).timeAfterParent(0).mine().header())));
  }

  @Test
  void timestampAtMostFifteenSecondsAhead() {
    BlockDraft d = chain.on(chain.genesisHash());
    Block b = d.mine();
    long ts = b.header().timestampMs();
    assertEquals(Optional.empty(), HeaderRules.check(b.header(), chain, spec, ts - 15_000));
    Optional<Rejected> r = HeaderRules.check(b.header(), chain, spec, ts - 15_001);
    assertEquals(Reason.TIME_TOO_NEW, reason(r));
  }

  @Test
  void powIsCheckedBeforeAnythingNeedingAncestors() {
    Block b = chain.on(chain.genesisHash()).height(7).mineBadPow();
    assertEquals(Reason.BAD_POW, reason(HeaderRules.check(b.header(), new MemoryHeaders(), spec, 0)));
  }
}
