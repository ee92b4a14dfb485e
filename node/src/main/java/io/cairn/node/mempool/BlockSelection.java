package io.cairn.node.mempool;

import io.cairn.common.model.Transaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Chooses the transactions of a block template: a priority queue holds each sender's next pending
 * transaction, highest fee first (ties: earliest admitted); taking one puts that sender's following
 * nonce in its place. A transaction that does not fit the remaining space ends its sender's turn
 * (its later nonces could not follow it), and others keep filling the block.
 */
final class BlockSelection {
  private BlockSelection() {}

  private static final class Cursor {
    final Iterator<PoolEntry> rest;
    PoolEntry head;

    Cursor(Iterator<PoolEntry> rest) {
      this.rest = rest;
      this.head = rest.next();
    }
  }

  static List<Transaction> select(Collection<SenderQueue> queues, long maxTxBytes) {
    PriorityQueue<Cursor> heads =
        new PriorityQueue<>(Math.max(1, queues.size()), (a, b) -> PoolEntry.MINING_ORDER.compare(a.head, b.head));
    for (SenderQueue q : queues) {
      if (q.pending() > 0) {
        heads.add(new Cursor(q.pendingIterator()));
      }
    }
    List<Transaction> out = new ArrayList<>();
    long room = maxTxBytes;
    while (!heads.isEmpty() && room >= Transaction.MIN_ENCODED_LENGTH) {
      Cursor c = heads.poll();
      if (c.head.size() > room) {
        continue;
      }
      out.add(c.head.tx());
      room -= c.head.size();
      if (c.rest.hasNext()) {
        c.head = c.rest.next();
        heads.add(c);
      }
    }
    return out;
  }
}
