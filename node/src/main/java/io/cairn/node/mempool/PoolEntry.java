package io.cairn.node.mempool;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import java.util.Comparator;

/**
 * A transaction held by the mempool with what the policy needs precomputed.
 *
 * @param cost amount + fee in base units (checked on admission)
 * @param addedMillis the caller's clock when it was admitted (for expiry)
 * @param seq arrival order, unique within one mempool (breaks fee ties)
 */
record PoolEntry(Transaction tx, Hash txid, Address sender, int size, long cost, long addedMillis, long seq) {

  /**
   * Cheapest first; among equal fees the newest first. The order in which tails are evicted. Written
   * out (not composed from {@code Comparator.comparingLong}): the mempool's tree of tails compares
   * with it about 15 times per admission, and the composed form is a chain of lambda calls that the
   * C1-only JIT nodes run with does not inline.
   */
  static final Comparator<PoolEntry> EVICTION_ORDER = (a, b) -> {
    int c = Long.compare(a.fee(), b.fee());
    return c != 0 ? c : Long.compare(b.seq, a.seq);
  };

  /** Highest fee first; among equal fees the oldest first. The order in which blocks are filled. */
  static final Comparator<PoolEntry> MINING_ORDER = (a, b) -> {
    int c = Long.compare(b.fee(), a.fee());
    return c != 0 ? c : Long.compare(a.seq, b.seq);
  };

  long fee() {
    return tx.fee().units();
  }

  long nonce() {
    return tx.nonce();
  }
}
