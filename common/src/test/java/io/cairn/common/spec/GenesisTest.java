package io.cairn.common.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.testing.Fixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GenesisTest {
  private final ChainSpec s = Fixtures.spec();

  @Test
  void genesisShape() {
    Block g = Genesis.block(s);
    assertEquals(0, g.height());
    assertEquals(Hash.ZERO, g.header().prevHash());
    assertEquals(s.commitment(), g.header().merkleRoot());
    assertEquals(s.genesisTimestampMs(), g.header().timestampMs());
    assertEquals(s.initialBits(), g.header().bits());
    assertEquals(0, g.header().nonce());
    assertEquals(Address.ZERO, g.header().miner());
    assertEquals(List.of(), g.transactions());
    assertEquals(g.hash(), Genesis.hash(s));
    assertEquals(Amount.ofCrn(10_000), s.totalAllocated());
  }

  @Test
  void deterministicAcrossParsesAndInstances() {
    ChainSpec copy = ChainSpecJson.parse(ChainSpecJson.toJson(s));
    assertEquals(Genesis.hash(s), Genesis.hash(copy));
    assertEquals(Genesis.hash(ChainSpecJson.builtIn("testnet")), Genesis.hash(ChainSpecJson.builtIn("testnet")));
  }

  @Test
  void everyFieldChangesTheGenesisHash() {
    List<ChainSpec.Allocation> allocs = s.allocations();
    List<ChainSpec.Allocation> reordered = new ArrayList<>(allocs);
    reordered.add(0, reordered.remove(1));
    List<ChainSpec.Allocation> moreFunds = new ArrayList<>(allocs);
    moreFunds.set(0, new ChainSpec.Allocation(allocs.get(0).address(), allocs.get(0).amount().plus(Amount.ofUnits(1))));
    List<ChainSpec.Allocation> otherOwner = new ArrayList<>(allocs);
    otherOwner.set(0, new ChainSpec.Allocation(Fixtures.address(99), allocs.get(0).amount()));
    List<ChainSpec> variants = List.of(
        s,
        with(s, "network", "fixture2"),
        new ChainSpec(s.network(), "tcairnx", s.targetBlockTimeMs(), s.initialBits(), s.asertHalfLifeMs(), s.maxBlockSize(), s.blockReward(), s.minFee(), s.genesisTimestampMs(), s.dev(), allocs),
        new ChainSpec(s.network(), s.addressPrefix(), s.targetBlockTimeMs() + 1, s.initialBits(), s.asertHalfLifeMs(), s.maxBlockSize(), s.blockReward(), s.minFee(), s.genesisTimestampMs(), s.dev(), allocs),
        new ChainSpec(s.network(), s.addressPrefix(), s.targetBlockTimeMs(), 0x1f0fffff, s.asertHalfLifeMs(), s.maxBlockSize(), s.blockReward(), s.minFee(), s.genesisTimestampMs(), s.dev(), allocs),
        new ChainSpec(s.network(), s.addressPrefix(), s.targetBlockTimeMs(), s.initialBits(), s.asertHalfLifeMs() + 1, s.maxBlockSize(), s.blockReward(), s.minFee(), s.genesisTimestampMs(), s.dev(), allocs),
        new ChainSpec(s.network(), s.addressPrefix(), s.targetBlockTimeMs(), s.initialBits(), s.asertHalfLifeMs(), s.maxBlockSize() - 1, s.blockReward(), s.minFee(), s.genesisTimestampMs(), s.dev(), allocs),
        new ChainSpec(s.network(), s.addressPrefix(), s.targetBlockTimeMs(), s.initialBits(), s.asertHalfLifeMs(), s.maxBlockSize(), s.blockReward().plus(Amount.ofUnits(1)), s.minFee(), s.genesisTimestampMs(), s.dev(), allocs),
        new ChainSpec(s.network(), s.addressPrefix(), s.targetBlockTimeMs(), s.initialBits(), s.asertHalfLifeMs(), s.maxBlockSize(), s.blockReward(), s.minFee().plus(Amount.ofUnits(1)), s.genesisTimestampMs(), s.dev(), allocs),
        new ChainSpec(s.network(), s.addressPrefix(), s.targetBlockTimeMs(), s.initialBits(), s.asertHalfLifeMs(), s.maxBlockSize(), s.blockReward(), s.minFee(), s.genesisTimestampMs() + 1, s.dev(), allocs),
        new ChainSpec(s.network(), s.addressPrefix(), s.targetBlockTimeMs(), s.initialBits(), s.asertHalfLifeMs(), s.maxBlockSize(), s.blockReward(), s.minFee(), s.genesisTimestampMs(), !s.dev(), allocs),
        new ChainSpec(s.network(), s.addressPrefix(), s.targetBlockTimeMs(), s.initialBits(), s.asertHalfLifeMs(), s.maxBlockSize(), s.blockReward(), s.minFee(), s.genesisTimestampMs(), s.dev(), reordered),
        new ChainSpec(s.network(), s.addressPrefix(), s.targetBlockTimeMs(), s.initialBits(), s.asertHalfLifeMs(), s.maxBlockSize(), s.blockReward(), s.minFee(), s.genesisTimestampMs(), s.dev(), moreFunds),
        new ChainSpec(s.network(), s.addressPrefix(), s.targetBlockTimeMs(), s.initialBits(), s.asertHalfLifeMs(), s.maxBlockSize(), s.blockReward(), s.minFee(), s.genesisTimestampMs(), s.dev(), otherOwner),
        new ChainSpec(s.network(), s.addressPrefix(), s.targetBlockTimeMs(), s.initialBits(), s.asertHalfLifeMs(), s.maxBlockSize(), s.blockReward(), s.minFee(), s.genesisTimestampMs(), s.dev(), allocs.subList(0, 9)));
    Set<Hash> hashes = new HashSet<>();
    for (ChainSpec v : variants) {
      hashes.add(Genesis.hash(v));
    }
    assertEquals(variants.size(), hashes.size(), "each variant must have its own genesis hash");
    assertEquals(15, variants.size());
  }

  @Test
  void specValidationIsACallerBugOutsideJson() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> with(s, "network", " "));
    assertTrue(e.getMessage().contains("network"), e.getMessage());
  }

  private static ChainSpec with(ChainSpec s, String field, String network) {
    return new ChainSpec(network, s.addressPrefix(), s.targetBlockTimeMs(), s.initialBits(), s.asertHalfLifeMs(), s.maxBlockSize(),
        s.blockReward(), s.minFee(), s.genesisTimestampMs(), s.dev(), s.allocations());
  }
}
