package io.cairn.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Signature;
import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.node.chain.BlockIndexEntry.Status;
import io.cairn.node.consensus.SignatureCheck;
import io.cairn.node.mempool.verify.TxVerifier;
import io.cairn.node.testing.ChainBuilder;
import io.cairn.node.testing.TestKey;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chain engine's behaviour, run against every store implementation (in memory and RocksDB), so
 * the fake cannot drift from the real store. After every step the store must pass
 * {@link StoreChecks#assertConsistent} and its accounts must equal the builder's state at the tip.
 */
abstract class ChainEngineContract {
  static final long NOW = io.cairn.node.testing.TestSpecs.GENESIS_TIME_MS + 1_000_000_000L;

  ChainBuilder chain;
  ChainStore store;
  ChainEngine engine;

  abstract ChainStore newStore(ChainBuilder chain);

  @BeforeEach
  void setUp() {
    chain = ChainBuilder.create();
    store = newStore(chain);
    engine = ChainEngine.open(store, SignatureCheck.DIRECT);
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  ImportResult accept(Block b) {
    return engine.acceptBlock(b, NOW);
  }

  /** Store consistent and at {@code tip} with exactly the builder's state there. */
  void assertAt(Block tip) {
    assertEquals(tip.hash(), engine.head().hash(), "tip");
    assertEquals(tip.height(), engine.head().height());
    assertEquals(tip.hash(), store.tipHash());
    assertEquals(chain.state(tip.hash()), StoreChecks.assertConsistent(store), "accounts at the tip");
  }

  /** A block on {@code parent} with two transfers from funded keys. */
  Block busy(Hash parent, int salt) {
    return chain.on(parent)
        .transfer(salt % 10, TestKey.of(20 + salt % 7).address(), Amount.ofCrn(1 + salt))
        .transfer((salt + 3) % 10, TestKey.of(salt % 10).address(), Amount.ofUnits(12_345 + salt))
        .mine();
  }

  List<Block> busyChain(Hash parent, int n, int salt) {
    List<Block> out = new java.util.ArrayList<>();
    Hash p = parent;
    for (int i = 0; i < n; i++) {
      Block b = busy(p, salt + i);
      out.add(b);
      p = b.hash();
    }
    return out;
  }

  @Test
  void freshStoreIsAtGenesisWithTheAllocations() {
    assertAt(chain.genesis());
    assertEquals(chain.genesisHash(), store.genesisHash());
    assertEquals(Reason.BAD_GENESIS, accept(chain.on(chain.genesisHash()).height(0).mine()).reason());
    assertEquals(ImportResult.Outcome.DUPLICATE, accept(chain.genesis()).outcome());
  }

  @Test
  void connectsBlocksAndIndexesTheirTransactions() {
    List<Block> blocks = busyChain(chain.genesisHash(), 5, 1);
    for (Block b : blocks) {
      ImportResult r = accept(b);
      assertEquals(ImportResult.Outcome.ACCEPTED, r.outcome());
      assertEquals(List.of(b), r.connected());
      assertAt(b);
    }
    Block third = blocks.get(2);
    Transaction tx = third.transactions().get(1);
    assertEquals(new TxLocation(third.hash(), 3, 1), engine.txLocation(tx.txid()).orElseThrow());
    assertEquals(third, engine.blockAt(3).orElseThrow());
    assertEquals(third.header(), engine.headerAt(3).orElseThrow());
    assertEquals(ImportResult.Outcome.DUPLICATE, accept(third).outcome());
  }

  @Test
  void historyListsAnAddressNewestFirstInPages() {
    TestKey k = TestKey.of(0);
    Hash p = chain.genesisHash();
    for (int i = 0; i < 5; i++) {
      Block b = chain.on(p).transfer(0, TestKey.of(30).address(), Amount.ofCrn(1))
          .transfer(0, TestKey.of(31).address(), Amount.ofCrn(1)).mine();
      accept(b);
      p = b.hash();
    }
    List<HistoryEntry> all = engine.history(k.address(), 100, null);
    assertEquals(10, all.size());
    assertEquals(5, all.get(0).height());
    assertEquals(1, all.get(0).position());
    assertEquals(1, all.get(9).height());
    List<HistoryEntry> page1 = engine.history(k.address(), 3, null);
    List<HistoryEntry> page2 = engine.history(k.address(), 3, page1.get(2));
    assertEquals(all.subList(0, 3), page1);
    assertEquals(all.subList(3, 6), page2);
    assertEquals(chain.block(p).transactions().get(1).txid(), all.get(0).txid());
    assertEquals(5, engine.history(TestKey.of(30).address(), 100, null).size());
    assertTrue(engine.history(TestKey.of(40).address(), 10, null).isEmpty());
  }

  @Test
  void reorganisesAcrossSeveralBlocksAndBack() {
    List<Block> a = busyChain(chain.genesisHash(), 4, 1);
    a.forEach(this::accept);
    assertAt(a.get(3));
    // A branch from height 1 that overtakes at its 4th block (height 5).
    List<Block> b = busyChain(a.get(0).hash(), 5, 40);
    for (int i = 0; i < 3; i++) {
      assertFalse(accept(b.get(i)).tipChanged(), "less or equal work must not move the tip");
      assertAt(a.get(3));
    }
    ImportResult r = accept(b.get(3));
    assertEquals(List.of(a.get(3), a.get(2), a.get(1)), r.disconnected());
    assertEquals(b.subList(0, 4), r.connected());
    assertAt(b.get(3));
    for (Block gone : a.subList(1, 4)) {
      for (Transaction tx : gone.transactions()) {
        assertTrue(engine.txLocation(tx.txid()).isEmpty(), "tx of a disconnected block still indexed");
      }
    }
    accept(b.get(4));
    assertAt(b.get(4));
    // Back to the first branch once it is heavier again.
    List<Block> a2 = busyChain(a.get(3).hash(), 3, 80);
    accept(a2.get(0));
    accept(a2.get(1));
    assertAt(b.get(4));
    r = accept(a2.get(2));
    assertEquals(5, r.disconnected().size());
    assertEquals(List.of(a.get(1), a.get(2), a.get(3), a2.get(0), a2.get(1), a2.get(2)), r.connected());
    assertAt(a2.get(2));
  }

  @Test
  void extendsTipIsToldBeforeTheConnectAndOnlyForAChildOfTheTipWithMoreWork() {
    List<Block> told = new java.util.ArrayList<>();
    List<Hash> tipWhenTold = new java.util.ArrayList<>();
    java.util.function.Consumer<Block> hook = b -> {
      told.add(b);
      tipWhenTold.add(engine.head().hash());
    };
    List<Block> a = busyChain(chain.genesisHash(), 2, 1);
    assertEquals(ImportResult.Outcome.ACCEPTED, engine.acceptBlock(a.get(0), NOW, hook).outcome());
    assertEquals(List.of(a.get(0)), told);
    assertEquals(List.of(chain.genesisHash()), tipWhenTold, "told before the tip moved");
    assertAt(a.get(0));

    // A sibling with equal work, a duplicate, an orphan and a block with a bad body: not told.
    Block sibling = busy(chain.genesisHash(), 9);
    engine.acceptBlock(sibling, NOW, hook);
    engine.acceptBlock(a.get(0), NOW, hook);
    Block unseen = busy(chain.genesisHash(), 11);
    assertEquals(Reason.UNKNOWN_PARENT, engine.acceptBlock(busy(unseen.hash(), 3), NOW, hook).reason());
    Block mutated = new Block(a.get(1).header(), a.get(1).transactions().subList(0, 1));
    assertEquals(Reason.BAD_MERKLE_ROOT, engine.acceptBlock(mutated, NOW, hook).reason());
    assertEquals(1, told.size());

    // A child of the tip that fails against the state is told (it passed the cheap checks), then refused.
    Block overspend = chain.on(a.get(0)).transfer(TestKey.of(41), TestKey.of(1).address(), Amount.ofCrn(5),
        chain.spec().minFee()).mine();
    ImportResult r = engine.acceptBlock(overspend, NOW, hook);
    assertEquals(ImportResult.Outcome.REJECTED, r.outcome());
    assertEquals(overspend, told.get(1));
    assertAt(a.get(0));
    engine.acceptBlock(a.get(1), NOW, hook);
    assertEquals(a.get(1), told.get(2));
    assertAt(a.get(1));
  }

  @Test
  void onEqualWorkTheFirstSeenChainStays() {
    Block a = busy(chain.genesisHash(), 1);
    Block b = busy(chain.genesisHash(), 2);
    accept(a);
    assertFalse(accept(b).tipChanged());
    assertAt(a);
  }

  @Test
  void invalidBlockDeepInABetterBranchIsMarkedAndTheBestValidChainKept() {
    List<Block> a = busyChain(chain.genesisHash(), 3, 1);
    a.forEach(this::accept);
    List<Block> b = busyChain(chain.genesisHash(), 2, 50);
    // b3 spends more than key 41 has (nothing): insufficient funds.
    Block bad = chain.on(b.get(1)).transfer(TestKey.of(41), TestKey.of(1).address(), Amount.ofCrn(5),
        chain.spec().minFee()).mine();
    List<Block> rest = chain.extend(bad.hash(), 3);
    accept(b.get(0));
    accept(b.get(1));
    accept(bad);
    assertAt(a.get(2));
    ImportResult r = accept(rest.get(0));
    assertEquals(Reason.INVALID_ANCESTOR, r.reason());
    assertTrue(r.disconnected().isEmpty() && r.connected().isEmpty(), "net change must be none: " + r);
    assertAt(a.get(2));
    assertEquals(Status.INVALID, engine.entry(bad.hash()).orElseThrow().status());
    assertEquals(Status.INVALID, engine.entry(rest.get(0).hash()).orElseThrow().status());
    assertEquals(Status.VALID, engine.entry(b.get(1).hash()).orElseThrow().status());
    assertEquals(Reason.INVALID_ANCESTOR, accept(rest.get(1)).reason());
    assertEquals(Reason.INVALID_ANCESTOR, engine.acceptHeader(rest.get(1).header(), NOW).reason());
    assertEquals(Reason.INSUFFICIENT_FUNDS, accept(bad).reason());
    // The valid part of the branch still counts: extending it past the main chain moves there.
    List<Block> b2 = chain.extend(b.get(1).hash(), 2);
    accept(b2.get(0));
    assertAt(a.get(2));
    accept(b2.get(1));
    assertAt(b2.get(1));
  }

  @Test
  void badSignatureIsRejectedAndMarkedInvalid() {
    Transaction good = TestKey.of(0).transfer(chain.genesisHash(), TestKey.of(1).address(), Amount.ofCrn(1),
        chain.spec().minFee(), 0);
    byte[] sig = good.signature().toArray();
    sig[5] ^= 1;
    Transaction forged = new Transaction(good.version(), good.from(), good.to(), good.amount(), good.fee(),
        good.nonce(), good.memo(), Signature.of(sig));
    Block b = chain.on(chain.genesisHash()).tx(forged).mine();
    ImportResult r = accept(b);
    assertEquals(Reason.BAD_SIGNATURE, r.reason());
    assertEquals(Status.INVALID, engine.entry(b.hash()).orElseThrow().status());
    assertAt(chain.genesis());
  }

  @Test
  void orphanIsRefusedWithUnknownParentAndNotKept() {
    List<Block> blocks = chain.extend(chain.genesisHash(), 2);
    ImportResult r = accept(blocks.get(1));
    assertEquals(Reason.UNKNOWN_PARENT, r.reason());
    assertTrue(engine.entry(blocks.get(1).hash()).isEmpty());
    accept(blocks.get(0));
    assertEquals(ImportResult.Outcome.ACCEPTED, accept(blocks.get(1)).outcome());
    assertAt(blocks.get(1));
  }

  @Test
  void headersFirstThenBodiesInAnyOrder() {
    List<Block> blocks = busyChain(chain.genesisHash(), 4, 3);
    for (Block b : blocks) {
      assertEquals(ImportResult.Outcome.ACCEPTED, engine.acceptHeader(b.header(), NOW).outcome());
    }
    assertEquals(ImportResult.Outcome.DUPLICATE, engine.acceptHeader(blocks.get(0).header(), NOW).outcome());
    assertAt(chain.genesis());
    assertFalse(accept(blocks.get(1)).tipChanged(), "no chain to connect without the first body");
    ImportResult r = accept(blocks.get(0));
    assertEquals(blocks.subList(0, 2), r.connected());
    accept(blocks.get(3));
    assertAt(blocks.get(1));
    accept(blocks.get(2));
    assertAt(blocks.get(3));
  }

  @Test
  void headerRulesRejectWithoutStoring() {
    Block badPow = chain.on(chain.genesisHash()).mineBadPow();
    assertEquals(Reason.BAD_POW, engine.acceptHeader(badPow.header(), NOW).reason());
    Block future = chain.on(chain.genesisHash()).timestamp(NOW + 60_000).mine();
    assertEquals(Reason.TIME_TOO_NEW, accept(future).reason());
    assertTrue(engine.entry(future.hash()).isEmpty(), "a block from the future may become valid; not marked");
    Block badTarget = chain.on(chain.genesisHash()).bits(0x1f7fffff).mine();
    assertEquals(Reason.BAD_TARGET, accept(badTarget).reason());
    assertAt(chain.genesis());
  }

  @Test
  void mutatedBodyIsRefusedButTheRealBlockStillAccepted() {
    Block real = busy(chain.genesisHash(), 4);
    Block mutated = new Block(real.header(), real.transactions().subList(0, 1));
    assertEquals(Reason.BAD_MERKLE_ROOT, accept(mutated).reason());
    assertEquals(Status.HEADER_ONLY, engine.entry(real.hash()).orElseThrow().status());
    assertEquals(ImportResult.Outcome.ACCEPTED, accept(real).outcome());
    assertAt(real);
  }

  @Test
  void parallelSignatureCheckConnectsTheSameChain() throws Exception {
    store.close();
    chain = ChainBuilder.create();
    store = newStore(chain);
    try (TxVerifier verifier = new TxVerifier(chain.genesisHash(), 2, 1_000)) {
      engine = ChainEngine.open(store, verifier);
      List<Block> blocks = busyChain(chain.genesisHash(), 3, 7);
      blocks.forEach(this::accept);
      assertAt(blocks.get(2));
      assertEquals(6, verifier.cachedCount());
    }
  }
}
