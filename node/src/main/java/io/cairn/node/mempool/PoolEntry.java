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

  /** Cheapest first; among equal fees the newest first. The order in which tails are evicted. */
  static final Comparator<PoolEntry> EVICTION_ORDER =
      Comparator.comparingLong(PoolEntry::fee).thenComparing(Comparator.comparingLong(PoolEntry::seq).reversed());

  /** Highest fee first; among equal fees the oldest first. The order in which blocks are filled. */
  static final Comparator<PoolEntry> MINING_ORDER =
      Comparator.comparingLong(PoolEntry::fee).reversed().thenComparingLong(PoolEntry::seq);

  long fee() {
    return tx.fee().units();
  }

  long nonce() {
    return tx.nonce();
  }
}
