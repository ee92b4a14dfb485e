package io.cairn.node.mempool;

import static io.cairn.node.mempool.PoolFixture.addr;
import static io.cairn.node.mempool.PoolFixture.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.node.mempool.Admission.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Block connection and reorganisation against an account map the test moves by hand. */
class MempoolChainTest {
  private final PoolFixture f = new PoolFixture().fund(1, 1_000, 0).fund(2, 1_000, 0);

  private static Block block(Transaction... txs) {
    BlockHeader h = new BlockHeader(1, 1, Hash.ZERO, Hash.ZERO, 0, 0x207fffff, 0, addr(9));
    return new Block(h, List.of(txs));
  }

  @Test
  void connectingABlockRemovesItsTransactionsAndKeepsTheRest() {
    Mempool pool = f.pool();
    Transaction a0 = tx(1, 0, 100, 10);
    Transaction a1 = tx(1, 1, 100, 10);
    pool.accept(a0, 0);
    pool.accept(a1, 0);
    f.fund(1, 890, 1);
    List<Removal> dropped = pool.onBlockConnected(block(a0), f.view);
    assertTrue(dropped.isEmpty());
    assertFalse(pool.contains(a0.txid()));
    assertTrue(pool.contains(a1.txid()));
    assertEquals(2, pool.pendingNonce(addr(1)));
    assertEquals(1, pool.content().pendingCount());
  }

  @Test
  void connectingABlockDropsWhatBecameInvalid() {
    Mempool pool = f.pool();
    Transaction ours = tx(1, 0, 100, 10);
    Transaction next = tx(1, 1, 300, 10);
    Transaction last = tx(1, 2, 300, 10);
    pool.accept(ours, 0);
    pool.accept(next, 0);
    pool.accept(last, 0);
    // A conflicting transaction (same nonce, spending more) was mined elsewhere.
    Transaction conflict = tx(1, 0, 500, 10, "conflict");
    f.fund(1, 490, 1);
    List<Removal> dropped = pool.onBlockConnected(block(conflict), f.view);
    assertEquals(List.of(new Removal(ours.txid(), ours, Reason.NONCE_TOO_LOW),
        new Removal(last.txid(), last, Reason.INSUFFICIENT_FUNDS)), dropped);
    assertTrue(pool.contains(next.txid()));
    assertEquals(2, pool.pendingNonce(addr(1)));
  }

  @Test
  void connectingABlockPromotesQueuedTransactionsWhoseGapFilled() {
    Mempool pool = f.pool();
    Transaction a1 = tx(1, 1, 10, 10);
    assertEquals(Status.QUEUED, pool.accept(a1, 0).status());
    Transaction a0 = tx(1, 0, 10, 10, "mined without passing through this pool");
    f.fund(1, 980, 1);
    pool.onBlockConnected(block(a0), f.view);
    assertEquals(List.of(a1), pool.content().senders().get(addr(1)).pending());
    assertEquals(List.of(a1), pool.selectForBlock(1_000_000));
  }

  @Test
  void reorgReturnsDisconnectedTransactionsAndDropsConnectedOnes() {
    Mempool pool = f.pool();
    Transaction a0 = tx(1, 0, 100, 10);
    Transaction a1 = tx(1, 1, 100, 10);
    Transaction b0 = tx(2, 0, 100, 10);
    Transaction a2 = tx(1, 2, 100, 10);
    // Old branch mined a0, a1 and b0; the pool holds a2.
    f.fund(1, 780, 2).fund(2, 890, 1);
    pool.accept(a2, 0);
    // New branch mines only b0; a0 and a1 come back before a2.
    f.fund(1, 1_000, 0).fund(2, 890, 1);
    List<Removal> dropped = pool.onReorg(List.of(block(a0, a1, b0)), List.of(block(b0)), f.view, 5);
    assertTrue(dropped.isEmpty(), dropped::toString);
    assertFalse(pool.contains(b0.txid()));
    assertEquals(List.of(a0, a1, a2), pool.content().senders().get(addr(1)).pending());
    assertEquals(3, pool.pendingNonce(addr(1)));
    assertEquals(3, pool.size());
  }

  @Test
  void reorgDropsDisconnectedTransactionsThatNoLongerFit() {
    Mempool pool = f.pool();
    Transaction a0 = tx(1, 0, 600, 10);
    Transaction conflict = tx(1, 0, 900, 10, "other branch");
    // Old branch mined a0; the new one mined a conflicting spend with the same nonce.
    f.fund(1, 90, 1);
    List<Removal> dropped = pool.onReorg(List.of(block(a0)), List.of(block(conflict)), f.view, 5);
    assertEquals(List.of(new Removal(a0.txid(), a0, Reason.NONCE_TOO_LOW)), dropped);
    assertEquals(0, pool.size());
  }

  @Test
  void reorgKeepsALaterReplacementInTheNonceSlot() {
    Mempool pool = f.pool();
    Transaction a0 = tx(1, 0, 100, 10);
    Transaction a0bis = tx(1, 0, 100, 20, "bis");
    f.fund(1, 1_000, 0);
    pool.accept(a0bis, 0);
    List<Removal> dropped = pool.onReorg(List.of(block(a0)), List.of(), f.view, 5);
    assertEquals(List.of(new Removal(a0.txid(), a0, Reason.ALREADY_KNOWN)), dropped);
    assertTrue(pool.contains(a0bis.txid()));
  }

  @Test
  void reorgEnforcesTheLimitsAfterReinsertion() {
    Mempool pool = f.pool(MempoolConfig.DEFAULT.withMaxCount(2));
    Transaction a0 = tx(1, 0, 10, 5);
    Transaction b0 = tx(2, 0, 10, 50);
    Transaction b1 = tx(2, 1, 10, 60);
    pool.accept(b0, 0);
    pool.accept(b1, 0);
    List<Removal> dropped = pool.onReorg(List.of(block(a0)), List.of(), f.view, 5);
    assertEquals(List.of(new Removal(a0.txid(), a0, Reason.MEMPOOL_FULL)), dropped);
    assertEquals(2, pool.size());
  }

  @Test
  void reorgRevalidatesRecipientsAndMinersWhoseFundsWentAway() {
    Mempool pool = f.pool();
    // Sender 3 and miner 9 were paid by the block about to be disconnected and spent it in the pool.
    Transaction pay3 = Transaction.unsigned(PoolFixture.key(1), addr(3), io.cairn.common.amount.Amount.ofUnits(500),
        io.cairn.common.amount.Amount.ofUnits(10), 0, io.cairn.common.bytes.Bytes.EMPTY);
    f.fund(1, 490, 1).fund(3, 500, 0).fund(9, 700, 0);
    Transaction spend3 = tx(3, 0, 400, 10);
    Transaction spend9 = tx(9, 0, 600, 10);
    assertTrue(pool.accept(spend3, 0).accepted());
    assertTrue(pool.accept(spend9, 0).accepted());
    f.fund(1, 1_000, 0).fund(3, 0, 0).fund(9, 0, 0);
    f.accounts.remove(addr(3));
    f.accounts.remove(addr(9));
    List<Removal> dropped = pool.onReorg(List.of(block(pay3)), List.of(), f.view, 5);
    assertEquals(java.util.Set.of(new Removal(spend3.txid(), spend3, Reason.INSUFFICIENT_FUNDS),
        new Removal(spend9.txid(), spend9, Reason.INSUFFICIENT_FUNDS)), java.util.Set.copyOf(dropped));
    assertEquals(List.of(pay3), pool.selectForBlock(1_000_000));
  }
}
