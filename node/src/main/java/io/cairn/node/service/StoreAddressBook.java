package io.cairn.node.service;

import io.cairn.common.codec.Reader;
import io.cairn.common.codec.Writer;
import io.cairn.node.p2p.AddressBookStore;
import io.cairn.node.p2p.wire.PeerAddress;
import io.cairn.node.store.ChainStore;
import io.cairn.node.store.Schema;
import io.cairn.node.store.StoreUpdate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The P2P address book in the store's {@code peers} column.
 *
 * <pre>
 * key:   host:port as UTF-8 (IPv6 as [::1]:7420)
 * value: lastSeenMs u64 BE | lastSuccessMs u64 BE
 * </pre>
 *
 * An entry that does not parse is skipped with a warning (the book is a cache, not consensus data).
 */
final class StoreAddressBook implements AddressBookStore {
  private static final Logger LOG = LoggerFactory.getLogger(StoreAddressBook.class);
  private final ChainStore store;

  StoreAddressBook(ChainStore store) {
    this.store = store;
  }

  @Override
  public List<Entry> loadAll() {
    List<Entry> out = new ArrayList<>();
    store.scanRaw(Schema.PEERS, new byte[0], (k, v) -> {
      try {
        Reader r = new Reader(v);
        long seen = r.u64("lastSeenMs");
        long success = r.u64("lastSuccessMs");
        r.finish("entry");
        out.add(new Entry(PeerAddress.parse(new String(k, StandardCharsets.UTF_8)), seen, success));
      } catch (RuntimeException e) {
        LOG.warn("skipping an unreadable address book entry: {}", e.getMessage());
      }
      return true;
    });
    return out;
  }

  @Override
  public void put(Entry entry) {
    Writer w = new Writer(16);
    w.u64(entry.lastSeenMs());
    w.u64(entry.lastSuccessMs());
    try (StoreUpdate u = store.update()) {
      u.put(Schema.PEERS, key(entry.address()), w.toByteArray());
      u.commit(false);
    }
  }

  @Override
  public void remove(PeerAddress address) {
    try (StoreUpdate u = store.update()) {
      u.delete(Schema.PEERS, key(address));
      u.commit(false);
    }
  }

  private static byte[] key(PeerAddress a) {
    return a.toString().getBytes(StandardCharsets.UTF_8);
  }
}
