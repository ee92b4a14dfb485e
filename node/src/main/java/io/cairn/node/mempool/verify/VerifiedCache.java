package io.cairn.node.mempool.verify;

import io.cairn.common.crypto.Hash;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded set of txids whose signatures verified: a ring of the last {@code capacity} insertions
 * backed by a concurrent map from txid to its ring slot. Lookups are lock-free; insertions and
 * removals take a short lock. When full, the oldest insertion is forgotten first (FIFO), so a burst
 * of new transactions cannot make it grow; a removed txid frees its slot at once, so nothing of it
 * stays reachable.
 */
final class VerifiedCache {
  private final Hash[] ring;
  private final ConcurrentHashMap<Hash, Integer> slots;
  private int next;

  VerifiedCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    ring = new Hash[capacity];
    slots = new ConcurrentHashMap<>(Math.min(capacity, 1 << 16));
  }

  boolean contains(Hash txid) {
    return slots.containsKey(txid);
  }

  synchronized void add(Hash txid) {
    addLocked(txid);
  }

  /** Adds every txid under one lock (a verified chunk at once, not one lock per txid). */
  synchronized void addAll(List<Hash> txids) {
    for (Hash txid : txids) {
      addLocked(txid);
    }
  }

  private void addLocked(Hash txid) {
    if (slots.containsKey(txid)) {
      return;
    }
    Hash old = ring[next];
    if (old != null) {
      slots.remove(old);
    }
    ring[next] = txid;
    slots.put(txid, next);
    next = next + 1 == ring.length ? 0 : next + 1;
  }

  /** Removes every txid under one lock (a connected block's at once). */
  synchronized void removeAll(List<Hash> txids) {
    for (Hash txid : txids) {
      Integer at = slots.remove(txid);
      if (at != null) {
        ring[at] = null;
      }
    }
  }

  int size() {
    return slots.size();
  }

  int capacity() {
    return ring.length;
  }
}
