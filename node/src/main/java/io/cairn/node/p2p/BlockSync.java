package io.cairn.node.p2p;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.MessageCodec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headers-first sync and block relay. Headers are checked by the backend (linkage, proof of work,
 * target) before any body is asked for; each accepted header without a body becomes a {@link Want}.
 * Bodies inside a window ahead of the tip are requested from every peer that has them (fewest in
 * flight first, bounded per peer), buffered, and connected strictly in order. The peer holding up
 * the lowest wanted block for longer than the stall timeout loses all its requests to others. The
 * next block on top of the tip is fetched compactly ({@link CompactBlocks}).
 */
final class BlockSync {
  private static final Logger log = LoggerFactory.getLogger(BlockSync.class);
  private static final int MAX_ANNOUNCED_HEADERS = 8;
  private static final int MAX_UNCONNECTING = 10;
  static final long SERVE_BUDGET = 4L << 20;
  /** Rejections that are not the sender's fault. */
  private static final Set<Reason> BENIGN = EnumSet.of(Reason.ALREADY_KNOWN, Reason.UNKNOWN_PARENT, Reason.TIME_TOO_NEW);

  private final Network net;
  private final CompactBlocks compact;
  private final TreeSet<Want> wanted = new TreeSet<>(
      Comparator.comparingLong((Want w) -> w.header.height()).thenComparing(w -> w.hash));
  private final Map<Hash, Want> byHash = new HashMap<>();
  private final Map<Hash, Buffered> buffered = new HashMap<>();
  private Peer pausedHeaders;
  private Hash pausedFrom;
  private long lastLogMs;
  private long connectedSinceLog;

  private static final class Want {
    final BlockHeader header;
    final Hash hash;
    final Set<Peer> sources = new LinkedHashSet<>();
    final Set<Peer> failed = new HashSet<>();
    Peer assigned;
    long requestedAt;

    Want(BlockHeader header, Hash hash) {
      this.header = header;
      this.hash = hash;
    }
  }

  private record Buffered(Block block, Peer from) {}

  BlockSync(Network net) {
    this.net = net;
    this.compact = new CompactBlocks(net);
  }

  void onConnected(Peer p) {
    if (p.work.compareTo(net.backend.tip().cumulativeWork()) > 0) {
      requestHeaders(p, null);
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
    p.headersRequested = true;
    p.headersRequestedAt = net.now();
    p.send(new Message.GetHeaders(locator));
  }

  /** New tip from any source: announce it by header to every peer not known to have it. */
  void onBlockConnected(Block b) {
    Hash hash = b.hash();
    for (Peer p : net.peers.values()) {
      if (p.knownBlocks.add(hash)) {
        p.send(new Message.Headers(List.of(b.header())));
      }
    }
    connectedSinceLog++;
    net.txRelay.onNewTip();
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
      Optional<Block> b = net.backend.block(h);
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
    boolean solicited = p.headersRequested;
    p.headersRequested = false;
    if (!solicited && hs.size() > MAX_ANNOUNCED_HEADERS) {
      net.misbehave(p, Rejected.of(Reason.UNSOLICITED, hs.size() + " headers that were not requested"));
      return;
    }
    Hash last = null;
    for (int i = 0; i < hs.size(); i++) {
      BlockHeader h = hs.get(i);
      Hash hash = h.hash();
      if (i > 0 && !h.prevHash().equals(last)) {
        net.misbehave(p, Rejected.of(Reason.MALFORMED, "headers are not a chain at position " + i));
        return;
      }
      p.knownBlocks.add(hash);
      Optional<Rejected> r = net.backend.acceptHeader(h);
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
        want(h, hash, p);
      }
      last = hash;
    }
    if (solicited && hs.size() == MessageCodec.MAX_HEADERS) {
      if (wanted.size() >= net.cfg.maxWantedHeaders()) {
        pausedHeaders = p;
        pausedFrom = last;
      } else {
        requestHeaders(p, last);
      }
    }
    schedule();
  }

  private void want(BlockHeader h, Hash hash, Peer source) {
    Want w = byHash.get(hash);
    if (w == null) {
      w = new Want(h, hash);
      byHash.put(hash, w);
      wanted.add(w);
    }
    w.sources.add(source);
  }

  /** Hands out requests for wanted bodies inside the window. */
  void schedule() {
    if (wanted.isEmpty()) {
      return;
    }
    P2pBackend.Tip tip = net.backend.tip();
    long limit = tip.height() + net.cfg.blockWindow();
    Map<Peer, List<Hash>> batches = new HashMap<>();
    long now = net.now();
    for (Want w : wanted) {
      if (w.header.height() > limit) {
        break;
      }
      if (w.assigned != null || buffered.containsKey(w.hash)) {
        continue;
      }
      Peer best = pick(w);
      if (best == null) {
        continue;
      }
      w.assigned = best;
      w.requestedAt = now;
      best.blocksInFlight.add(w.hash);
      best.blocksRequested.add(w.hash);
      if (w.header.prevHash().equals(tip.hash()) && wanted.size() <= 2) {
        best.send(new Message.GetCompact(w.hash));
      } else {
        batches.computeIfAbsent(best, k -> new ArrayList<>()).add(w.hash);
      }
    }
    batches.forEach((p, hashes) -> {
      for (int i = 0; i < hashes.size(); i += MessageCodec.MAX_BLOCK_REQUEST) {
        p.send(new Message.GetBlocks(hashes.subList(i, Math.min(hashes.size(), i + MessageCodec.MAX_BLOCK_REQUEST))));
      }
    });
  }

  /** The source (or, failing that, any peer high enough) with the fewest requests in flight. */
  private Peer pick(Want w) {
    Peer best = null;
    for (Peer p : w.sources) {
      best = better(best, p, w);
    }
    if (best == null) {
      for (Peer p : net.peers.values()) {
        if (p.bestHeight >= w.header.height()) {
          best = better(best, p, w);
        }
      }
    }
    return best;
  }

  private Peer better(Peer best, Peer p, Want w) {
    if (p.closed || w.failed.contains(p) || p.blocksInFlight.size() >= net.cfg.maxBlocksInFlightPerPeer()) {
      return best;
    }
    return best == null || p.blocksInFlight.size() < best.blocksInFlight.size() ? p : best;
  }

  void onBlock(Peer p, Block b) {
    Hash hash = b.hash();
    if (!p.blocksRequested.remove(hash)) {
      net.misbehave(p, Rejected.of(Reason.UNSOLICITED, "block " + hash.shortHex() + " was not requested"));
      return;
    }
    received(p, hash);
    deliver(b, p);
    schedule();
  }

  void onCompact(Peer p, Message.CompactBlock cb) {
    Hash hash = cb.header().hash();
    if (!p.blocksRequested.contains(hash)) {
      net.misbehave(p, Rejected.of(Reason.UNSOLICITED, "compact block " + hash.shortHex() + " was not requested"));
      return;
    }
    if (net.backend.hasBlock(hash)) {
      p.blocksRequested.remove(hash);
      received(p, hash);
      net.stats.blockDuplicates.increment();
      return;
    }
    Block b = compact.onCompact(p, cb);
    if (b != null) {
      p.blocksRequested.remove(hash);
      received(p, hash);
      deliver(b, p);
      schedule();
    }
  }

  void onBlockTxs(Peer p, Message.BlockTxs m) {
    boolean[] unsolicited = new boolean[1];
    Block b = compact.onBlockTxs(p, m, unsolicited);
    if (unsolicited[0]) {
      net.misbehave(p, Rejected.of(Reason.UNSOLICITED, "block transactions that were not requested"));
    } else if (b != null) {
      p.blocksRequested.remove(m.hash());
      received(p, m.hash());
      deliver(b, p);
      schedule();
    }
  }

  private void received(Peer p, Hash hash) {
    p.blocksInFlight.remove(hash);
    p.knownBlocks.add(hash);
    net.stats.blocksReceived.increment();
    Want w = byHash.get(hash);
    if (w != null && w.assigned == p) {
      w.assigned = null;
    }
  }

  void onNotFound(Peer p, List<Hash> hashes) {
    for (Hash h : hashes) {
      p.blocksRequested.remove(h);
      compact.forget(h);
      if (p.blocksInFlight.remove(h)) {
        Want w = byHash.get(h);
        if (w != null) {
          w.sources.remove(p);
          w.failed.add(p);
          if (w.assigned == p) {
            w.assigned = null;
          }
        }
      }
    }
    schedule();
  }

  /** Connects a received block when its parent is stored, else buffers it until the parent is. */
  private void deliver(Block b, Peer from) {
    Hash hash = b.hash();
    if (net.backend.hasBlock(hash)) {
      net.stats.blockDuplicates.increment();
      removeWant(hash);
      return;
    }
    if (!net.backend.hasBlock(b.header().prevHash())) {
      if (!byHash.containsKey(b.header().prevHash()) && !buffered.containsKey(b.header().prevHash())) {
        Optional<Rejected> r = net.backend.acceptHeader(b.header());
        if (r.isPresent() && r.get().reason() == Reason.UNKNOWN_PARENT) {
          requestHeaders(from, null);
        } else if (r.isPresent() && r.get().reason() != Reason.ALREADY_KNOWN) {
          net.misbehave(from, r.get());
          return;
        }
      }
      if (buffered.size() < net.cfg.blockWindow() + net.cfg.maxOrphanBlocks()) {
        buffered.put(hash, new Buffered(b, from));
      }
      return;
    }
    ArrayDeque<Buffered> todo = new ArrayDeque<>();
    todo.add(new Buffered(b, from));
    while (!todo.isEmpty()) {
      Buffered next = todo.poll();
      Hash h = next.block().hash();
      buffered.remove(h);
      removeWant(h);
      Optional<Rejected> r = net.backend.acceptBlock(next.block());
      if (r.isPresent() && !BENIGN.contains(r.get().reason())) {
        net.misbehave(next.from(), r.get());
        dropDescendants(h);
        continue;
      }
      for (Buffered child : new ArrayList<>(buffered.values())) {
        if (child.block().header().prevHash().equals(h)) {
          todo.add(child);
        }
      }
    }
  }

  private void removeWant(Hash hash) {
    Want w = byHash.remove(hash);
    if (w != null) {
      wanted.remove(w);
      if (w.assigned != null) {
        w.assigned.blocksInFlight.remove(hash);
      }
    }
  }

  private void dropDescendants(Hash bad) {
    ArrayDeque<Hash> todo = new ArrayDeque<>(List.of(bad));
    while (!todo.isEmpty()) {
      Hash h = todo.poll();
      for (Want w : new ArrayList<>(wanted)) {
        if (w.header.prevHash().equals(h)) {
          removeWant(w.hash);
          todo.add(w.hash);
        }
      }
      buffered.values().removeIf(x -> x.block().header().prevHash().equals(h));
    }
  }

  void onClosed(Peer p) {
    compact.onClosed(p);
    for (Want w : wanted) {
      w.sources.remove(p);
      w.failed.remove(p);
      if (w.assigned == p) {
        w.assigned = null;
      }
    }
    if (pausedHeaders == p) {
      pausedHeaders = null;
    }
    schedule();
  }

  void tick() {
    long now = net.now();
    if (!wanted.isEmpty()) {
      Want first = wanted.first();
      if (first.assigned != null && now - first.requestedAt > net.cfg.blockStallTimeout().toMillis()) {
        Peer slow = first.assigned;
        log.info("peer {} stalls block {} at height {}; moving its requests to other peers", slow,
            first.hash.shortHex(), first.header.height());
        for (Want w : wanted) {
          if (w.assigned == slow) {
            w.assigned = null;
            w.failed.add(slow);
            slow.blocksInFlight.remove(w.hash);
          }
        }
      }
      for (Want w : wanted) {
        if (w.assigned != null && now - w.requestedAt > net.cfg.requestTimeout().toMillis()) {
          w.assigned.blocksInFlight.remove(w.hash);
          w.failed.add(w.assigned);
          w.assigned = null;
        }
        if (w.assigned == null && !w.failed.isEmpty() && w.failed.containsAll(net.peers.values())) {
          w.failed.clear();
        }
      }
    }
    for (Peer p : net.peers.values()) {
      if (p.headersRequested && now - p.headersRequestedAt > net.cfg.requestTimeout().toMillis()) {
        p.headersRequested = false;
      }
    }
    if (pausedHeaders != null && wanted.size() < net.cfg.maxWantedHeaders() / 2) {
      Peer p = pausedHeaders;
      pausedHeaders = null;
      if (!p.closed) {
        requestHeaders(p, pausedFrom);
      }
    }
    schedule();
    logProgress(now);
  }

  private void logProgress(long now) {
    if (now - lastLogMs < 5_000) {
      return;
    }
    long elapsed = Math.max(1, now - lastLogMs);
    lastLogMs = now;
    long done = connectedSinceLog;
    connectedSinceLog = 0;
    if (wanted.isEmpty()) {
      return;
    }
    long height = net.backend.tip().height();
    long target = wanted.last().header.height();
    double rate = done * 1000.0 / elapsed;
    String eta = rate > 0 ? Math.round((target - height) / rate) + " s" : "unknown";
    log.info("sync: height {} of {}, {} blocks/s, ETA {}", height, target, String.format("%.1f", rate), eta);
  }

  int wantedCount() {
    return wanted.size();
  }
}
