package io.cairn.node.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.state.ApplyResult;
import io.cairn.node.testing.BlockDraft;
import io.cairn.node.testing.ChainBuilder;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockRulesTest {
  private final ChainBuilder chain = ChainBuilder.create();
  private final ChainSpec spec = chain.spec();
  private final Hash g = chain.genesisHash();

  private ApplyResult validate(ChainBuilder c, Block b) {
    return BlockRules.validate(b, c, c.state(b.header().prevHash()), c.spec(), c.genesisHash(), SignatureCheck.DIRECT,
        b.header().timestampMs());
  }

  private static ApplyResult.Failed failed(ApplyResult r) {
    return assertInstanceOf(ApplyResult.Failed.class, r, () -> r.toString());
  }

  private BlockDraft withTransfers(int n) {
    BlockDraft d = chain.on(g);
    for (int i = 0; i < n; i++) {
      d.transfer(i % 3, TestKey.of(40 + i).address(), Amount.ofCrn(1));
    }
    return d;
  }

  @Test
  void genesisMustMatchTheSpec() {
    assertEquals(Optional.empty(), BlockRules.checkGenesis(chain.genesis(), spec));
    ChainSpec other = TestSpecs.withAllocations(2, Amount.ofCrn(1));
    assertEquals(Reason.BAD_GENESIS, BlockRules.checkGenesis(io.cairn.common.spec.Genesis.block(other), spec)
        .orElseThrow().reason());
    assertEquals(Reason.BAD_GENESIS, BlockRules.checkGenesis(chain.next(g), spec).orElseThrow().reason());
  }

  @Test
  void validBlockApplies() {
    Block b = withTransfers(5).mine();
    ApplyResult.Applied a = assertInstanceOf(ApplyResult.Applied.class, validate(chain, b));
    assertEquals(Amount.ofUnits(5 * spec.minFee().units()), a.fees());
    assertEquals(Optional.empty(), BlockRules.checkBody(b, spec));
  }

  @Test
  void headerRulesComeFirst() {
    Block b = withTransfers(2).height(5).mine();
    ApplyResult.Failed f = failed(validate(chain, b));
    assertEquals(Reason.BAD_HEIGHT, f.rejected().reason());
    assertEquals(-1, f.txIndex());
  }

  @Test
  void blockOverTheSizeLimit() {
    ChainBuilder small = ChainBuilder.create(TestSpecs.withMaxBlockSize(TestSpecs.easy(), 1_000));
    BlockDraft d = small.on(small.genesisHash());
    for (int i = 0; i < 6; i++) {
      d.transfer(0, TestKey.of(50).address(), Amount.ofCrn(1));
    }
    Block b = d.mine();
    assertTrue(b.encodedLength() > 1_000);
    assertEquals(Reason.BLOCK_TOO_LARGE, failed(validate(small, b)).rejected().reason());
    BlockDraft fits = small.on(small.genesisHash());
    for (int i = 0; i < 5; i++) {
      fits.transfer(0, TestKey.of(50).address(), Amount.ofCrn(1));
    }
    Block ok = fits.mine();
    assertTrue(ok.encodedLength() <= 1_000);
    assertInstanceOf(ApplyResult.Applied.class, validate(small, ok));
  }

  @Test
  void merkleRootMustMatch() {
    Block b = withTransfers(3).merkleRoot(Hash.ZERO).mine();
    assertEquals(Reason.BAD_MERKLE_ROOT, failed(validate(chain, b)).rejected().reason());
    Block empty = chain.on(g).merkleRoot(chain.genesis().header().merkleRoot()).mine();
    assertEquals(Reason.BAD_MERKLE_ROOT, failed(validate(chain, empty)).rejected().reason());
  }

  @Test
  void sameTransactionTwice() {
    Transaction t = TestKey.of(0).transfer(g, TestKey.of(1).address(), Amount.ofCrn(1), spec.minFee(), 0);
    Block b = chain.on(g).tx(t).tx(t).mine();
    Optional<Rejected> r = BlockRules.checkBody(b, spec);
    assertEquals(Reason.DUPLICATE_TX, r.orElseThrow().reason());
    assertTrue(r.get().detail().startsWith("tx 1 "), r.get().detail());
  }

  @Test
  void firstBadSignatureIsReportedWithItsIndex() {
    Transaction good = TestKey.of(0).transfer(g, TestKey.of(1).address(), Amount.ofCrn(1), spec.minFee(), 0);
    Transaction foreign = TestKey.of(1).transfer(Hash.ZERO, TestKey.of(2).address(), Amount.ofCrn(1), spec.minFee(), 0);
    Block b = chain.on(g).tx(good).tx(foreign).mine();
    ApplyResult.Failed f = failed(validate(chain, b));
    assertEquals(Reason.BAD_SIGNATURE, f.rejected().reason());
    assertEquals(1, f.txIndex());
    assertTrue(f.rejected().detail().contains(foreign.txid().toHex()), f.rejected().detail());
  }

  @Test
  void checkSignaturesAsksTheSeamOncePerTransactionInOrder() {
    Block b = withTransfers(4).mine();
    List<Hash> asked = new ArrayList<>();
    SignatureCheck cached = (tx, genesis) -> {
      asked.add(tx.txid());
      return true;
    };
    assertEquals(Optional.empty(), BlockRules.checkSignatures(b.transactions(), g, cached));
    assertEquals(b.txids(), asked);
    Hash third = b.txids().get(2);
    Optional<Rejected> r = BlockRules.checkSignatures(b.transactions(), g, (tx, genesis) -> !tx.txid().equals(third));
    assertEquals(Reason.BAD_SIGNATURE, r.orElseThrow().reason());
    assertTrue(r.get().detail().startsWith("tx 2 (" + third.toHex() + ")"), r.get().detail());
  }

  @Test
  void preVerifiedSignaturesAreNotVerifiedAgain() {
    Transaction foreign = TestKey.of(1).transfer(Hash.ZERO, TestKey.of(2).address(), Amount.ofCrn(1), spec.minFee(), 0);
    Block b = chain.on(g).tx(foreign).mine();
    ApplyResult r = BlockRules.validate(b, chain, chain.state(g), spec, g, (tx, genesis) -> true, Long.MAX_VALUE);
    assertInstanceOf(ApplyResult.Applied.class, r, "a check that says yes is trusted");
  }

  @Test
  void transactionsAreValidatedInOrder() {
    TestKey k = TestKey.of(0);
    Transaction t0 = k.transfer(g, TestKey.of(1).address(), Amount.ofCrn(1), spec.minFee(), 0);
    Transaction t0again = k.transfer(g, TestKey.of(2).address(), Amount.ofCrn(1), spec.minFee(), 0);
    Block b = chain.on(g).tx(t0).tx(t0again).mine();
    ApplyResult.Failed f = failed(validate(chain, b));
    assertEquals(Reason.NONCE_TOO_LOW, f.rejected().reason());
    assertEquals(1, f.txIndex());
    assertTrue(f.rejected().detail().contains("tx 1 (" + t0again.txid().toHex() + ")"), f.rejected().detail());

    Transaction t1 = k.transfer(g, TestKey.of(2).address(), Amount.ofCrn(1), spec.minFee(), 1);
    Block swapped = chain.on(g).tx(t1).tx(t0).mine();
    ApplyResult.Failed s = failed(validate(chain, swapped));
    assertEquals(Reason.NONCE_TOO_HIGH, s.rejected().reason());
    assertEquals(0, s.txIndex());
  }

  @Test
  void statelessBodyRulesApplyInsideBlocks() {
    Transaction lowFee = TestKey.of(0).transfer(g, TestKey.of(1).address(), Amount.ofCrn(1), Amount.ofUnits(1), 0);
    assertEquals(Reason.FEE_TOO_LOW, failed(validate(chain, chain.on(g).tx(lowFee).mine())).rejected().reason());
    Transaction zero = TestKey.of(0).transfer(g, TestKey.of(1).address(), Amount.ZERO, spec.minFee(), 0);
    assertEquals(Reason.ZERO_AMOUNT, failed(validate(chain, chain.on(g).tx(zero).mine())).rejected().reason());
    Transaction broke = TestKey.of(30).transfer(g, TestKey.of(1).address(), Amount.ofCrn(1), spec.minFee(), 0);
    assertEquals(Reason.INSUFFICIENT_FUNDS, failed(validate(chain, chain.on(g).tx(broke).mine())).rejected().reason());
  }
}
