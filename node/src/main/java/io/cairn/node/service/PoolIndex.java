package io.cairn.node.service;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.node.mempool.Mempool;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A lock-free copy of the mempool's txid -> transaction map for other threads (P2P asks "do you have
 * it?" for every announcement, RPC looks pending transactions up). Only the chain thread writes it,
 * right after each mempool change, by asking the mempool about every transaction that change could
 * have touched; readers may see a change a moment late, never a transaction the pool never held.
 */
final class PoolIndex {
  private final ConcurrentHashMap<Hash, Transaction> txs = new ConcurrentHashMap<>();

  /** Chain thread: brings {@code tx}'s entry in line with {@code pool}. */
  void sync(Mempool pool, Transaction tx) {
    Hash id = tx.txid();
    if (pool.contains(id)) {
      txs.put(id, tx);
    } else {
      txs.remove(id);
    }
  }

  void syncAll(Mempool pool, Iterable<Transaction> touched) {
    for (Transaction tx : touched) {
      sync(pool, tx);
    }
  }

  boolean contains(Hash txid) {
    return txs.containsKey(txid);
  }

  Optional<Transaction> get(Hash txid) {
    return Optional.ofNullable(txs.get(txid));
  }

  /** Every transaction held (weakly consistent, as {@link ConcurrentHashMap} iteration is). */
  void forEach(java.util.function.Consumer<Transaction> action) {
    txs.values().forEach(action);
  }

  List<Hash> txids() {
    return List.copyOf(txs.keySet());
  }

  int size() {
    return txs.size();
  }
}
