package io.cairn.node.service;

import io.cairn.common.codec.Reader;
import io.cairn.common.codec.Writer;
import io.cairn.node.p2p.BanStore;
import io.cairn.node.store.ChainStore;
import io.cairn.node.store.Schema;
import io.cairn.node.store.StoreUpdate;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The P2P ban list in the store's {@code bans} column.
 *
 * <pre>
 * key:   ban key as UTF-8 (node:&lt;id hex&gt; or ip:&lt;address&gt;)
 * value: untilMs u64 BE
 * </pre>
 */
final class StoreBans implements BanStore {
  private static final Logger LOG = LoggerFactory.getLogger(StoreBans.class);
  private final ChainStore store;

  StoreBans(ChainStore store) {
    this.store = store;
  }

  @Override
  public Map<String, Long> loadAll() {
    Map<String, Long> out = new HashMap<>();
    store.scanRaw(Schema.BANS, new byte[0], (k, v) -> {
      try {
        Reader r = new Reader(v);
        long until = r.u64("ms");
        r.finish("entry");
        out.put(new String(k, StandardCharsets.UTF_8), until);
      } catch (RuntimeException e) {
        LOG.warn("skipping an unreadable ban entry: {}", e.getMessage());
      }
      return true;
    });
    return out;
  }

  @Override
  public void put(String key, long untilMs) {
    Writer w = new Writer(8);
    w.u64(untilMs);
    try (StoreUpdate u = store.update()) {
      u.put(Schema.BANS, key.getBytes(StandardCharsets.UTF_8), w.toByteArray());
      u.commit(false);
    }
  }

  @Override
  public void remove(String key) {
    try (StoreUpdate u = store.update()) {
      u.delete(Schema.BANS, key.getBytes(StandardCharsets.UTF_8));
      u.commit(false);
    }
  }
}
