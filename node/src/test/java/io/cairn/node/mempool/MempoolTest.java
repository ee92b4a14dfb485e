package io.cairn.node.mempool;

import static io.cairn.node.mempool.PoolFixture.addr;
import static io.cairn.node.mempool.PoolFixture.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.node.mempool.Admission.Status;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MempoolTest {
  private final PoolFixture f = new PoolFixture().fund(1, 1_000_000, 5).fund(2, 1_000_000, 0);

  private static Reason reason(Admission a) {
    assertFalse(a.accepted(), "expected a rejection but got " + a.status());
    return a.rejected().reason();
  }

  @Test
  void acceptsTheNextNonceAsPendingAndCountsIt() {
    Mempool pool = f.pool();
    Transaction t = tx(1, 5, 100, 10);
    Admission a = pool.accept(t, 0);
    assertEquals(Status.PENDING, a.status());
    assertEquals(t.txid(), a.txid());
    assertTrue(pool.contains(t.txid()));
    assertEquals(Optional.of(t), pool.get(t.txid()));
    assertEquals(1, pool.size());
    assertEquals(t.encodedLength(), pool.bytes());
    assertEquals(6, pool.pendingNonce(addr(1)));
    assertEquals(0, pool.pendingNonce(addr(2)));
  }

  @Test
  void rejectsDuplicatesAndLowNonces() {
    Mempool pool = f.pool();
    Transaction t = tx(1, 5, 100, 10);
    pool.accept(t, 0);
    assertEquals(Reason.ALREADY_KNOWN, reason(pool.accept(t, 1)));
    assertEquals(Reason.NONCE_TOO_LOW, reason(pool.accept(tx(1, 4, 100, 10), 1)));
    assertEquals(1, pool.size());
  }

  @Test
  void holdsGapsAsQueuedAndPromotesWhenFilled() {
    Mempool pool = f.pool();
    assertEquals(Status.QUEUED, pool.accept(tx(1, 7, 1, 10), 0).status());
    assertEquals(Status.QUEUED, pool.accept(tx(1, 6, 1, 10), 0).status());
    assertEquals(5, pool.pendingNonce(addr(1)));
    assertEquals(0, pool.content().pendingCount());
    assertEquals(2, pool.content().queuedCount());
    assertEquals(Status.PENDING, pool.accept(tx(1, 5, 1, 10), 0).status());
    assertEquals(8, pool.pendingNonce(addr(1)));
    MempoolContent.SenderTxs s = pool.content().senders().get(addr(1));
    assertEquals(List.of(5L, 6L, 7L), s.pending().stream().map(Transaction::nonce).toList());
    assertTrue(s.queued().isEmpty());
  }

  @Test
  void allowsAGapOfSixteenButNotSeventeen() {
    Mempool pool = f.pool();
    assertEquals(Status.QUEUED, pool.accept(tx(1, 5 + 16, 1, 10), 0).status());
    Admission far = pool.accept(tx(2, 17, 1, 10), 0);
    assertEquals(Reason.NONCE_GAP_TOO_LARGE, reason(far));
    assertTrue(far.rejected().detail().contains("17"), far.rejected().detail());
  }

  @Test
  void balanceMustCoverAllPendingSpends() {
    f.fund(3, 1_000, 0);
    Mempool pool = f.pool();
    assertTrue(pool.accept(tx(3, 0, 490, 10), 0).accepted());
    assertTrue(pool.accept(tx(3, 1, 490, 10), 0).accepted());
    assertEquals(Reason.INSUFFICIENT_FUNDS, reason(pool.accept(tx(3, 2, 1, 10), 0)));
    assertEquals(Reason.INSUFFICIENT_FUNDS, reason(pool.accept(tx(4, 0, 1, 1), 0)), "an unknown sender has nothing");
  }

  @Test
  void amountPlusFeeOverflowIsRejected() {
    Mempool pool = f.pool();
    assertEquals(Reason.AMOUNT_OVERFLOW, reason(pool.accept(tx(1, 5, Long.MAX_VALUE, 1), 0)));
  }

  @Test
  void precheckRejectionIsPassedThrough() {
    Rejected bad = Rejected.of(Reason.BAD_SIGNATURE, "nope");
    Mempool pool = new Mempool(MempoolConfig.DEFAULT, t -> Optional.of(bad), f.view);
    Admission a = pool.accept(tx(1, 5, 1, 10), 0);
    assertEquals(bad, a.rejected());
    assertEquals(0, pool.size());
  }

  @Test
  void replaceByFeeNeedsTenPercentMore() {
    Mempool pool = f.pool();
    Transaction first = tx(1, 5, 100, 100);
    pool.accept(first, 0);
    Admission low = pool.accept(tx(1, 5, 100, 109, "bump"), 1);
    assertEquals(Reason.REPLACEMENT_FEE_TOO_LOW, reason(low));
    assertTrue(low.rejected().detail().contains("110"), low.rejected().detail());
    Transaction bumped = tx(1, 5, 100, 110, "bump");
    Admission ok = pool.accept(bumped, 2);
    assertEquals(Status.PENDING, ok.status());
    assertEquals(first, ok.replaced());
    assertFalse(pool.contains(first.txid()));
    assertTrue(pool.contains(bumped.txid()));
    assertEquals(1, pool.size());
    assertEquals(bumped.encodedLength(), pool.bytes());
    assertEquals(6, pool.pendingNonce(addr(1)));
  }

  @Test
  void replacementFeeRoundsUpAndAlwaysRaises() {
    assertEquals(110, Mempool.replacementFee(100));
    assertEquals(112, Mempool.replacementFee(101));
    assertEquals(1, Mempool.replacementFee(0));
    assertEquals(2, Mempool.replacementFee(1));
    assertEquals(Long.MAX_VALUE, Mempool.replacementFee(Long.MAX_VALUE - 3));
  }

  @Test
  void replacementRechecksTheBalance() {
    f.fund(3, 1_000, 0);
    Mempool pool = f.pool();
    pool.accept(tx(3, 0, 400, 100), 0);
    pool.accept(tx(3, 1, 400, 100), 0);
    assertEquals(Reason.INSUFFICIENT_FUNDS, reason(pool.accept(tx(3, 1, 400, 201), 0)));
    assertTrue(pool.accept(tx(3, 1, 300, 200), 0).accepted(), "a smaller amount with a higher fee fits");
  }

  @Test
  void senderLimitCountsPendingAndQueued() {
    Mempool pool = f.pool(MempoolConfig.DEFAULT.withMaxPerSender(3));
    pool.accept(tx(1, 5, 1, 10), 0);
    pool.accept(tx(1, 6, 1, 10), 0);
    pool.accept(tx(1, 9, 1, 10), 0);
    assertEquals(Reason.SENDER_LIMIT, reason(pool.accept(tx(1, 7, 1, 10), 0)));
    assertTrue(pool.accept(tx(1, 6, 1, 11), 0).accepted(), "replacement does not count against the limit");
  }

  @Test
  void expiryDropsOldEntriesAndLeavesLaterOnesQueued() {
    Mempool pool = f.pool(MempoolConfig.DEFAULT.withExpiryMillis(1_000));
    Transaction a = tx(1, 5, 1, 10);
    Transaction b = tx(1, 6, 1, 10);
    pool.accept(a, 0);
    pool.accept(b, 500);
    assertTrue(pool.expire(999).isEmpty());
    List<Removal> gone = pool.expire(1_000);
    assertEquals(List.of(new Removal(a.txid(), a, Reason.EXPIRED)), gone);
    assertEquals(5, pool.pendingNonce(addr(1)));
    assertEquals(List.of(b), pool.content().senders().get(addr(1)).queued());
    assertEquals(Status.PENDING, pool.accept(a, 1_001).status(), "resubmitting fills the gap again");
    assertEquals(7, pool.pendingNonce(addr(1)));
  }
}
