package io.cairn.node.mempool.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Signature;
import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.node.consensus.BlockRules;
import io.cairn.node.store.ChainEngine;
import io.cairn.node.store.ChainStore;
import io.cairn.node.store.ImportResult;
import io.cairn.node.testing.ChainBuilder;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TxVerifierTest {
  private static final Hash GENESIS = Hash.of(new byte[32]);
  private static final Hash OTHER = Hash.parse("11".repeat(32));

  static Transaction signed(int key, long nonce) {
    return TestKey.of(key).transfer(GENESIS, TestKey.of(99).address(), Amount.ofUnits(5), Amount.ofUnits(1_000), nonce);
  }

  static Transaction forged(Transaction tx) {
    byte[] sig = tx.signature().toArray();
    sig[0] ^= 1;
    return new Transaction(tx.version(), tx.from(), tx.to(), tx.amount(), tx.fee(), tx.nonce(), tx.memo(), Signature.of(sig));
  }

  @Test
  void verifiesABatchInParallelWithResultsInOrder() {
    try (TxVerifier v = new TxVerifier(GENESIS, 3, 100)) {
      List<Transaction> txs = new ArrayList<>();
      boolean[] expected = new boolean[20];
      for (int i = 0; i < 20; i++) {
        Transaction t = signed(i % 4, i);
        expected[i] = i % 3 != 0;
        txs.add(expected[i] ? t : forged(t));
      }
      assertArrayEquals(expected, v.verifyAll(txs));
      assertEquals(20, v.verifiedCount());
      assertEquals(13, v.cachedCount(), "only successes are cached");
      assertArrayEquals(new boolean[0], v.verifyAll(List.of()));
    }
  }

  /** Batches of many: every answer is still the transaction's own, forged ones among good ones. */
  @Test
  void batchVerifiedChunksGiveEachTransactionItsOwnAnswer() {
    try (TxVerifier v = new TxVerifier(GENESIS, 2, 1_000)) {
      List<Transaction> txs = new ArrayList<>();
      boolean[] expected = new boolean[150];
      for (int i = 0; i < expected.length; i++) {
        Transaction t = signed(i % 7, i);
        expected[i] = i != 3 && i != 77 && i != 149;
        txs.add(expected[i] ? t : forged(t));
      }
      assertArrayEquals(expected, v.verifyAll(txs));
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], v.isVerified(txs.get(i).txid()), "cached: " + i);
      }
      List<Transaction> good = txs.stream().filter(t -> v.isVerified(t.txid())).toList();
      try (TxVerifier fresh = new TxVerifier(GENESIS, 2, 1_000)) {
        boolean[] all = fresh.verifyAll(good);
        for (boolean b : all) {
          assertTrue(b);
        }
      }
    }
  }

  @Test
  void batchesAreSplitSoEveryWorkerGetsSomeAndLargeOnesShareTheirDoublings() {
    assertEquals(1, TxVerifier.chunks(1, 2));
    assertEquals(1, TxVerifier.chunks(15, 2));
    assertEquals(2, TxVerifier.chunks(16, 2), "8 each: both cores");
    assertEquals(2, TxVerifier.chunks(30, 2));
    assertEquals(4, TxVerifier.chunks(100, 2), "at least 24 each");
    assertEquals(8, TxVerifier.chunks(500, 2), "at most four per worker");
    assertEquals(4, TxVerifier.chunks(500, 1), "one worker: four chunks");
  }

  /**
   * A block's connect checks its transactions through verifyAll after the pool verified them ahead;
   * those cached answers must not wait in the pool's queue behind the checks of later blocks (a
   * syncing node's connects and checks then took turns on the cores instead of overlapping).
   */
  @Test
  void cachedTransactionsAreAnsweredWithoutWaitingForTheBusyPool() throws Exception {
    java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ThreadFactory gated = r -> {
      Thread t = new Thread(() -> {
        try {
          gate.await();
        } catch (InterruptedException e) {
          return;
        }
        r.run();
      }, "gated-verify");
      t.setDaemon(true);
      return t;
    };
    try (TxVerifier v = new TxVerifier(GENESIS, 1, 100, gated)) {
      Transaction a = signed(1, 0);
      Transaction b = signed(2, 0);
      assertTrue(v.valid(a, GENESIS) && v.valid(b, GENESIS), "verified here and cached");
      java.util.concurrent.CompletableFuture<boolean[]> queued = v.verifyAllAsync(List.of(signed(3, 0)));
      boolean[] cached = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
          java.time.Duration.ofSeconds(20), () -> v.verifyAll(List.of(a, b)), "cached answers waited for the pool");
      assertArrayEquals(new boolean[] {true, true}, cached);
      assertFalse(queued.isDone(), "the pool was held all along");
      gate.countDown();
      assertArrayEquals(new boolean[] {true}, queued.get(30, java.util.concurrent.TimeUnit.SECONDS));
      Transaction c = signed(4, 0);
      assertArrayEquals(new boolean[] {true, false, true, true}, v.verifyAll(List.of(a, forged(c), c, b)),
          "cached and checked answers in input order");
      assertEquals(5, v.verifiedCount(), "a, b, the queued one, c and its forgery: the cached ones not again");
    }
  }

  @Test
  void warmUpVerifiesOnTheWorkersWithoutTouchingCacheOrCounters() throws Exception {
    try (TxVerifier v = new TxVerifier(GENESIS, 3, 100)) {
      v.warmUp(10).get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(0, v.verifiedCount());
      assertEquals(0, v.cachedCount());
      assertEquals(0, v.cacheHits());
      Transaction t = signed(1, 0);
      assertArrayEquals(new boolean[] {true, false}, v.verifyAll(List.of(t, forged(t))));
    }
  }

  @Test
  void aSecondCheckIsACacheHitAndBlockRulesUseIt() {
    try (TxVerifier v = new TxVerifier(GENESIS, 2, 100)) {
      List<Transaction> txs = List.of(signed(1, 0), signed(2, 0), signed(3, 0));
      v.verifyAll(txs);
      long before = v.verifiedCount();
      assertEquals(Optional.empty(), BlockRules.checkSignatures(txs, GENESIS, v));
      assertEquals(before, v.verifiedCount(), "nothing verified twice");
      assertEquals(3, v.cacheHits());
      assertTrue(v.isVerified(txs.get(0).txid()));
      Transaction bad = forged(signed(4, 0));
      assertEquals(Reason.BAD_SIGNATURE, BlockRules.checkSignatures(List.of(bad), GENESIS, v).orElseThrow().reason());
    }
  }

  @Test
  void aBlockWhoseTransactionsPassedTheMempoolIsNotVerifiedAgain() {
    ChainBuilder chain = ChainBuilder.create();
    Block b = chain.on(chain.genesisHash()).transfer(1, TestKey.of(20).address(), Amount.ofCrn(1))
        .transfer(2, TestKey.of(21).address(), Amount.ofCrn(2)).mine();
    ChainStore store = ChainStore.inMemory(chain.spec());
    try (TxVerifier v = new TxVerifier(chain.genesisHash(), 2, 100)) {
      v.verifyAll(b.transactions());
      assertEquals(2, v.verifiedCount());
      ChainEngine engine = ChainEngine.open(store, v);
      ImportResult r = engine.acceptBlock(b, TestSpecs.GENESIS_TIME_MS + 1_000_000);
      assertFalse(r.isRejected(), () -> String.valueOf(r.rejected()));
      assertEquals(b.hash(), engine.head().hash());
      assertEquals(2, v.verifiedCount(), "answered from the cache");
      Block c = chain.on(b).transfer(3, TestKey.of(22).address(), Amount.ofCrn(3)).mine();
      assertFalse(engine.acceptBlock(c, TestSpecs.GENESIS_TIME_MS + 1_000_000).isRejected());
      assertEquals(3, v.verifiedCount(), "a new transaction is verified once, in prepare");
    } finally {
      store.close();
    }
  }

  @Test
  void anotherNetworksGenesisBypassesTheCache() {
    try (TxVerifier v = new TxVerifier(GENESIS, 1, 100)) {
      Transaction t = signed(1, 0);
      assertTrue(v.valid(t, GENESIS));
      assertFalse(v.valid(t, OTHER), "a cached txid must not vouch for another network");
    }
  }

  private static final Hash A = Hash.parse("01".repeat(32));
  private static final Hash B = Hash.parse("02".repeat(32));
  private static final Hash D = Hash.parse("03".repeat(32));
  private static final Hash E = Hash.parse("04".repeat(32));

  @Test
  void theCacheIsBoundedAndForgetsTheOldestFirst() {
    VerifiedCache c = new VerifiedCache(2);
    c.add(A);
    c.add(B);
    c.add(A);
    c.add(D);
    assertFalse(c.contains(A));
    assertTrue(c.contains(B));
    assertTrue(c.contains(D));
    assertEquals(2, c.size());
  }

  @Test
  void aForgottenTxidFreesItsSlotAndTheRingStaysFifo() {
    VerifiedCache c = new VerifiedCache(3);
    c.add(A);
    c.add(B);
    c.add(D);
    c.removeAll(List.of(B));
    c.removeAll(List.of(E)); // unknown: nothing happens
    assertFalse(c.contains(B));
    assertEquals(2, c.size());
    c.add(E); // takes a's slot, the oldest
    assertFalse(c.contains(A));
    assertTrue(c.contains(D) && c.contains(E));
    c.add(B); // the freed slot comes next: nothing else is evicted
    assertTrue(c.contains(B) && c.contains(D) && c.contains(E));
    assertEquals(3, c.size());
  }

  @Test
  void transactionsOfAConnectedBlockAreForgotten() {
    try (TxVerifier v = new TxVerifier(GENESIS, 2, 100)) {
      List<Transaction> txs = List.of(signed(1, 0), signed(2, 0), signed(3, 0));
      v.verifyAll(txs);
      v.forget(txs.subList(0, 2));
      assertEquals(1, v.cachedCount());
      assertFalse(v.isVerified(txs.get(0).txid()));
      assertTrue(v.isVerified(txs.get(2).txid()));
      long before = v.verifiedCount();
      assertArrayEquals(new boolean[] {true, true, true}, v.verifyAll(txs));
      assertEquals(before + 2, v.verifiedCount(), "forgotten ones are verified again");
    }
  }
}
