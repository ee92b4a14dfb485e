package io.cairn.node.hostile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.reason.Reason;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.p2p.NodeKey;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.ShortTxid;
import io.cairn.node.service.NodeService;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an attack happens: the victim node, the honest node linked to it, and helpers that every
 * script shares (fresh attackers, the victim's chain learnt over the wire, announce-then-serve).
 * Every peer opened here is closed by {@link #closeAttackers}.
 */
final class Arena {
  static final Duration STEP = Duration.ofSeconds(10);

  final NodeService victim;
  final NodeService honest;
  final NodeRpc victimRpc;
  final NodeRpc honestRpc;
  final ChainSpec spec;
  final Hash genesis;
  private final EventLoopGroup group;
  private final List<HostilePeer> opened = new ArrayList<>();

  Arena(NodeService victim, NodeService honest, EventLoopGroup group) {
    this.victim = victim;
    this.honest = honest;
    this.group = group;
    this.victimRpc = new NodeRpc(victim);
    this.honestRpc = new NodeRpc(honest);
    this.spec = victim.config().spec();
    this.genesis = victimRpc.genesisHash();
  }

  /** TLS done with a fresh identity, no HELLO sent. */
  HostilePeer connectOnly() throws InterruptedException {
    return connectOnly(NodeKey.generate());
  }

  HostilePeer connectOnly(NodeKey key) throws InterruptedException {
    HostilePeer p = HostilePeer.connect(group, victim.p2pPort(), key);
    synchronized (opened) {
      opened.add(p);
    }
    return p;
  }

  /** A fresh identity past the handshake, registered by the victim as an inbound peer. */
  HostilePeer attacker() throws InterruptedException {
    return attacker(NodeKey.generate());
  }

  HostilePeer attacker(NodeKey key) throws InterruptedException {
    HostilePeer p = connectOnly(key);
    p.hello(genesis);
    String id = key.id().toString();
    await().atMost(STEP).until(() -> victimRpc.connectedTo(id) || !p.isOpen());
    return p;
  }

  /** The victim's main chain, asked over the wire (GET_HEADERS from the genesis), as a forge. */
  Forge forge(HostilePeer via) throws InterruptedException {
    NodeRpc.Tip tip = victimRpc.tip();
    if (tip.height() == 0) {
      return new Forge(spec, List.of());
    }
    via.send(new Message.GetHeaders(List.of(genesis)));
    Message m = via.awaitMessage(x -> x instanceof Message.Headers h && !h.headers().isEmpty()
        && h.headers().get(0).height() == 1, STEP).orElseThrow(() -> new AssertionError("no headers reply"));
    List<BlockHeader> hs = ((Message.Headers) m).headers();
    assertEquals(tip.hash(), hs.get(hs.size() - 1).hash(), "the victim's tip moved while the attack was prepared");
    return new Forge(spec, hs);
  }

  /**
   * Announces {@code b} by its header, waits for the victim to ask for it (compactly or in full),
   * answers with the full block and returns the victim's goodbye.
   */
  Message.Bye announceAndServe(HostilePeer p, Block b) throws InterruptedException {
    announceAndServe(p, b.header(), b);
    return p.awaitBye(STEP);
  }

  /** Announces {@code header}, waits for the victim to ask for it, answers with {@code body} in full. */
  void announceAndServe(HostilePeer p, BlockHeader header, Block body) throws InterruptedException {
    Hash hash = header.hash();
    p.send(new Message.Headers(List.of(header)));
    p.awaitMessage(m -> m instanceof Message.GetCompact gc && gc.hash().equals(hash)
        || m instanceof Message.GetBlocks gb && gb.hashes().contains(hash), STEP)
        .orElseThrow(() -> new AssertionError("the victim never asked for block " + hash.shortHex() + "; got " + p.summary()));
    p.send(new Message.FullBlock(body));
  }

  /**
   * Relays one transaction the way gossip does (INV_TX, then TXS when asked), then asks the victim
   * for it back: NOT_FOUND proves the victim processed and refused it without dropping the link.
   */
  void relayRefused(HostilePeer p, io.cairn.common.model.Transaction tx) throws InterruptedException {
    Hash id = tx.txid();
    ShortTxid sid = ShortTxid.of(id);
    p.send(new Message.InvTx(List.of(sid)));
    p.awaitMessage(m -> m instanceof Message.GetTx g && g.txids().contains(sid), STEP)
        .orElseThrow(() -> new AssertionError("the victim never asked for tx " + id.shortHex()));
    p.send(new Message.Txs(List.of(tx)));
    p.send(new Message.GetTx(List.of(sid)));
    p.awaitMessage(m -> m instanceof Message.TxNotFound nf && nf.txids().contains(sid), STEP)
        .orElseThrow(() -> new AssertionError("tx " + id.shortHex() + " is not refused; got " + p.summary()));
  }

  /** Asserts the BYE carries {@code reason} and the link is then closed. */
  static void assertBye(HostilePeer p, Message.Bye bye, Reason reason) throws InterruptedException {
    assertEquals(reason, bye.reason(), "BYE detail: " + bye.detail());
    if (!p.awaitClosed(STEP)) {
      throw new AssertionError("the victim said BYE but kept the link open");
    }
  }

  void closeAttackers() {
    synchronized (opened) {
      opened.forEach(HostilePeer::close);
      opened.clear();
    }
  }
}
