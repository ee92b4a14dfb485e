package io.cairn.node.p2p;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import io.cairn.node.p2p.TestNodes.Node;
import io.cairn.node.p2p.wire.MessageType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Headers-first sync from several peers, and convergence of two halves on the heavier chain. */
class SyncIT {

  @Test
  void lateJoinerSyncsFromThreePeersAtOnce() {
    try (TestNodes t = new TestNodes()) {
      // Capped upload makes each server slow enough that the joiner must spread its requests.
      P2pConfig servers = TestNodes.fast().maxUploadRate(30_000).build();
      Node a = t.start(servers);
      Node b = t.start(servers);
      Node c = t.start(servers);
      for (int i = 0; i < 500; i++) {
        a.chain().mine(false);
      }
      a.chain().copyTo(b.chain());
      a.chain().copyTo(c.chain());
      assertEquals(500, c.chain().tip().height());

      Node late = t.start(TestNodes.fast().bootstrap(List.of(a.net().listenAddress(), b.net().listenAddress(),
          c.net().listenAddress())).targetOutbound(3).build());
      await().atMost(Duration.ofSeconds(40)).until(() -> late.chain().tip().equals(a.chain().tip()));
      for (Node server : List.of(a, b, c)) {
        long served = server.net().stats().bytesOut().get(MessageType.BLOCK);
        assertTrue(served > 0, "node " + server.index() + " served no blocks");
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> late.net().blocksWanted() == 0); // last import answered
      assertTrue(late.net().stats().blocksReceived() >= 500);
    }
  }

  /**
   * The only peer a node was syncing from goes away (a partition): the bodies nobody connected could
   * send are no longer wanted, so the node stops "syncing" (which pauses its miner) instead of
   * waiting for ever; when the peer is back its headers make them wanted again and the sync ends.
   */
  @Test
  void bodiesNoConnectedPeerHasAreForgottenAndWantedAgainWhenThePeerReturns() {
    try (TestNodes t = new TestNodes()) {
      Node server = t.start(TestNodes.fast().maxUploadRate(1_000).build());
      for (int i = 0; i < 30; i++) {
        server.chain().mine(false);
      }
      Node late = t.start();
      TestNodes.link(late, server);
      await().atMost(Duration.ofSeconds(10)).until(() -> late.net().blocksWanted() > 0 && late.net().catchingUp());
      server.net().setBlockedPeers(Set.of(late.id()));
      await().atMost(Duration.ofSeconds(10)).until(() -> late.net().peers().isEmpty());
      await().atMost(Duration.ofSeconds(10)).until(() -> late.net().blocksWanted() == 0 && !late.net().catchingUp());
      assertTrue(late.chain().tip().height() < 30, "stopped short of the server's tip: " + late.chain().tip().height());

      server.net().setBlockedPeers(Set.of());
      TestNodes.link(late, server);
      await().atMost(Duration.ofSeconds(60)).until(() -> late.chain().tip().equals(server.chain().tip()));
    }
  }

  /**
   * A peer serves a block's descendants but not the block itself (NOT_FOUND). The missing body is
   * given up after its rounds; the descendants received meanwhile, waiting for it, must not keep the
   * node "syncing" (its miner paused) nor stay in memory for ever. When the body can be had again,
   * an announcement brings the whole branch.
   */
  @Test
  void descendantsOfABodyNobodySendsNeitherKeepTheNodeSyncingNorStayHeld() {
    try (TestNodes t = new TestNodes()) {
      Node server = t.start();
      Block first = server.chain().mine(false);
      for (int i = 0; i < 4; i++) {
        server.chain().mine(false);
      }
      server.chain().withhold(Set.of(first.hash()));
      Node late = t.start(TestNodes.fast().requestTimeout(Duration.ofSeconds(2)).build());
      TestNodes.link(late, server);
      await().atMost(Duration.ofSeconds(10)).until(() -> late.net().heldBlockBytesForTest() > 0); // 2..5, waiting for 1
      await().atMost(Duration.ofSeconds(30)).until(() -> !late.net().catchingUp() && late.net().heldBlockBytesForTest() == 0);
      assertEquals(0, late.chain().tip().height());
      assertTrue(late.connectedTo(server), "withholding a body is not a breach: blocks can be pruned or reorganised away");

      server.chain().withhold(Set.of());
      server.chain().mine(false); // announced: its headers make the branch wanted again
      await().atMost(Duration.ofSeconds(30)).until(() -> late.chain().tip().equals(server.chain().tip()));
    }
  }

  @Test
  void aSingleSlowPeerKeepsItsRequestsInsteadOfBeingAskedForEverythingTwice() {
    try (TestNodes t = new TestNodes()) {
      // Each block takes longer to arrive than the stall timeout: the only peer is slow, not stalled,
      // and nobody else could serve the blocks, so re-asking it would only queue duplicates behind them.
      Node server = t.start(TestNodes.fast().maxUploadRate(3_000).build());
      for (int i = 0; i < 60; i++) {
        server.chain().mine(false);
      }
      Node late = t.start(TestNodes.fast().blockStallTimeout(Duration.ofMillis(100))
          .bootstrap(List.of(server.net().listenAddress())).targetOutbound(1).build());
      await().atMost(Duration.ofSeconds(40)).until(() -> late.chain().tip().equals(server.chain().tip()));
      assertEquals(0, late.net().stats().blockDuplicates(), "blocks received twice");
    }
  }

  @Test
  void halvesConvergeOnTheHeavierChain() {
    try (TestNodes t = new TestNodes()) {
      Node a1 = t.start();
      Node a2 = t.start();
      Node b1 = t.start();
      Node b2 = t.start();
      TestNodes.link(a1, a2);
      TestNodes.link(b1, b2);
      Transaction tx = a1.chain().tx(7, 0);
      a1.chain().acceptTx(tx);
      await().atMost(Duration.ofSeconds(10)).until(() -> a2.chain().inMempool(tx.txid()));
      for (int i = 0; i < 3; i++) {
        a1.chain().mine(true);
      }
      for (int i = 0; i < 6; i++) {
        b1.chain().mine(false);
      }
      await().atMost(Duration.ofSeconds(10)).until(() ->
          a2.chain().tip().height() == 3 && b2.chain().tip().height() == 6);
      assertTrue(a1.chain().mempoolSize() == 0);

      TestNodes.link(a2, b2);
      Block heavier = b1.chain().block(b1.chain().tip().hash()).orElseThrow();
      await().atMost(Duration.ofSeconds(15)).until(() -> List.of(a1, a2, b1, b2).stream()
          .allMatch(n -> n.chain().tip().hash().equals(heavier.hash())));
      // The losing branch's transaction is back in the mempools of the half that mined it, and relayed.
      assertTrue(a1.chain().inMempool(tx.txid()));
      await().atMost(Duration.ofSeconds(10)).until(() -> b1.chain().inMempool(tx.txid()));
    }
  }
}
