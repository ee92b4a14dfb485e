package io.cairn.node.p2p;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.reason.Reason;
import io.cairn.node.p2p.TestNodes.Node;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.MessageType;
import io.cairn.node.p2p.wire.NetAddress;
import io.cairn.node.p2p.wire.PeerAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A node given one bootstrap address finds the others through address exchange. */
class DiscoveryIT {

  @Test
  void oneBootstrapAddressLeadsToTheRestOfTheNetwork() {
    try (TestNodes t = new TestNodes()) {
      Node hub = t.start();
      Node x = t.start();
      Node y = t.start();
      TestNodes.link(x, hub);
      TestNodes.link(y, hub);
      Node joiner = t.start(TestNodes.fast().bootstrap(List.of(hub.net().listenAddress())).targetOutbound(8).build());
      await().atMost(Duration.ofSeconds(20)).until(() ->
          joiner.connectedTo(hub) && joiner.connectedTo(x) && joiner.connectedTo(y));
      assertTrue(joiner.net().addressBookSize() >= 3);
      assertTrue(joiner.book().loadAll().stream().anyMatch(e -> e.address().equals(x.net().listenAddress())
          && e.lastSuccessMs() > 0), "address book records the successful link");
    }
  }

  @Test
  void reconnectsAfterThePeerComesBack() {
    try (TestNodes t = new TestNodes()) {
      Node a = t.start();
      Node b = t.start();
      Node dialer = t.start(TestNodes.fast().bootstrap(List.of(a.net().listenAddress())).targetOutbound(1).build());
      await().atMost(Duration.ofSeconds(10)).until(() -> dialer.connectedTo(a));
      a.net().disconnect(dialer.id());
      // A second HELLO from a means a second link: the dialer came back after its backoff.
      await().atMost(Duration.ofSeconds(10)).until(() ->
          dialer.net().stats().messagesIn().get(MessageType.HELLO) >= 2 && dialer.connectedTo(a));
      assertTrue(b.net().peers().isEmpty());
    }
  }

  @Test
  void blockedPeersAreDroppedAndRefusedUntilHealed() {
    try (TestNodes t = new TestNodes()) {
      Node a = t.start();
      Node b = t.start(TestNodes.fast().bootstrap(List.of(a.net().listenAddress())).targetOutbound(1).build());
      await().atMost(Duration.ofSeconds(10)).until(() -> b.connectedTo(a));
      b.net().setBlockedPeers(Set.of(a.id()));
      await().atMost(Duration.ofSeconds(10)).until(() -> !b.connectedTo(a) && !a.connectedTo(b));
      // b keeps dialling (its target is 1) and keeps refusing the blocked node.
      await().atMost(Duration.ofSeconds(10)).until(() ->
          b.net().stats().refused().getOrDefault(Reason.BANNED, 0L) >= 1);
      assertFalse(b.connectedTo(a));
      b.net().setBlockedPeers(Set.of());
      await().atMost(Duration.ofSeconds(10)).until(() -> b.connectedTo(a));
    }
  }

  /**
   * A peer that refuses a dial (it blocks the dialer) sends HELLO, then BYE, and closes. When the
   * link is gone before the dialer's network thread takes the HELLO, the dial must still end: it
   * used to stay "in progress" for ever, so the address was never dialled again (a healed testnet
   * partition that never closed). The dialer's network thread is held until the BYE has arrived.
   */
  @Test
  void aDialRefusedBeforeItsHandshakeIsTakenEndsAndTheAddressIsDialledAgain() throws Exception {
    try (TestNodes t = new TestNodes()) {
      Node a = t.start();
      Node b = t.start();
      a.net().setBlockedPeers(Set.of(b.id()));
      CountDownLatch hold = new CountDownLatch(1);
      b.net().connect(a.net().listenAddress());
      TestNodes.holdNetworkThread(b, hold, Duration.ofSeconds(20));
      try {
        await().atMost(Duration.ofSeconds(10)).until(() -> b.net().stats().messagesIn().get(MessageType.BYE) >= 1);
      } finally {
        hold.countDown();
      }
      await().atMost(Duration.ofSeconds(10)).until(() ->
          a.net().stats().refused().getOrDefault(Reason.BANNED, 0L) == 1 && !b.connectedTo(a));
      a.net().setBlockedPeers(Set.of());
      b.net().connect(a.net().listenAddress());
      await().atMost(Duration.ofSeconds(10)).until(() -> b.connectedTo(a) && a.connectedTo(b));
    }
  }

  /**
   * A dial whose handshake fails (here: the peer is on another chain) is one failed dial for the
   * backoff, not two: the handshake failure and the link's close used to be counted separately, so
   * the backoff of such an address grew twice as fast.
   */
  @Test
  void aFailedHandshakeCountsAsOneFailedDial() {
    try (TestNodes t = new TestNodes()) {
      Node a = t.start();
      Node other = t.start(TestNodes.fast().build(), MemoryChain.spec("othernet"));
      PeerAddress to = other.net().listenAddress();
      a.net().connect(to);
      await().atMost(Duration.ofSeconds(10)).until(() ->
          a.net().stats().refused().getOrDefault(Reason.WRONG_GENESIS, 0L) == 1 && a.net().dialFailuresForTest(to) >= 1);
      // Both events are queued within milliseconds of each other; the count must stay at one.
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> a.net().dialFailuresForTest(to) == 1);
      assertEquals(1, a.net().dialFailuresForTest(to));
    }
  }

  /**
   * A full address book makes room for new addresses by dropping ones that never worked (3 failed
   * dials in a row): junk learnt once no longer crowds out every address learnt later.
   */
  @Test
  void aFullAddressBookDropsAddressesThatNeverWorkedForNewOnes() throws Exception {
    try (TestNodes t = new TestNodes()) {
      Node n = t.start(TestNodes.fast().maxAddressBook(4).targetOutbound(2).addrInterval(Duration.ofMillis(100)).build());
      Node liar = t.start();
      Node x = t.start();
      TestNodes.link(liar, n); // inbound to n: its address is in n's book
      List<PeerAddress> dead = List.of(deadAddress(), deadAddress(), deadAddress());
      liar.net().sendForTest(n.id(), new Message.Addrs(dead.stream().map(a -> new NetAddress(a, System.currentTimeMillis())).toList()));
      await().atMost(Duration.ofSeconds(10)).until(() -> n.net().addressBookSize() == 4);
      await().atMost(Duration.ofSeconds(20)).until(() -> dead.stream().allMatch(a -> n.net().dialFailuresForTest(a) >= 3));

      PeerAddress good = x.net().listenAddress();
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        liar.net().sendForTest(n.id(), new Message.Addrs(List.of(new NetAddress(good, System.currentTimeMillis()))));
        return n.book().loadAll().stream().anyMatch(e -> e.address().equals(good));
      });
      await().atMost(Duration.ofSeconds(10)).until(() -> n.connectedTo(x));
      assertTrue(n.net().addressBookSize() <= 4, "the book stays within its bound: " + n.net().addressBookSize());
    }
  }

  /**
   * Addresses that once worked take every other dial, the first included: a node restarting with a
   * book full of learnt addresses nobody tried (which any peer can make up) dials the one that
   * worked first, instead of one chosen at random among all.
   */
  @Test
  void addressesThatOnceWorkedAreDialledFirst() throws Exception {
    try (TestNodes t = new TestNodes()) {
      Node x = t.start();
      AddressBookStore book = AddressBookStore.inMemory();
      long now = System.currentTimeMillis();
      List<PeerAddress> junk = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        junk.add(deadAddress());
        book.put(new AddressBookStore.Entry(junk.get(i), now, 0));
      }
      PeerAddress good = x.net().listenAddress();
      book.put(new AddressBookStore.Entry(good, now - 60_000, now - 60_000));
      Node n = t.start(TestNodes.fast().targetOutbound(1).build(), book);
      await().atMost(Duration.ofSeconds(10)).until(() -> n.connectedTo(x));
      assertEquals(0, junk.stream().mapToInt(a -> n.net().dialFailuresForTest(a)).sum(),
          "a never-tried address was dialled before the one that worked");
    }
  }

  /** A 127.0.0.1 port nothing listens on (bound, then closed). */
  private static PeerAddress deadAddress() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return new PeerAddress("127.0.0.1", s.getLocalPort());
    }
  }
}
