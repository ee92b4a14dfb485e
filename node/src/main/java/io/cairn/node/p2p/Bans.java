package io.cairn.node.p2p;

import io.cairn.node.p2p.wire.NodeId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Bans by node id (persisted through {@link BanStore}) and short throttles by host for links that
 * misbehave before they authenticate. Local hosts (loopback, private, in-memory) are never throttled
 * wholesale: many honest local nodes share them. Network thread only, except {@link #isThrottled}.
 */
final class Bans {
  private final BanStore store;
  private final Map<String, Long> bans = new HashMap<>();
  private final Map<String, Long> throttles = new java.util.concurrent.ConcurrentHashMap<>();

  Bans(BanStore store, LongSupplier clock) {
    this.store = store;
    long now = clock.getAsLong();
    store.loadAll().forEach((k, until) -> {
      if (until > now) {
        bans.put(k, until);
      } else {
        store.remove(k);
      }
    });
  }

  void banNode(NodeId id, long untilMs) {
    String k = "node:" + id;
    bans.put(k, untilMs);
    store.put(k, untilMs);
  }

  boolean isBanned(NodeId id, long now) {
    String k = "node:" + id;
    Long until = bans.get(k);
    if (until == null) {
      return false;
    }
    if (until <= now) {
      bans.remove(k);
      store.remove(k);
      return false;
    }
    return true;
  }

  /** Refuses new links from {@code host} for a while, unless it is a local host. */
  void throttle(String host, long untilMs) {
    if (!Transport.isLocalHost(host)) {
      throttles.put(host, untilMs);
    }
  }

  boolean isThrottled(String host, long now) {
    Long until = throttles.get(host);
    if (until == null) {
      return false;
    }
    if (until <= now) {
      throttles.remove(host);
      return false;
    }
    return true;
  }

  int bannedCount() {
    return bans.size();
  }
}
