package io.cairn.node.p2p;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.Transaction;
import io.cairn.node.p2p.TestNodes.Node;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.MessageType;
import io.cairn.node.p2p.wire.ShortIds;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A new tip is pushed as a compact block to peers at its parent; a pushed block with a bad header is
 * a breach, one that fails only the slower checks (signatures, state) is not: peers push before they
 * finish validating.
 */
class CompactPushIT {

  @Test
  void peerAtTheParentGetsTheCompactBlockWithoutAskingForIt() {
    try (TestNodes t = new TestNodes()) {
      Node a = t.start();
      Node b = t.start();
      TestNodes.link(a, b);
      Transaction tx = a.chain().tx(3, 0);
      a.chain().acceptTx(tx);
      await().atMost(Duration.ofSeconds(10)).until(() -> b.chain().inMempool(tx.txid()));

      Block mined = a.chain().mine(true);
      await().atMost(Duration.ofSeconds(10)).until(() -> b.chain().tip().hash().equals(mined.hash()));
      P2pStats.Snapshot s = b.net().stats();
      assertEquals(1, s.compactReconstructed());
      assertEquals(0L, s.bytesOut().get(MessageType.GET_COMPACT), "b asked for the block");
      assertEquals(0L, s.bytesIn().get(MessageType.HEADERS), "the block was announced by header");
      assertEquals(0, s.bans());

      // The next block goes the same way (b is known to have the parent now).
      Block next = a.chain().mine(false);
      await().atMost(Duration.ofSeconds(10)).until(() -> b.chain().tip().hash().equals(next.hash()));
      assertEquals(2, b.net().stats().compactReconstructed());
      assertEquals(0L, b.net().stats().bytesOut().get(MessageType.GET_COMPACT));
    }
  }

  @Test
  void aMinedBlockIsPushedAndItsTransactionsServedBeforeItsMinerStoresIt() {
    try (TestNodes t = new TestNodes()) {
      Node miner = t.start();
      Node peer = t.start();
      TestNodes.link(miner, peer);
      MemoryChain mc = miner.chain();
      Transaction relayed = mc.tx(3, 0);
      mc.acceptTx(relayed);
      await().atMost(Duration.ofSeconds(10)).until(() -> peer.chain().inMempool(relayed.txid()));
      Transaction unseen = mc.tx(4, 0); // in no mempool: the peer must ask the miner for it
      Block block = mc.build(mc.genesisHash(), List.of(relayed, unseen));

      mc.announceMined(block); // and never stored or connected by the miner

      await().atMost(Duration.ofSeconds(10)).until(() -> peer.chain().tip().hash().equals(block.hash()));
      assertTrue(mc.block(block.hash()).isEmpty(), "the miner never stored it");
      P2pStats.Snapshot s = peer.net().stats();
      assertEquals(1L, s.compactReconstructed());
      assertTrue(s.bytesOut().get(MessageType.GET_BLOCK_TXS) > 0, "the unseen transaction was asked for");
      assertEquals(0L, s.bytesOut().get(MessageType.GET_COMPACT), "the block was pushed");
      assertEquals(0L, s.bytesOut().get(MessageType.GET_BLOCKS), "the rebuild matched: no full block fetched");
      assertEquals(0, s.bans());
      assertEquals(0, miner.net().stats().bans());
    }
  }

  @Test
  void pushedCompactBlockWithoutProofOfWorkGetsTheSenderBanned() {
    try (TestNodes t = new TestNodes()) {
      Node victim = t.start();
      Node evil = t.start();
      TestNodes.link(evil, victim);
      Block good = evil.chain().build(evil.chain().genesisHash(), List.of());
      BlockHeader h = good.header();
      long nonce = h.nonce();
      do {
        h = h.withNonce(++nonce); // the first nonce whose hash misses the target
      } while (io.cairn.common.model.CompactTarget.meets(h.hash(), io.cairn.common.model.CompactTarget.expand(h.bits())));
      evil.net().sendForTest(victim.id(), new Message.CompactBlock(h, 1L, List.of()));
      await().atMost(Duration.ofSeconds(10)).until(() -> victim.net().bannedCount() == 1);
      assertFalse(victim.connectedTo(evil));
      assertTrue(victim.chain().tip().height() == 0);
    }
  }

  @Test
  void compactBlockFailingItsSignatureCheckIsDroppedWithoutBanningItsSender() {
    try (TestNodes t = new TestNodes()) {
      Node victim = t.start();
      Node sender = t.start();
      TestNodes.link(sender, victim);
      MemoryChain sc = sender.chain();
      Block bad = sc.build(sc.genesisHash(), List.of(sc.badTx(1, 0)));
      sc.forceStore(bad); // so that the sender serves the missing transaction
      sender.net().sendForTest(victim.id(), compactNaming(bad, bad.transactions()));
      await().atMost(Duration.ofSeconds(10)).until(() -> victim.chain().isInvalid(bad.hash()));

      // Still linked: a later transaction from the sender arrives (the verdict on the block came first).
      Transaction tx = sc.tx(3, 0);
      sc.acceptTx(tx);
      await().atMost(Duration.ofSeconds(10)).until(() -> victim.chain().inMempool(tx.txid()));
      assertEquals(0, victim.net().stats().bans());
      assertTrue(victim.connectedTo(sender));
      assertEquals(0, victim.chain().tip().height());
      assertEquals(1L, victim.net().stats().compactReconstructed());
    }
  }

  @Test
  void compactBlockRebuiltWithTheWrongTransactionIsFetchedInFullFromItsSender() {
    try (TestNodes t = new TestNodes()) {
      Node victim = t.start();
      Node sender = t.start();
      TestNodes.link(sender, victim);
      Transaction real = sender.chain().tx(3, 0);
      Transaction other = sender.chain().tx(4, 0);
      victim.chain().acceptTx(other); // the victim holds only the transaction the short id will name
      MemoryChain sc = sender.chain();
      Block block = sc.build(sc.genesisHash(), List.of(real));
      sc.forceStore(block); // stored for serving, not connected: no push of the sender's own
      // Short ids naming the wrong transaction: the rebuild cannot match the header's Merkle root.
      sender.net().sendForTest(victim.id(), compactNaming(block, List.of(other)));
      await().atMost(Duration.ofSeconds(10)).until(() -> victim.chain().tip().hash().equals(block.hash()));
      assertEquals(0, victim.net().stats().bans());
      assertTrue(victim.connectedTo(sender));
      // The rebuild was complete (the wrong transaction is in the mempool), so the block came in full.
      assertTrue(victim.net().stats().bytesOut().get(MessageType.GET_BLOCKS) > 0, "the full block was asked for");
    }
  }

  @Test
  void theSameCompactBlockTwiceWhileItsMissingTransactionsAreFetchedBansNobody() {
    try (TestNodes t = new TestNodes()) {
      Node victim = t.start();
      Node sender = t.start();
      TestNodes.link(sender, victim);
      MemoryChain sc = sender.chain();
      Block block = sc.build(sc.genesisHash(), List.of(sc.tx(3, 0))); // not in the victim's mempool
      sc.forceStore(block); // so that the sender serves the missing transaction
      Message.CompactBlock cb = compactNaming(block, block.transactions());
      // e.g. a push crossing the answer to a GET_COMPACT: the second must not start a second fetch,
      // whose answer would then arrive for a rebuild already finished.
      sender.net().sendForTest(victim.id(), cb);
      sender.net().sendForTest(victim.id(), cb);
      await().atMost(Duration.ofSeconds(10)).until(() -> victim.chain().tip().hash().equals(block.hash()));
      Transaction later = sc.tx(4, 0);
      sc.acceptTx(later);
      await().atMost(Duration.ofSeconds(10)).until(() -> victim.chain().inMempool(later.txid()));
      assertEquals(0, victim.net().stats().bans());
      assertTrue(victim.connectedTo(sender));
      assertEquals(1L, victim.net().stats().compactReconstructed());
    }
  }

  @Test
  void blockTransactionsNobodyAskedForBanTheirSenderUnlessTheBlockIsAlreadyHere() {
    try (TestNodes t = new TestNodes()) {
      Node victim = t.start();
      Node sender = t.start();
      TestNodes.link(sender, victim);
      Block mined = sender.chain().mine(true);
      await().atMost(Duration.ofSeconds(10)).until(() -> victim.chain().tip().hash().equals(mined.hash()));
      // A late answer for a block the victim has: blocks race, no breach.
      sender.net().sendForTest(victim.id(), new Message.BlockTxs(mined.hash(), mined.transactions()));
      Transaction later = sender.chain().tx(4, 0);
      sender.chain().acceptTx(later);
      await().atMost(Duration.ofSeconds(10)).until(() -> victim.chain().inMempool(later.txid()));
      assertEquals(0, victim.net().stats().bans());
      // For a block nobody rebuilds or has: a breach.
      Block other = sender.chain().build(mined.hash(), List.of(sender.chain().tx(5, 0)));
      sender.net().sendForTest(victim.id(), new Message.BlockTxs(other.hash(), other.transactions()));
      await().atMost(Duration.ofSeconds(10)).until(() -> victim.net().bannedCount() == 1);
      assertFalse(victim.connectedTo(sender));
    }
  }

  /** {@code b}'s header with one short id per transaction of {@code named} (which may not be b's own). */
  private static Message.CompactBlock compactNaming(Block b, List<Transaction> named) {
    long salt = 7L;
    ShortIds ids = ShortIds.forBlock(b.header(), salt);
    return new Message.CompactBlock(b.header(), salt, named.stream().map(tx -> ids.of(tx.txid())).toList());
  }
}
