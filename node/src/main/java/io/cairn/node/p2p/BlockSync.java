package io.cairn.node.p2p;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.MessageCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Headers-first sync and block relay. Headers are checked by the backend (linkage, proof of work,
 * target) before any body is asked for; each accepted header without a body is handed to {@link
 * BlockDownload}, which spreads the requests over the peers. Received bodies go through {@link
 * BlockPipeline}, which hands them to the backend in order while the next ones download and
 * verify. The next block on top of the tip is fetched compactly ({@link CompactBlocks}).
 */
final class BlockSync {
  private static final int MAX_ANNOUNCED_HEADERS = 8;
  private static final int MAX_UNCONNECTING = 10;
  static final long SERVE_BUDGET = 4L << 20;

  private final Network net;
  private final CompactBlocks compact;
  private final BlockDownload download;
  private final BlockPipeline pipeline;
  private Peer pausedHeaders;
  private Hash pausedFrom;

  BlockSync(Network net) {
    this.net = net;
    this.compact = new CompactBlocks(net);
    this.download = new BlockDownload(net);
    this.pipeline = new BlockPipeline(net, download, p -> requestHeaders(p, null), this::fetchFull);
  }

  /**
   * Asks a peer claiming more work for headers. A HELLO's height is only a claim: from a peer with no
   * more work it is capped at our height (a tall claim alone would make the node "syncing", which
   * pauses its miner); headers it sends raise it again.
   */
  void onConnected(Peer p) {
    p.connectedAt = net.now();
    P2pBackend.Tip tip = net.backend.tip();
    if (p.work.compareTo(tip.cumulativeWork()) > 0) {
      requestHeaders(p, null);
    } else {
      p.bestHeight = Math.min(p.bestHeight, tip.height());
    }
  }

  private void requestHeaders(Peer p, Hash after) {
    List<Hash> locator = new ArrayList<>();
    if (after != null) {
      locator.add(after);
    }
    for (Hash h : net.backend.locator()) {
      if (locator.size() < MessageCodec.MAX_LOCATOR && !h.equals(after)) {
        locator.add(h);
      }
    }
    p.headersPending++;
    p.headersRequestedAt = net.now();
    p.send(new Message.GetHeaders(locator));
  }

  /**
   * A block about to be connected on our tip, checked except against the state and its signatures:
   * unless we are still downloading blocks, every peer at its parent is pushed the compact block
   * now, so that it rebuilds and checks the block while we connect it. A peer does not hold a
   * compact block that then fails against the state against its sender ({@link BlockPipeline}).
   */
  void onBlockStored(Block b) {
    compact.stored(b.hash());
    pushCompact(b);
  }

  /**
   * A block this node mined, before its own checks (see {@link P2pBackend.Listener#onBlockMined}):
   * pushed like a stored one when it extends the tip, and kept to serve until it is stored.
   */
  void onBlockMined(Block b) {
    if (b.header().prevHash().equals(net.backend.tip().hash())) {
      compact.remember(b);
      pushCompact(b);
    }
  }

  /**
   * New tip from any source. Peers at its parent that were not pushed it yet get it compactly (see
   * {@link #onBlockStored}); every other peer not known to have it gets the header.
   */
  void onBlockConnected(Block b) {
    Hash hash = b.hash();
    compact.stored(hash);
    pushCompact(b);
    for (Peer p : net.peers.values()) {
      if (p.knownBlocks.add(hash)) {
        p.send(new Message.Headers(List.of(b.header())));
      }
    }
    download.countConnected();
    net.txRelay.onNewTip();
  }

  /**
   * Unless we are still downloading blocks, a peer that is at the block's parent (claims the
   * parent's height, or knows the parent and claims no more) and does not know the block is pushed
   * the compact block, saving the GET_COMPACT round trip.
   */
  private void pushCompact(Block b) {
    if (download.size() != 0) {
      return;
    }
    Hash hash = b.hash();
    Hash parent = b.header().prevHash();
    Message.CompactBlock push = null;
    for (Peer p : net.peers.values()) {
      boolean atParent = p.bestHeight == b.height() - 1 || p.bestHeight < b.height() && p.knownBlocks.contains(parent);
      if (atParent && p.knownBlocks.add(hash)) {
        push = push != null ? push : compact.compact(b);
        p.send(push);
      }
    }
  }

  void serveHeaders(Peer p, List<Hash> locator) {
    List<BlockHeader> hs = net.backend.headersAfter(locator, MessageCodec.MAX_HEADERS);
    for (BlockHeader h : hs) {
      p.knownBlocks.add(h.hash());
    }
    p.send(new Message.Headers(hs));
  }

  /**
   * Sends the blocks; past {@link #SERVE_BUDGET} bytes the rest waits (at the head of the peer's
   * serve queue) until those writes complete, so one request cannot pile up unbounded output.
   */
  void serveBlocks(Peer p, List<Hash> hashes) {
    List<Hash> missing = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; i < hashes.size(); i++) {
      Hash h = hashes.get(i);
      Optional<Block> b = compact.block(h);
      if (b.isEmpty()) {
        missing.add(h);
        continue;
      }
      p.knownBlocks.add(h);
      bytes += b.get().encodedLength();
      if (bytes >= SERVE_BUDGET && i + 1 < hashes.size()) {
        p.serveQueue.addFirst(new Message.GetBlocks(hashes.subList(i + 1, hashes.size())));
        p.servingBusy = true;
        p.channel.writeAndFlush(new Message.FullBlock(b.get())).addListener(f -> net.execute(() -> {
          p.servingBusy = false;
          net.onWritable(p);
        }));
        break;
      }
      p.send(new Message.FullBlock(b.get()));
    }
    if (!missing.isEmpty()) {
      p.send(new Message.NotFound(true, missing));
    }
  }

  void serveCompact(Peer p, Hash hash) {
    compact.serveCompact(p, hash);
  }

  void serveBlockTxs(Peer p, Message.GetBlockTxs m) {
    compact.serveBlockTxs(p, m);
  }

  void onHeaders(Peer p, List<BlockHeader> hs) {
    // Up to 8 headers may be an announcement or a short reply, so only longer (or empty) messages
    // count as replies; a longer one nobody asked for is a breach. A reply left uncounted only
    // keeps the request open until it times out.
    boolean solicited = hs.size() > MAX_ANNOUNCED_HEADERS || hs.isEmpty();
    if (solicited && p.headersPending == 0 && !hs.isEmpty()) {
      net.misbehave(p, Rejected.of(Reason.UNSOLICITED, hs.size() + " headers that were not requested"));
      return;
    }
    if (solicited) {
      p.headersPending = Math.max(0, p.headersPending - 1);
      if (hs.isEmpty()) {
        p.bestHeight = Math.min(p.bestHeight, net.backend.tip().height()); // nothing beyond our locator
      }
    }
    for (int i = 1; i < hs.size(); i++) {
      if (!hs.get(i).prevHash().equals(hs.get(i - 1).hash())) {
        net.misbehave(p, Rejected.of(Reason.MALFORMED, "headers are not a chain at position " + i));
        return;
      }
    }
    List<Optional<Rejected>> results = hs.isEmpty() ? List.of() : net.backend.acceptHeaders(hs);
    Hash last = null;
    for (int i = 0; i < results.size(); i++) {
      BlockHeader h = hs.get(i);
      Hash hash = h.hash();
      p.knownBlocks.add(hash);
      Optional<Rejected> r = results.get(i);
      if (r.isPresent() && r.get().reason() == Reason.UNKNOWN_PARENT && i == 0) {
        if (++p.unconnectingHeaders > MAX_UNCONNECTING) {
          net.misbehave(p, Rejected.of(Reason.FLOOD, "too many headers that do not connect"));
        } else {
          requestHeaders(p, null);
        }
        return;
      }
      if (r.isPresent() && r.get().reason() != Reason.ALREADY_KNOWN) {
        net.misbehave(p, r.get());
        return;
      }
      p.unconnectingHeaders = 0;
      p.bestHeight = Math.max(p.bestHeight, h.height());
      if (!net.backend.hasBlock(hash)) {
        download.want(h, hash, p);
      }
      last = hash;
    }
    if (solicited && hs.size() == MessageCodec.MAX_HEADERS) {
      if (download.size() >= net.cfg.maxWantedHeaders()) {
        pausedHeaders = p;
        pausedFrom = last;
      } else {
        requestHeaders(p, last);
      }
    }
    schedule();
  }

  private void schedule() {
    pipeline.scheduleDownloads();
  }

  void onBlock(Peer p, Block b) {
    Hash hash = b.hash();
    if (!p.blocksRequested.remove(hash)) {
      net.misbehave(p, Rejected.of(Reason.UNSOLICITED, "block " + hash.shortHex() + " was not requested"));
      return;
    }
    received(p, hash);
    deliver(b, p, false);
    schedule();
  }

  void onCompact(Peer p, Message.CompactBlock cb) {
    Hash hash = cb.header().hash();
    if (!p.blocksRequested.contains(hash) && !acceptPush(p, cb, hash)) {
      return;
    }
    if (net.backend.hasBlock(hash)) {
      p.blocksRequested.remove(hash);
      received(p, hash);
      net.stats.blockDuplicates.increment();
      return;
    }
    Peer waiting = compact.rebuilder(hash);
    if (waiting != null) {
      // A rebuild of this block already waits for its missing transactions (e.g. a push crossed the
      // answer to a GET_COMPACT): a second one would ask again, and the first answer would then come
      // for a finished rebuild. Another peer's copy counts as delivered; the first rebuild goes on.
      net.stats.blockDuplicates.increment();
      if (waiting != p) {
        p.blocksRequested.remove(hash);
        received(p, hash);
      }
      return;
    }
    Block b = compact.onCompact(p, cb);
    if (b != null) {
      p.blocksRequested.remove(hash);
      received(p, hash);
      deliver(b, p, true);
      schedule();
    }
  }

  /**
   * A compact block nobody asked for: a peer pushing its new tip. Taken like a requested one when
   * its header is valid and extends our tip and nobody is fetching the block yet; a header on
   * another block is handled as an announcement; a push we cannot use is dropped (not the
   * sender's fault: blocks race). An invalid header is a breach.
   */
  private boolean acceptPush(Peer p, Message.CompactBlock cb, Hash hash) {
    p.knownBlocks.add(hash);
    if (!cb.header().prevHash().equals(net.backend.tip().hash())) {
      onHeaders(p, List.of(cb.header()));
      return false;
    }
    if (net.backend.hasBlock(hash) || pipeline.has(hash) || compact.rebuilder(hash) != null || download.isAssigned(hash)) {
      net.stats.blockDuplicates.increment();
      return false;
    }
    Optional<Rejected> r = net.backend.acceptHeader(cb.header());
    if (r.isPresent() && r.get().reason() == Reason.TIME_TOO_NEW) {
      return false; // clocks differ: not a breach, and the header may become acceptable later
    }
    if (r.isPresent() && r.get().reason() != Reason.ALREADY_KNOWN) {
      net.misbehave(p, r.get());
      return false;
    }
    p.bestHeight = Math.max(p.bestHeight, cb.header().height());
    download.pushed(cb.header(), hash, p);
    return true;
  }

  void onBlockTxs(Peer p, Message.BlockTxs m) {
    boolean[] unsolicited = new boolean[1];
    Block b = compact.onBlockTxs(p, m, unsolicited);
    if (unsolicited[0] && (net.backend.hasBlock(m.hash()) || pipeline.has(m.hash()))) {
      net.stats.blockDuplicates.increment(); // a late answer for a block we got meanwhile: blocks race
    } else if (unsolicited[0]) {
      net.misbehave(p, Rejected.of(Reason.UNSOLICITED, "block transactions that were not requested"));
    } else if (b != null) {
      p.blocksRequested.remove(m.hash());
      received(p, m.hash());
      deliver(b, p, true);
      schedule();
    }
  }

  private void received(Peer p, Hash hash) {
    p.knownBlocks.add(hash);
    net.stats.blocksReceived.increment();
    download.received(p, hash);
  }

  void onNotFound(Peer p, List<Hash> hashes) {
    for (Hash h : hashes) {
      p.blocksRequested.remove(h);
      compact.forget(h);
      download.notFound(p, h);
    }
    schedule();
  }

  /** Asks {@code p} for the whole block (a compact rebuild of it failed its Merkle root). */
  private void fetchFull(Block b, Peer p) {
    download.pushed(b.header(), b.hash(), p); // counts as requested from p: a silence times out like any request
    p.send(new Message.GetBlocks(List.of(b.hash())));
  }

  private void deliver(Block b, Peer from, boolean compact) {
    pipeline.deliver(b, from, compact);
  }

  void onClosed(Peer p) {
    compact.onClosed(p);
    download.onClosed(p);
    if (pausedHeaders == p) {
      pausedHeaders = null;
    }
    schedule();
  }

  void tick() {
    long now = net.now();
    download.tick(now);
    pipeline.dropStranded(now);
    for (Peer p : net.peers.values()) {
      if (p.headersPending > 0 && now - p.headersRequestedAt > net.cfg.requestTimeout().toMillis()) {
        p.headersPending = 0;
        p.bestHeight = Math.min(p.bestHeight, net.backend.tip().height()); // a claim it did not back up
      }
    }
    if (pausedHeaders != null && download.size() < net.cfg.maxWantedHeaders() / 2) {
      Peer p = pausedHeaders;
      pausedHeaders = null;
      if (!p.closed) {
        requestHeaders(p, pausedFrom);
      }
    }
    schedule();
  }

  /**
   * True while the node is fetching blocks: bodies are wanted or importing, or headers were asked
   * of a peer claiming a higher chain. A claim alone is not enough: a peer's best height can be stale
   * (it moved to a shorter chain with more work) or a chain we refuse, and a node "syncing" pauses
   * its miner; every miner paused on such a claim would halt the network.
   */
  boolean catchingUp() {
    if (wantedCount() > 0) {
      return true;
    }
    long tip = net.backend.tip().height();
    for (Peer p : net.peers.values()) {
      if (p.headersPending > 0 && p.bestHeight > tip + 1) {
        return true;
      }
    }
    return false;
  }

  /** Encoded bytes of received blocks held on their way into the chain (buffered, ready, importing). */
  long heldBlockBytes() {
    return pipeline.heldBytes();
  }

  /** Bodies still to download or to import (a syncing node). */
  int wantedCount() {
    return download.size() + pipeline.importing();
  }
}
