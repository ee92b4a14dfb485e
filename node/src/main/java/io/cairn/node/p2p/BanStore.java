package io.cairn.node.p2p;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Persistence of bans (the node backs it with RocksDB). Keys are {@code node:<node id hex>} for
 * authenticated peers and {@code ip:<address>} for non-local hosts; values are the ban's end in ms.
 */
public interface BanStore {

  Map<String, Long> loadAll();

  void put(String key, long untilMs);

  void remove(String key);

  /** A store that keeps bans in memory only (tests, simulations). */
  static BanStore inMemory() {
    Map<String, Long> map = new ConcurrentHashMap<>();
    return new BanStore() {
      @Override
      public Map<String, Long> loadAll() {
        return Map.copyOf(map);
      }

      @Override
      public void put(String key, long untilMs) {
        map.put(key, untilMs);
      }

      @Override
      public void remove(String key) {
        map.remove(key);
      }
    };
  }
}
