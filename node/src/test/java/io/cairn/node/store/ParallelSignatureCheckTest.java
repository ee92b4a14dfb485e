package io.cairn.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Signature;
import io.cairn.common.model.Transaction;
import io.cairn.node.testing.TestKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ParallelSignatureCheckTest {
  private static final Hash GENESIS = Hash.of(new byte[32]);

  @Test
  void answersLikeDirectVerificationAndCachesOnlyValidOnes() {
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      txs.add(TestKey.of(i).transfer(GENESIS, TestKey.of(20).address(), Amount.ofUnits(5), Amount.ofUnits(1_000), i));
    }
    Transaction good = txs.get(4);
    byte[] sig = good.signature().toArray();
    sig[0] ^= 1;
    Transaction forged = new Transaction(good.version(), good.from(), good.to(), good.amount(), good.fee(),
        good.nonce(), good.memo(), Signature.of(sig));
    txs.set(4, forged);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      VerifiedTxCache cache = new VerifiedTxCache(100);
      cache.add(txs.get(0).txid());
      ParallelSignatureCheck check = new ParallelSignatureCheck(pool, 3, cache);
      check.prepare(txs, GENESIS);
      assertEquals(8, cache.size());
      assertFalse(cache.contains(forged.txid()));
      for (Transaction tx : txs) {
        assertEquals(tx.verifySignature(GENESIS), check.valid(tx, GENESIS), "tx " + tx.nonce());
      }
      assertTrue(check.valid(good, GENESIS));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void cacheEvictsTheOldestBeyondItsCapacity() {
    VerifiedTxCache cache = new VerifiedTxCache(2);
    Hash a = Hash.of(new byte[32]);
    byte[] b1 = new byte[32];
    b1[0] = 1;
    byte[] b2 = new byte[32];
    b2[0] = 2;
    cache.add(a);
    cache.add(Hash.of(b1));
    cache.add(Hash.of(b2));
    assertEquals(2, cache.size());
    assertFalse(cache.contains(a));
    assertTrue(cache.contains(Hash.of(b2)));
  }
}
