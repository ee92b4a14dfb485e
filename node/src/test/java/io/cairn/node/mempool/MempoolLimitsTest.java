package io.cairn.node.mempool;

import static io.cairn.node.mempool.PoolFixture.addr;
import static io.cairn.node.mempool.PoolFixture.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class MempoolLimitsTest {
  private final PoolFixture f = new PoolFixture();

  MempoolLimitsTest() {
    for (int i = 1; i <= 10; i++) {
      f.fund(i, 1_000_000, 0);
    }
  }

  @Test
  void fullPoolEvictsTheCheapestTailForABetterFee() {
    Mempool pool = f.pool(MempoolConfig.DEFAULT.withMaxCount(3));
    Transaction a0 = tx(1, 0, 1, 50);
    Transaction a1 = tx(1, 1, 1, 5);
    Transaction b0 = tx(2, 0, 1, 20);
    pool.accept(a0, 0);
    pool.accept(a1, 0);
    pool.accept(b0, 0);
    Admission in = pool.accept(tx(3, 0, 1, 21), 0);
    assertTrue(in.accepted());
    assertEquals(List.of(new Removal(a1.txid(), a1, Reason.MEMPOOL_FULL)), in.evicted(),
        "the cheapest tail goes, from the end of its sender's sequence");
    assertEquals(3, pool.size());
    assertEquals(1, pool.pendingNonce(addr(1)));
  }

  @Test
  void aCheapParentIsNotEvictedFromUnderItsChild() {
    Mempool pool = f.pool(MempoolConfig.DEFAULT.withMaxCount(3));
    Transaction a0 = tx(1, 0, 1, 1);
    Transaction a1 = tx(1, 1, 1, 40);
    Transaction b0 = tx(2, 0, 1, 30);
    pool.accept(a0, 0);
    pool.accept(a1, 0);
    pool.accept(b0, 0);
    Admission in = pool.accept(tx(3, 0, 1, 35), 0);
    assertEquals(List.of(b0.txid()), in.evicted().stream().map(Removal::txid).toList(),
        "a0 is cheapest but not a tail; b0 is the cheapest tail");
    assertTrue(pool.contains(a0.txid()));
  }

  @Test
  void evictsDownASequenceWhenSeveralAreNeeded() {
    Mempool pool = f.pool(MempoolConfig.DEFAULT.withMaxBytes(3 * 155 + 10));
    Transaction a0 = tx(1, 0, 1, 3);
    Transaction a1 = tx(1, 1, 1, 2);
    Transaction b0 = tx(2, 0, 1, 10);
    pool.accept(a0, 0);
    pool.accept(a1, 0);
    pool.accept(b0, 0);
    Transaction big = tx(3, 0, 1, 9, "x".repeat(64));
    Admission in = pool.accept(big, 0);
    assertTrue(in.accepted(), () -> String.valueOf(in.rejected()));
    assertEquals(List.of(a1.txid(), a0.txid()), in.evicted().stream().map(Removal::txid).toList());
    assertTrue(pool.bytes() <= pool.config().maxBytes());
  }

  @Test
  void fullPoolRejectsAFeeThatDoesNotBeatTheCheapestEvictable() {
    Mempool pool = f.pool(MempoolConfig.DEFAULT.withMaxCount(2));
    pool.accept(tx(1, 0, 1, 20), 0);
    pool.accept(tx(2, 0, 1, 30), 0);
    Admission equal = pool.accept(tx(3, 0, 1, 20), 0);
    assertEquals(Reason.MEMPOOL_FULL, equal.rejected().reason());
    assertEquals(2, pool.size());
    assertFalse(pool.contains(tx(3, 0, 1, 20).txid()));
  }

  @Test
  void neverEvictsFromTheIncomingSender() {
    Mempool pool = f.pool(MempoolConfig.DEFAULT.withMaxCount(2));
    pool.accept(tx(1, 0, 1, 5), 0);
    pool.accept(tx(2, 0, 1, 50), 0);
    Admission own = pool.accept(tx(1, 1, 1, 10), 0);
    assertEquals(Reason.MEMPOOL_FULL, own.rejected().reason(), "only sender 2's tail (fee 50) is evictable");
  }

  @Test
  void evictionIsAlsoPlannedForAReplacementThatGrows() {
    Mempool pool = f.pool(MempoolConfig.DEFAULT.withMaxBytes(2 * 155 + 20));
    Transaction a0 = tx(1, 0, 1, 10);
    Transaction b0 = tx(2, 0, 1, 5);
    pool.accept(a0, 0);
    pool.accept(b0, 0);
    Admission r = pool.accept(tx(1, 0, 1, 11, "a longer memo than twenty bytes"), 0);
    assertTrue(r.accepted());
    assertEquals(a0, r.replaced());
    assertEquals(List.of(b0.txid()), r.evicted().stream().map(Removal::txid).toList());
  }
}
