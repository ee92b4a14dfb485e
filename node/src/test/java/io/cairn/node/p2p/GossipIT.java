package io.cairn.node.p2p;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import io.cairn.node.p2p.TestNodes.Node;
import io.cairn.node.p2p.wire.MessageType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flooding of transactions and blocks over a ring of five nodes (multi-hop), and over local channels. */
class GossipIT {

  private static List<Node> ring(TestNodes t, int n, P2pConfig cfg) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(t.start(cfg));
    }
    for (int i = 0; i < n; i++) {
      TestNodes.link(nodes.get(i), nodes.get((i + 1) % n));
    }
    return nodes;
  }

  @Test
  void transactionAndBlockReachEveryNodeAboutOnce() {
    try (TestNodes t = new TestNodes()) {
      List<Node> nodes = ring(t, 5, TestNodes.fast().build());
      Transaction tx = nodes.get(0).chain().tx(1, 0);
      assertTrue(nodes.get(0).chain().acceptTx(tx).isEmpty());
      await().atMost(Duration.ofSeconds(15)).until(() -> nodes.stream().allMatch(n -> n.chain().inMempool(tx.txid())));

      Block b = nodes.get(2).chain().mine(true);
      await().atMost(Duration.ofSeconds(15)).until(() ->
          nodes.stream().allMatch(n -> n.chain().tip().hash().equals(b.hash())));
      long compact = 0;
      for (Node n : nodes) {
        P2pStats.Snapshot s = n.net().stats();
        if (n != nodes.get(0)) {
          assertEquals(1, s.txReceived() - s.txDuplicates(), "new tx bodies at node " + n.index());
          assertTrue(s.txDuplicates() <= 1, "tx duplicates at node " + n.index() + ": " + s.txDuplicates());
        }
        if (n != nodes.get(2)) {
          assertTrue(s.blocksReceived() >= 1 && s.blocksReceived() <= 2, "blocks received at " + n.index() + ": " + s.blocksReceived());
          assertTrue(s.blockDuplicates() <= 1, "block duplicates at " + n.index());
        }
        compact += s.compactReconstructed();
        assertTrue(s.bytesIn().get(MessageType.INV_TX) > 0 || n == nodes.get(0));
      }
      assertEquals(4, compact, "every receiver rebuilt the block from its mempool");
      assertTrue(nodes.stream().allMatch(n -> n.chain().mempoolSize() == 0));
    }
  }

  @Test
  void burstOfTransactionsReachesEveryNodeWithoutLoss() {
    int count = Boolean.getBoolean("cairn.slow") ? 20_000 : 3_000;
    try (TestNodes t = new TestNodes()) {
      // Small queues and in-flight limits force the backpressure and refill paths.
      // Late answers on a loaded machine are not asked again of another peer: the duplicate count measures
      // relay, not the 1 s test timeout.
      P2pConfig cfg = TestNodes.fast().maxAnnounceQueue(500).maxTxInFlightPerPeer(300)
          .txRequestTimeout(Duration.ofSeconds(20)).build();
      List<Node> nodes = ring(t, 3, cfg);
      MemoryChain source = nodes.get(0).chain();
      List<Transaction> txs = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        txs.add(source.tx(i, 0));
      }
      for (Transaction tx : txs) {
        source.acceptTx(tx);
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> nodes.stream().allMatch(n -> n.chain().mempoolSize() == count));
      int txSize = txs.get(0).encodedLength();
      for (Node n : nodes.subList(1, 3)) {
        P2pStats.Snapshot s = n.net().stats();
        assertTrue(s.txReceived() <= count * 1.1, "bodies received " + s.txReceived() + " for " + count);
        double ratio = (double) s.totalBytesIn() / ((long) count * txSize);
        System.out.printf("node %d: %d txs, %.2f x tx size received per tx (frames, before TLS)%n", n.index(), count, ratio);
        assertTrue(ratio < 2.0, "bytes in per tx " + ratio + " x the tx size");
      }
    }
  }

  @Test
  void sameLogicRunsOverInMemoryChannels() {
    try (TestNodes t = new TestNodes()) {
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        nodes.add(t.start(TestNodes.fast().transport(P2pConfig.Transport.LOCAL).listenPort(40_000 + i).build()));
      }
      TestNodes.link(nodes.get(0), nodes.get(1));
      TestNodes.link(nodes.get(1), nodes.get(2));
      Transaction tx = nodes.get(0).chain().tx(3, 0);
      nodes.get(0).chain().acceptTx(tx);
      await().atMost(Duration.ofSeconds(10)).until(() -> nodes.get(2).chain().inMempool(tx.txid()));
      Block b = nodes.get(2).chain().mine(true);
      await().atMost(Duration.ofSeconds(10)).until(() -> nodes.get(0).chain().tip().hash().equals(b.hash()));
      assertEquals("local", nodes.get(0).net().listenAddress().host());
    }
  }
}
