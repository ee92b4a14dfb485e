package io.cairn.node.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.node.p2p.wire.NodeId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Bans by node id persist and expire; throttles never hit local hosts. */
class BansTest {

  @Test
  void nodeBansPersistAndExpire() {
    AtomicLong now = new AtomicLong(1_000);
    BanStore store = BanStore.inMemory();
    NodeId id = NodeKey.generate().id();
    Bans bans = new Bans(store, now::get);
    bans.banNode(id, 5_000);
    assertTrue(bans.isBanned(id, now.get()));
    assertEquals(5_000L, store.loadAll().get("node:" + id));
    Bans reloaded = new Bans(store, now::get);
    assertTrue(reloaded.isBanned(id, 4_999));
    assertFalse(reloaded.isBanned(id, 5_000));
    assertTrue(store.loadAll().isEmpty(), "an expired ban is removed from the store");
    now.set(10_000);
    bans.banNode(id, 9_000);
    assertTrue(new Bans(store, now::get).bannedCount() == 0, "expired bans are dropped on load");
  }

  @Test
  void throttlesApplyToRemoteHostsOnly() {
    Bans bans = new Bans(BanStore.inMemory(), () -> 0L);
    for (String local : new String[] {"127.0.0.1", "::1", "10.1.2.3", "192.168.0.7", "local"}) {
      bans.throttle(local, 1_000);
      assertFalse(bans.isThrottled(local, 0), local);
    }
    bans.throttle("203.0.113.9", 1_000);
    assertTrue(bans.isThrottled("203.0.113.9", 999));
    assertFalse(bans.isThrottled("203.0.113.9", 1_000));
  }
}
