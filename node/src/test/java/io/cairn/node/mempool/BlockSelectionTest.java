package io.cairn.node.mempool;

import static io.cairn.node.mempool.PoolFixture.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.common.model.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockSelectionTest {
  private final PoolFixture f = new PoolFixture();

  BlockSelectionTest() {
    for (int i = 1; i <= 5; i++) {
      f.fund(i, 1_000_000, 0);
    }
  }

  @Test
  void highestFeeFirstButEachSenderInNonceOrder() {
    Mempool pool = f.pool();
    Transaction a0 = tx(1, 0, 1, 10);
    Transaction a1 = tx(1, 1, 1, 100);
    Transaction b0 = tx(2, 0, 1, 50);
    Transaction c0 = tx(3, 0, 1, 20);
    Transaction c1 = tx(3, 1, 1, 5);
    Transaction queued = tx(4, 1, 1, 1_000);
    for (Transaction t : List.of(a1, a0, b0, c0, c1, queued)) {
      pool.accept(t, 0);
    }
    assertEquals(List.of(b0, c0, a0, a1, c1), pool.selectForBlock(1_000_000));
  }

  @Test
  void equalFeesGoInArrivalOrder() {
    Mempool pool = f.pool();
    Transaction b0 = tx(2, 0, 1, 10);
    Transaction a0 = tx(1, 0, 1, 10);
    pool.accept(b0, 0);
    pool.accept(a0, 0);
    assertEquals(List.of(b0, a0), pool.selectForBlock(1_000_000));
  }

  @Test
  void staysWithinTheSizeLimitAndSkipsASenderWhoseNextDoesNotFit() {
    Mempool pool = f.pool();
    Transaction big = tx(1, 0, 1, 100, "m".repeat(64));
    Transaction after = tx(1, 1, 1, 100);
    Transaction small = tx(2, 0, 1, 10);
    Transaction small2 = tx(3, 0, 1, 9);
    for (Transaction t : List.of(big, after, small, small2)) {
      pool.accept(t, 0);
    }
    List<Transaction> chosen = pool.selectForBlock(small.encodedLength() + 15);
    assertEquals(List.of(small), chosen, "the 219-byte head does not fit, so its 155-byte successor waits too");
    assertEquals(List.of(big, after), pool.selectForBlock(big.encodedLength() + after.encodedLength()));
    assertEquals(List.of(), pool.selectForBlock(Transaction.MIN_ENCODED_LENGTH - 1));
  }
}
