package io.cairn.node.p2p;

import io.cairn.node.p2p.wire.PeerAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Persistence of the address book (the node backs it with RocksDB). The network keeps the working
 * copy in memory, loads it once at start and writes each change through.
 */
public interface AddressBookStore {

  /** What is remembered of one address; times in ms since the epoch, 0 = never. */
  record Entry(PeerAddress address, long lastSeenMs, long lastSuccessMs) {}

  List<Entry> loadAll();

  void put(Entry entry);

  void remove(PeerAddress address);

  /** A store that keeps entries in memory only (tests, simulations). */
  static AddressBookStore inMemory() {
    Map<PeerAddress, Entry> map = new ConcurrentHashMap<>();
    return new AddressBookStore() {
      @Override
      public List<Entry> loadAll() {
        return List.copyOf(map.values());
      }

      @Override
      public void put(Entry entry) {
        map.put(entry.address(), entry);
      }

      @Override
      public void remove(PeerAddress address) {
        map.remove(address);
      }
    };
  }
}
