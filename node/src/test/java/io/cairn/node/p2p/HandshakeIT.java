package io.cairn.node.p2p;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.reason.Reason;
import io.cairn.node.p2p.TestNodes.Node;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Links over real TLS on 127.0.0.1: identities, genesis and version checks, self and duplicate links. */
class HandshakeIT {

  @Test
  void twoNodesAuthenticateEachOther() {
    try (TestNodes t = new TestNodes()) {
      Node a = t.start();
      Node b = t.start();
      b.chain().mine(false);
      TestNodes.link(a, b);
      List<PeerInfo> fromA = a.net().peers();
      assertEquals(1, fromA.size());
      assertEquals(b.id(), fromA.get(0).nodeId());
      assertTrue(fromA.get(0).outbound());
      assertEquals(1, fromA.get(0).height());
      assertEquals("cairn/0.1.0", fromA.get(0).userAgent());
      PeerInfo fromB = b.net().peers().get(0);
      assertEquals(a.id(), fromB.nodeId());
      assertFalse(fromB.outbound());
      assertEquals(a.net().listenAddress().toString(), fromB.address());
    }
  }

  @Test
  void wrongGenesisIsRefused() {
    try (TestNodes t = new TestNodes()) {
      Node a = t.start();
      Node other = t.start(TestNodes.fast().build(), MemoryChain.spec("othernet"));
      a.net().connect(other.net().listenAddress());
      await().atMost(Duration.ofSeconds(10)).until(() ->
          a.net().stats().refused().getOrDefault(Reason.WRONG_GENESIS, 0L) >= 1
              && other.net().stats().refused().getOrDefault(Reason.WRONG_GENESIS, 0L) >= 1);
      assertTrue(a.net().peers().isEmpty());
      assertTrue(other.net().peers().isEmpty());
    }
  }

  @Test
  void connectionToSelfIsDropped() {
    try (TestNodes t = new TestNodes()) {
      Node a = t.start();
      a.net().connect(a.net().listenAddress());
      await().atMost(Duration.ofSeconds(10)).until(() ->
          a.net().stats().refused().getOrDefault(Reason.SELF_CONNECTION, 0L) >= 1);
      assertTrue(a.net().peers().isEmpty());
    }
  }

  @Test
  void secondLinkToTheSameNodeIsDropped() {
    try (TestNodes t = new TestNodes()) {
      Node a = t.start();
      Node b = t.start();
      TestNodes.link(a, b);
      // The same node under another name defeats the address check; the node-id check must catch it.
      b.net().connect(new io.cairn.node.p2p.wire.PeerAddress("localhost", a.net().listenAddress().port()));
      await().atMost(Duration.ofSeconds(10)).until(() ->
          a.net().stats().refused().getOrDefault(Reason.DUPLICATE_CONNECTION, 0L)
              + b.net().stats().refused().getOrDefault(Reason.DUPLICATE_CONNECTION, 0L) >= 1);
      await().atMost(Duration.ofSeconds(10)).until(() -> a.connectedTo(b) && b.connectedTo(a));
      assertEquals(1, a.net().peers().size());
      assertEquals(1, b.net().peers().size());
    }
  }

  @Test
  void tooManyInboundPeersAreTurnedAway() {
    try (TestNodes t = new TestNodes()) {
      Node hub = t.start(TestNodes.fast().maxInbound(1).build());
      Node a = t.start();
      Node b = t.start();
      TestNodes.link(a, hub);
      b.net().connect(hub.net().listenAddress());
      await().atMost(Duration.ofSeconds(10)).until(() ->
          hub.net().stats().refused().getOrDefault(Reason.TOO_MANY_PEERS, 0L) >= 1);
      assertEquals(1, hub.net().peers().size());
      assertFalse(b.connectedTo(hub));
    }
  }
}
