package io.cairn.node.store;

import io.cairn.common.crypto.Hash;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounded set of txids whose signatures verified on this network, least recently added evicted
 * first. The mempool adds what it verified so a block carrying those transactions is not verified
 * twice. A txid commits to the signature and the whole body, so a hit is as good as a verification.
 * Thread-safe.
 */
public final class VerifiedTxCache {
  private final int capacity;
  private final Map<Hash, Boolean> ids;

  public VerifiedTxCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
    this.ids = new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Hash, Boolean> eldest) {
        return size() > VerifiedTxCache.this.capacity;
      }
    };
  }

  public synchronized void add(Hash txid) {
    ids.put(txid, Boolean.TRUE);
  }

  public synchronized void addAll(Iterable<Hash> txids) {
    for (Hash h : txids) {
      ids.put(h, Boolean.TRUE);
    }
  }

  public synchronized boolean contains(Hash txid) {
    return ids.containsKey(txid);
  }

  public synchronized int size() {
    return ids.size();
  }
}
