package io.cairn.node.p2p;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.Ed25519;
import io.cairn.common.crypto.PublicKey;
import io.cairn.common.model.Transaction;
import io.cairn.common.spec.Genesis;
import io.cairn.node.p2p.TestNodes.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Relay through a backend that admits received transactions later, on a thread of its own (as the
 * node does: signatures on the verifier pool, admission on the chain thread): nothing is lost or
 * fetched twice while batches wait for their answers, and a bad transaction in a batch still gets its
 * sender banned.
 */
class TxRelayIT {

  @Test
  void burstThroughAsynchronousAdmissionReachesEveryNodeAboutOnce() {
    int senders = 1_000;
    int nonces = 3;
    int count = senders * nonces;
    try (TestNodes t = new TestNodes()) {
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        // A request answered late on a loaded machine is not asked of another peer (which would count
        // as a duplicate body): the counts below measure relay, not the 1 s test timeout.
        Node n = t.start(TestNodes.fast().maxTxInFlightPerPeer(400).txRequestTimeout(Duration.ofSeconds(20)).build());
        n.chain().admitAsynchronously();
        nodes.add(n);
      }
      TestNodes.link(nodes.get(0), nodes.get(1));
      TestNodes.link(nodes.get(1), nodes.get(2));
      TestNodes.link(nodes.get(2), nodes.get(0));
      MemoryChain source = nodes.get(0).chain();
      for (long nonce = 0; nonce < nonces; nonce++) {
        for (int s = 0; s < senders; s++) {
          assertTrue(source.acceptTx(source.tx(s, nonce)).isEmpty());
        }
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> nodes.stream().allMatch(n -> n.chain().mempoolSize() == count));
      for (Node n : nodes.subList(1, 3)) {
        P2pStats.Snapshot s = n.net().stats();
        assertEquals(count, s.txReceived() - s.txDuplicates(), "new bodies at node " + n.index());
        assertTrue(s.txReceived() <= count * 1.1, "bodies received " + s.txReceived() + " for " + count);
        assertEquals(0, s.bans());
      }
    }
  }

  @Test
  void badSignatureInAnAsynchronousBatchGetsTheSenderBanned() {
    try (TestNodes t = new TestNodes()) {
      Node victim = t.start();
      victim.chain().admitAsynchronously();
      Node evil = t.start();
      MemoryChain ec = evil.chain();
      ec.verifySignatures(false);
      Transaction good = ec.tx(1, 0);
      byte[] seed = MemoryChain.seed(5);
      Transaction bad = Transaction.unsigned(PublicKey.of(Ed25519.publicKey(seed)), MemoryChain.address(9999),
          Amount.ofUnits(1), Amount.ofUnits(1_000), 0, Bytes.EMPTY).signWith(seed, Genesis.hash(MemoryChain.spec("other")));
      assertTrue(ec.acceptTx(good).isEmpty());
      assertTrue(ec.acceptTx(bad).isEmpty());
      evil.net().connect(victim.net().listenAddress()); // the ban may come before a link would be seen

      await().atMost(Duration.ofSeconds(15)).until(() -> victim.net().bannedCount() == 1);
      assertEquals(1, victim.net().stats().bans());
      assertFalse(victim.connectedTo(evil));
      assertTrue(victim.chain().inMempool(good.txid()), "the good transaction of the batch is kept");
      assertFalse(victim.chain().inMempool(bad.txid()));
    }
  }
}
