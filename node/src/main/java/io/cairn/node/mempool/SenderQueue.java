package io.cairn.node.mempool;

import io.cairn.common.address.Address;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One sender's transactions by nonce. The first {@link #pending()} of them carry consecutive nonces
 * from {@link #baseNonce()} (the sender's nonce at the tip) and can be mined now; the rest are queued
 * behind a gap. {@link #totalCost()} is the sum of amount + fee over all of them, which the sender's
 * balance at the tip always covers.
 */
final class SenderQueue {
  private final Address sender;
  private final TreeMap<Long, PoolEntry> byNonce = new TreeMap<>();
  private long baseNonce;
  private int pending;
  private long totalCost;

  SenderQueue(Address sender, long baseNonce) {
    this.sender = sender;
    this.baseNonce = baseNonce;
  }

  Address sender() {
    return sender;
  }

  long baseNonce() {
    return baseNonce;
  }

  int pending() {
    return pending;
  }

  int size() {
    return byNonce.size();
  }

  boolean isEmpty() {
    return byNonce.isEmpty();
  }

  long totalCost() {
    return totalCost;
  }

  /** The nonce the sender's next pending transaction needs. */
  long nextNonce() {
    return baseNonce + pending;
  }

  PoolEntry get(long nonce) {
    return byNonce.get(nonce);
  }

  PoolEntry first() {
    Map.Entry<Long, PoolEntry> e = byNonce.firstEntry();
    return e == null ? null : e.getValue();
  }

  PoolEntry tail() {
    Map.Entry<Long, PoolEntry> e = byNonce.lastEntry();
    return e == null ? null : e.getValue();
  }

  /** The entry just below {@code nonce}, or null. */
  PoolEntry before(long nonce) {
    Map.Entry<Long, PoolEntry> e = byNonce.lowerEntry(nonce);
    return e == null ? null : e.getValue();
  }

  Collection<PoolEntry> all() {
    return byNonce.values();
  }

  /** Adds or replaces the entry at its nonce; the caller has checked the cost fits. */
  void put(PoolEntry e) {
    PoolEntry old = byNonce.put(e.nonce(), e);
    totalCost = Math.addExact(totalCost - (old == null ? 0 : old.cost()), e.cost());
    if (old == null && e.nonce() == nextNonce()) {
      pending++;
      while (byNonce.containsKey(nextNonce())) {
        pending++;
      }
    }
  }

  void remove(PoolEntry e) {
    if (byNonce.remove(e.nonce()) != e) {
      throw new IllegalStateException("entry " + e.txid() + " is not in its sender's queue");
    }
    totalCost -= e.cost();
    if (e.nonce() < nextNonce()) {
      pending = (int) Math.max(0, e.nonce() - baseNonce);
    }
  }

  /** Moves the base to the sender's nonce at a new tip; entries below it must be removed first. */
  void rebase(long newBase) {
    PoolEntry f = first();
    if (f != null && f.nonce() < newBase) {
      throw new IllegalStateException("remove nonces below " + newBase + " before rebasing");
    }
    baseNonce = newBase;
    recount();
  }

  /** The pending entries in nonce order. */
  Iterator<PoolEntry> pendingIterator() {
    Iterator<PoolEntry> all = byNonce.values().iterator();
    return new Iterator<>() {
      private int left = pending;

      @Override
      public boolean hasNext() {
        return left > 0;
      }

      @Override
      public PoolEntry next() {
        left--;
        return all.next();
      }
    };
  }

  /** Pending entries, then queued ones, each in nonce order. */
  List<PoolEntry> pendingList() {
    List<PoolEntry> out = new ArrayList<>(pending);
    pendingIterator().forEachRemaining(out::add);
    return out;
  }

  List<PoolEntry> queuedList() {
    List<PoolEntry> out = new ArrayList<>(byNonce.values());
    return out.subList(pending, out.size());
  }

  private void recount() {
    int n = 0;
    long next = baseNonce;
    for (Long nonce : byNonce.keySet()) {
      if (nonce != next) {
        break;
      }
      n++;
      next++;
    }
    pending = n;
  }
}
