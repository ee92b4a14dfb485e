package io.cairn.node.p2p;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.BlockHeader;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.MessageCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which block bodies are wanted and who was asked for them. A header accepted without its body
 * becomes a {@link Want}; bodies within a window above the tip are requested from the peer that has
 * them with the fewest requests in flight (bounded per peer). The peer holding up the lowest wanted
 * block that delivered nothing for the stall timeout loses all its requests to others; any request
 * expires eventually.
 * Network thread only.
 */
final class BlockDownload {
  private static final Logger log = LoggerFactory.getLogger(BlockDownload.class);

  /**
   * A body every connected peer that could have it failed to deliver this many times is no longer
   * wanted (headers with valid proof of work are cheap on an easy target; their bodies may not
   * exist). A later announcement, or a child block arriving, wants it again.
   */
  static final int MAX_ROUNDS = 3;
  /**
   * In its first {@link #RAMP_MS} a peer may have only this many block requests in flight, so that
   * the first of several peers connecting together does not take a whole window of requests the
   * others, a moment later, could have shared (with capped uploads it would deliver them alone).
   */
  static final int RAMP_IN_FLIGHT = 4;
  static final long RAMP_MS = 1_000;

  private final Network net;
  private final TreeSet<Want> wanted = new TreeSet<>(
      Comparator.comparingLong((Want w) -> w.header.height()).thenComparing(w -> w.hash));
  private final Map<Hash, Want> byHash = new HashMap<>();
  private long lastLogMs;
  private long connectedSinceLog;

  private static final class Want {
    final BlockHeader header;
    final Hash hash;
    final Set<Peer> sources = new LinkedHashSet<>();
    final Set<Peer> failed = new HashSet<>();
    Peer assigned;
    long requestedAt;
    /** Times every connected peer that could have it failed to deliver it. */
    int rounds;
    /** Since when no connected peer could be asked for it (0: some peer can). */
    long strandedSince;

    Want(BlockHeader header, Hash hash) {
      this.header = header;
      this.hash = hash;
    }
  }

  BlockDownload(Network net) {
    this.net = net;
  }

  void want(BlockHeader h, Hash hash, Peer source) {
    Want w = byHash.get(hash);
    if (w == null) {
      w = new Want(h, hash);
      byHash.put(hash, w);
      wanted.add(w);
    }
    w.sources.add(source);
  }

  boolean isWanted(Hash hash) {
    return byHash.containsKey(hash);
  }

  /** True when some peer was asked for the body and has not answered yet. */
  boolean isAssigned(Hash hash) {
    Want w = byHash.get(hash);
    return w != null && w.assigned != null;
  }

  /**
   * {@code p} pushed this block (compact) unasked: it counts as requested from {@code p}, so that a
   * missing part it does not send times out and is fetched elsewhere like any request.
   */
  void pushed(BlockHeader h, Hash hash, Peer p) {
    want(h, hash, p);
    Want w = byHash.get(hash);
    w.assigned = p;
    w.requestedAt = net.now();
    p.blocksInFlight.add(hash);
    p.blocksRequested.add(hash);
  }

  int size() {
    return wanted.size();
  }

  void countConnected() {
    connectedSinceLog++;
  }

  /** Block requests in flight, over all peers. */
  int inFlight() {
    int n = 0;
    for (Peer p : net.peers.values()) {
      n += p.blocksInFlight.size();
    }
    return n;
  }

  /**
   * Hands out requests for wanted bodies inside the window, while the memory bound leaves room
   * ({@code roomBytes}, less {@code perBlock} for each request in flight and each new one, see
   * {@link BlockPipeline#downloadRoom}); without room, only for heights up to {@code gapHeight}.
   * {@code have} are already received.
   */
  void schedule(Predicate<Hash> have, long roomBytes, long perBlock, long gapHeight) {
    if (wanted.isEmpty()) {
      return;
    }
    P2pBackend.Tip tip = net.backend.tip();
    long limit = tip.height() + net.cfg.blockWindow();
    long room = roomBytes - inFlight() * perBlock;
    Map<Peer, List<Hash>> batches = new HashMap<>();
    long now = net.now();
    for (Want w : wanted) {
      if (w.header.height() > limit || room <= 0 && w.header.height() > gapHeight) {
        break;
      }
      if (w.assigned != null || have.test(w.hash)) {
        continue;
      }
      Peer best = pick(w, tip.height());
      if (best == null) {
        continue;
      }
      w.assigned = best;
      w.requestedAt = now;
      best.blocksInFlight.add(w.hash);
      best.blocksRequested.add(w.hash);
      room -= perBlock;
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

  /**
   * The peer with the fewest requests in flight among the sources, and while syncing (the block is
   * not the next on the tip) among every other peer claiming the height too, so that requests spread
   * over all peers (capped uploads add up) from the first header on. A new tip block goes to a peer
   * that announced it unless none can take it.
   */
  private Peer pick(Want w, long tipHeight) {
    Peer best = null;
    for (Peer p : w.sources) {
      best = better(best, p, w);
    }
    if (best == null || w.header.height() > tipHeight + 1) {
      for (Peer p : net.peers.values()) {
        if (p.bestHeight >= w.header.height()) {
          best = better(best, p, w);
        }
      }
    }
    return best;
  }

  private Peer better(Peer best, Peer p, Want w) {
    int limit = net.now() - p.connectedAt < RAMP_MS
        ? Math.min(RAMP_IN_FLIGHT, net.cfg.maxBlocksInFlightPerPeer()) : net.cfg.maxBlocksInFlightPerPeer();
    if (p.closed || w.failed.contains(p) || p.blocksInFlight.size() >= limit) {
      return best;
    }
    return best == null || p.blocksInFlight.size() < best.blocksInFlight.size() ? p : best;
  }

  /** The body arrived from {@code p}: its request slot is free again. */
  void received(Peer p, Hash hash) {
    if (p.blocksInFlight.remove(hash)) {
      p.lastBlockAt = net.now();
    }
    Want w = byHash.get(hash);
    if (w != null && w.assigned == p) {
      w.assigned = null;
    }
  }

  void notFound(Peer p, Hash hash) {
    if (p.blocksInFlight.remove(hash)) {
      Want w = byHash.get(hash);
      if (w != null) {
        w.sources.remove(p);
        w.failed.add(p);
        if (w.assigned == p) {
          w.assigned = null;
        }
      }
    }
  }

  void remove(Hash hash) {
    Want w = byHash.remove(hash);
    if (w != null) {
      wanted.remove(w);
      if (w.assigned != null) {
        w.assigned.blocksInFlight.remove(hash);
      }
    }
  }

  /** Removes the wanted children of {@code parent}, returning their hashes. */
  List<Hash> removeChildren(Hash parent) {
    List<Hash> out = new ArrayList<>();
    for (Want w : new ArrayList<>(wanted)) {
      if (w.header.prevHash().equals(parent)) {
        remove(w.hash);
        out.add(w.hash);
      }
    }
    return out;
  }

  void onClosed(Peer p) {
    for (Want w : wanted) {
      w.sources.remove(p);
      w.failed.remove(p);
      if (w.assigned == p) {
        w.assigned = null;
      }
    }
  }

  /**
   * Stall and timeout handling, then progress logging. A wanted body that no connected peer could
   * be asked for (none announced it or claims its height) for the stall timeout is no longer wanted:
   * its announcers left (a partition, a restart), and a peer that has it will announce it or offer
   * its headers again. Kept, it would leave the node "syncing" for ever, its miner paused.
   */
  void tick(long now) {
    if (!wanted.isEmpty()) {
      Want first = wanted.first();
      // Stalling: nothing delivered since the lowest block was asked for. A peer still delivering its
      // queue (capped upload) is slow, not stalling: taking its requests away would waste its bytes.
      // Nor when no other peer could take them: asked again, the same peer would queue every block a
      // second time behind the first (the request timeout still ends a peer that never answers).
      if (first.assigned != null
          && now - Math.max(first.requestedAt, first.assigned.lastBlockAt) > net.cfg.blockStallTimeout().toMillis()
          && anotherPeerHas(first.assigned, first.header.height())) {
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
      List<Hash> unobtainable = new ArrayList<>();
      List<Hash> stranded = new ArrayList<>();
      for (Want w : wanted) {
        if (w.assigned != null && now - w.requestedAt > net.cfg.requestTimeout().toMillis()) {
          w.assigned.blocksInFlight.remove(w.hash);
          w.failed.add(w.assigned);
          w.assigned = null;
        }
        if (w.assigned != null) {
          w.strandedSince = 0;
          continue;
        }
        boolean askable = askable(w);
        if (!askable && !w.failed.isEmpty()) {
          w.failed.clear(); // a round is over: every peer that could have it failed
          if (++w.rounds >= MAX_ROUNDS) {
            unobtainable.add(w.hash);
            continue;
          }
          askable = askable(w);
        }
        if (askable) {
          w.strandedSince = 0;
        } else if (w.strandedSince == 0) {
          w.strandedSince = now;
        } else if (now - w.strandedSince > net.cfg.blockStallTimeout().toMillis()) {
          stranded.add(w.hash);
        }
      }
      if (!unobtainable.isEmpty()) {
        log.info("forgetting {} wanted blocks that no peer delivered {} times (e.g. {})", unobtainable.size(),
            MAX_ROUNDS, unobtainable.get(0).shortHex());
        unobtainable.forEach(this::remove);
      }
      if (!stranded.isEmpty()) {
        log.info("forgetting {} wanted blocks no connected peer has (e.g. {})", stranded.size(), stranded.get(0).shortHex());
        stranded.forEach(this::remove);
      }
    }
    logProgress(now);
  }

  /** Some connected peer announced it or claims its height and has not failed it this round. */
  private boolean askable(Want w) {
    for (Peer p : net.peers.values()) {
      if (!p.closed && !w.failed.contains(p) && (w.sources.contains(p) || p.bestHeight >= w.header.height())) {
        return true;
      }
    }
    return false;
  }

  private boolean anotherPeerHas(Peer slow, long height) {
    for (Peer p : net.peers.values()) {
      if (p != slow && !p.closed && p.bestHeight >= height) {
        return true;
      }
    }
    return false;
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
}
