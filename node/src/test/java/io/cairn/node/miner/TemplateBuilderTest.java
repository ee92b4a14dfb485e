package io.cairn.node.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.amount.Amount;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.Merkle;
import io.cairn.common.model.Transaction;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.consensus.BlockRules;
import io.cairn.node.consensus.HeaderRules;
import io.cairn.node.testing.ChainBuilder;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateBuilderTest {
  private static final Amount FEE = TestSpecs.MIN_FEE;

  @Test
  void headerFieldsFollowTheRules() {
    ChainBuilder chain = ChainBuilder.create();
    List<Block> blocks = chain.extend(chain.genesisHash(), 12);
    BlockHeader parent = blocks.get(11).header();
    long mtp = HeaderRules.medianTimePast(parent, chain);
    TestKey k = TestKey.of(1);
    Transaction tx = k.transfer(chain.genesisHash(), TestKey.of(2).address(), Amount.ofCrn(1), Amount.ofUnits(1_500), 0);
    BlockTemplate late = TemplateBuilder.build(chain.spec(), parent, chain, List.of(tx), TestKey.of(7).address(),
        mtp + 10_000);
    BlockHeader h = late.header();
    assertEquals(13, h.height());
    assertEquals(parent.hash(), h.prevHash());
    assertEquals(mtp + 10_000, h.timestampMs(), "the miner's clock when ahead of the median");
    assertEquals(HeaderRules.requiredBits(parent, chain, chain.spec()), h.bits());
    assertEquals(Merkle.root(List.of(tx.txid())), h.merkleRoot());
    assertEquals(TestKey.of(7).address(), h.miner());
    assertEquals(Amount.ofUnits(1_500), late.fees());
    assertEquals(TestSpecs.REWARD.plus(Amount.ofUnits(1_500)), late.minerCredit());
    BlockTemplate early = TemplateBuilder.build(chain.spec(), parent, chain, List.of(), TestKey.of(7).address(), 0);
    assertEquals(mtp + 1, early.header().timestampMs(), "never at or before the median time past");
  }

  @Test
  void fillsFromTheMempoolWithinTheBlockSizeLimit() {
    ChainSpec spec = TestSpecs.withMaxBlockSize(TestSpecs.easy(), 1_000);
    TestChain chain = new TestChain(spec);
    for (int sender = 0; sender < 3; sender++) {
      for (int nonce = 0; nonce < 3; nonce++) {
        Transaction tx = TestKey.of(sender).transfer(chain.genesis, TestKey.of(9).address(), Amount.ofCrn(1),
            Amount.ofUnits(FEE.units() + 10L * sender + nonce), nonce);
        assertTrue(chain.mempool.accept(tx, 0).accepted());
      }
    }
    BlockTemplate t = chain.template(TestKey.of(8).address(), TestSpecs.GENESIS_TIME_MS + 1);
    Block b = t.solved(0);
    assertEquals(5, t.transactions().size(), "(1000 - 126 - 4) / 155 = 5 transactions fit");
    assertTrue(b.encodedLength() <= spec.maxBlockSize());
    assertEquals(List.of(2L, 2L, 2L, 1L, 1L), t.transactions().stream().map(x -> senderIndex(x)).toList(),
        "sender 2 pays most, then sender 1");
    assertEquals(List.of(0L, 1L, 2L, 0L, 1L), t.transactions().stream().map(Transaction::nonce).toList());
    assertEquals(Optional.empty(), BlockRules.checkBody(b, spec));
  }

  @Test
  void refusesTransactionsThatCannotFit() {
    ChainSpec spec = TestSpecs.withMaxBlockSize(TestSpecs.easy(), 1_000);
    ChainBuilder chain = ChainBuilder.create(spec);
    Transaction tx = TestKey.of(1).transfer(chain.genesisHash(), TestKey.of(2).address(), Amount.ofCrn(1), FEE, 0);
    List<Transaction> seven = java.util.Collections.nCopies(7, tx);
    assertThrows(IllegalArgumentException.class, () -> TemplateBuilder.build(spec, chain.genesis().header(), chain,
        seven, TestKey.of(7).address(), 0));
    assertEquals(870, TemplateBuilder.maxTxBytes(spec));
  }

  private static long senderIndex(Transaction tx) {
    for (int i = 0; i < 10; i++) {
      if (TestKey.of(i).publicKey().equals(tx.from())) {
        return i;
      }
    }
    return -1;
  }
}
