package io.cairn.node.mempool.verify;

import io.cairn.common.crypto.Hash;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded set of txids whose signatures verified: a ring of the last {@code capacity} insertions
 * backed by a concurrent set. Lookups are lock-free; insertions take a short lock. When full, the
 * oldest insertion is forgotten first (FIFO), so a burst of new transactions cannot make it grow.
 */
final class VerifiedCache {
  private final Hash[] ring;
  private final Set<Hash> set;
  private int next;

  VerifiedCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    ring = new Hash[capacity];
    set = ConcurrentHashMap.newKeySet(Math.min(capacity, 1 << 16));
  }

  boolean contains(Hash txid) {
    return set.contains(txid);
  }

  synchronized void add(Hash txid) {
    if (!set.add(txid)) {
      return;
    }
    Hash old = ring[next];
    if (old != null) {
      set.remove(old);
    }
    ring[next] = txid;
    next = next + 1 == ring.length ? 0 : next + 1;
  }

  int size() {
    return set.size();
  }

  int capacity() {
    return ring.length;
  }
}
