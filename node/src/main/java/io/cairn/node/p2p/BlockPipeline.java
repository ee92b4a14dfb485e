package io.cairn.node.p2p;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Received block bodies on their way into the chain. A block whose parent is stored, or already
 * handed to the backend, is <em>ready</em>; ready blocks are handed over with {@link
 * P2pBackend#acceptBlockAsync} in order (parent before child), at most {@link #MAX_SUBMITTED} blocks
 * or {@link #MAX_SUBMITTED_BYTES} bytes at a time, so the signature checks of the next blocks, the
 * download and the decoding overlap the connect of the current one. Other blocks wait
 * <em>buffered</em> (bounded) until their parent is ready, and are dropped when nobody is bringing
 * the parent any more ({@link #dropStranded}). Results come back on the network thread:
 * an invalid block gets its sender banned, and every descendant buffered, ready, wanted or already
 * handed over is dropped (the ones handed over come back as {@code invalid-ancestor}, which is then
 * held against nobody). A block the node could not take (shutting down, chain thread stuck) is
 * wanted again. Network thread only.
 *
 * <pre>
 *   deliver ──► buffered ──(parent ready)──► ready ──(slot free)──► submitted ──► done
 *                   │ parent given up                                    │ rejected
 *                   └─► dropped                                          └─► ban sender, drop descendants
 * </pre>
 */
final class BlockPipeline {
  private static final Logger log = LoggerFactory.getLogger(BlockPipeline.class);

  /**
   * Most blocks handed to the backend and not yet answered: enough to keep every verifier thread
   * busy while the chain connects (a few blocks would do on two cores), few enough to bound memory.
   */
  static final int MAX_SUBMITTED = 16;
  /** Most encoded bytes handed to the backend and not yet answered (one block always fits). */
  static final long MAX_SUBMITTED_BYTES = 4L << 20;
  /** Rejections that are not the sender's fault. */
  private static final Set<Reason> BENIGN = EnumSet.of(Reason.ALREADY_KNOWN, Reason.UNKNOWN_PARENT, Reason.TIME_TOO_NEW);

  private final Network net;
  private final BlockDownload download;
  /** Asked when a received block's parent is neither stored nor expected: fetch headers from that peer. */
  private final Consumer<Peer> parentUnknown;
  /** Asked when a block rebuilt from a compact block does not match its header's Merkle root: fetch it in full. */
  private final BiConsumer<Block, Peer> fetchFull;
  private final Map<Hash, Entry> buffered = new HashMap<>();
  private final LinkedHashMap<Hash, Entry> ready = new LinkedHashMap<>();
  private final Map<Hash, Entry> submitted = new HashMap<>();
  /** Handed over, but an ancestor turned out invalid: its rejection is nobody's fault. */
  private final Set<Hash> doomed = new HashSet<>();
  private long submittedBytes;
  /** Encoded bytes of the buffered and ready blocks. */
  private long heldBytes;
  /**
   * Encoded size of the blocks received lately (a moving average; 0 before the first), to count the
   * requests in flight against the memory bound before their blocks arrive.
   */
  private long typicalBlockBytes;

  /**
   * {@code compact}: rebuilt from a compact block, which its sender may relay before validating it.
   * {@code receivedMs}: when it arrived (a buffered block waits for its parent from then on).
   */
  private record Entry(Block block, Hash hash, Peer from, long bytes, boolean compact, long receivedMs) {
    Hash parent() {
      return block.header().prevHash();
    }
  }

  BlockPipeline(Network net, BlockDownload download, Consumer<Peer> parentUnknown,
      BiConsumer<Block, Peer> fetchFull) {
    this.net = net;
    this.download = download;
    this.parentUnknown = parentUnknown;
    this.fetchFull = fetchFull;
  }

  /** True when the body was received and is buffered, ready or handed over. */
  boolean has(Hash hash) {
    return buffered.containsKey(hash) || ready.containsKey(hash) || submitted.containsKey(hash);
  }

  /** Encoded bytes of the received blocks held: buffered, ready and handed over (for tests). */
  long heldBytes() {
    return heldBytes + submittedBytes;
  }

  /** Blocks ready or handed over and not yet answered. */
  int importing() {
    return ready.size() + submitted.size();
  }

  /**
   * Room left under {@link P2pConfig#maxHeldBlockBytes} for the received blocks held in memory
   * (buffered, ready and handed over) and the ones requested: what the download may still ask for,
   * each request counted at the {@linkplain #typicalBlockBytes typical} size. Counting only the
   * blocks received, a node syncing from several peers held their 16 requests each on top of the
   * bound (48 blocks with 3 peers; with 1 MB blocks and 8 peers, 128 MB).
   */
  long downloadRoom() {
    return net.cfg.maxHeldBlockBytes() - heldBytes - submittedBytes;
  }

  /**
   * The highest buffered block, or -1: with no room left, downloads only fill the gaps below it (so
   * the next block needed is always fetched) until imports free room.
   */
  long gapHeight() {
    long max = -1;
    for (Entry e : buffered.values()) {
      max = Math.max(max, e.block().header().height());
    }
    return max;
  }

  /** Requests the next bodies within the window and the memory bound. */
  void scheduleDownloads() {
    download.schedule(this::has, downloadRoom(), typicalBlockBytes, gapHeight());
  }

  /**
   * A received body: hands it over when its parent is ready, else buffers it. {@code compact}: it
   * was rebuilt from a compact block, which peers relay after the header and body checks but before
   * the state and signature checks, so failing those is not held against {@code from}.
   */
  void deliver(Block b, Peer from, boolean compact) {
    Hash hash = b.hash();
    if (net.backend.hasBlock(hash) || has(hash)) {
      net.stats.blockDuplicates.increment();
      download.remove(hash);
      return;
    }
    Entry e = new Entry(b, hash, from, b.encodedLength(), compact, net.now());
    typicalBlockBytes = typicalBlockBytes == 0 ? e.bytes() : (7 * typicalBlockBytes + e.bytes()) / 8;
    if (!parentReady(e.parent())) {
      if (!download.isWanted(e.parent()) && !buffered.containsKey(e.parent())) {
        Optional<Rejected> r = net.backend.acceptHeader(b.header());
        if (r.isPresent() && r.get().reason() != Reason.ALREADY_KNOWN && r.get().reason() != Reason.UNKNOWN_PARENT) {
          net.misbehave(from, r.get());
          return;
        }
        // The parent is unknown, or known but no longer wanted (given up on): its headers make it wanted again.
        parentUnknown.accept(from);
      }
      if (buffered.size() < net.cfg.blockWindow() + net.cfg.maxOrphanBlocks()) {
        buffered.put(hash, e);
        heldBytes += e.bytes();
        // Received: no longer to download. Left wanted, it would count as syncing for as long as
        // it waits, also for a parent that nobody sends (see dropStranded).
        download.remove(hash);
      }
      return;
    }
    makeReady(e);
    pump();
  }

  /**
   * Drops buffered blocks whose parent nobody is bringing (neither wanted, nor received, nor
   * stored) once they have waited the request timeout, with their buffered descendants: the parent
   * was given up (no peer delivered it) or its headers never came. Kept, they would hold memory for
   * ever, and past {@link P2pConfig#maxHeldBlockBytes} limit downloads to heights below them. A peer
   * that has the branch offers its headers again with its next block, and the branch is fetched anew.
   */
  void dropStranded(long now) {
    List<Entry> roots = new ArrayList<>();
    for (Entry e : buffered.values()) {
      Hash parent = e.parent();
      if (now - e.receivedMs() > net.cfg.requestTimeout().toMillis() && !download.isWanted(parent)
          && !buffered.containsKey(parent) && !parentReady(parent)) {
        roots.add(e);
      }
    }
    if (roots.isEmpty()) {
      return;
    }
    int dropped = 0;
    ArrayDeque<Entry> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      Entry x = todo.poll();
      if (buffered.remove(x.hash()) != null) {
        heldBytes -= x.bytes();
        dropped++;
        todo.addAll(childrenIn(buffered, x.hash()));
      }
    }
    log.info("dropping {} received blocks whose parent no peer sent (e.g. {} at height {})", dropped,
        roots.get(0).hash().shortHex(), roots.get(0).block().header().height());
  }

  private boolean parentReady(Hash parent) {
    return ready.containsKey(parent) || submitted.containsKey(parent) || net.backend.hasBlock(parent);
  }

  private void makeReady(Entry e) {
    if (buffered.remove(e.hash()) == null) {
      heldBytes += e.bytes(); // buffered bodies are counted already
    }
    download.remove(e.hash());
    ready.put(e.hash(), e);
  }

  /** Hands ready blocks to the backend while there is room; their buffered children become ready. */
  private void pump() {
    while (!ready.isEmpty() && (submitted.isEmpty()
        || submitted.size() < MAX_SUBMITTED && submittedBytes < MAX_SUBMITTED_BYTES)) {
      Entry e = ready.values().iterator().next(); // the oldest: parents before children
      ready.remove(e.hash());
      heldBytes -= e.bytes();
      submitted.put(e.hash(), e);
      submittedBytes += e.bytes();
      for (Entry child : childrenIn(buffered, e.hash())) {
        makeReady(child);
      }
      submit(e);
    }
  }

  private void submit(Entry e) {
    try {
      net.backend.acceptBlockAsync(e.block()).whenComplete((r, ex) -> net.execute(() -> done(e, r, ex)));
    } catch (RuntimeException ex) {
      net.execute(() -> done(e, null, ex));
    }
  }

  private void done(Entry e, Optional<Rejected> r, Throwable ex) {
    if (submitted.remove(e.hash()) == null) {
      return;
    }
    submittedBytes -= e.bytes();
    boolean wasDoomed = doomed.remove(e.hash());
    if (ex != null) {
      // Not the sender's fault: the node could not take it now. Fetch it again unless it was stored.
      log.debug("block {} not imported: {}", e.hash().shortHex(), ex.toString());
      if (!wasDoomed && !net.backend.hasBlock(e.hash())) {
        download.want(e.block().header(), e.hash(), e.from());
      }
    } else if (r.isPresent() && e.compact() && r.get().reason() == Reason.BAD_MERKLE_ROOT) {
      // The rebuild took a wrong transaction (a short-id collision); the header is still good.
      log.info("block {} rebuilt from {}'s compact block does not match its Merkle root; fetching it in full",
          e.hash().shortHex(), e.from());
      if (!wasDoomed && !e.from().closed) {
        fetchFull.accept(e.block(), e.from());
      }
    } else if (r.isPresent() && !BENIGN.contains(r.get().reason())) {
      if (e.compact()) {
        // Relayed before its sender could validate it (its header and body checks passed here too).
        log.info("block {} from {} (compact) is invalid: {}; not held against the peer", e.hash().shortHex(),
            e.from(), r.get());
      } else if (!wasDoomed) {
        net.misbehave(e.from(), r.get());
      }
      dropDescendants(e.hash());
    }
    pump();
    scheduleDownloads(); // room in memory again
  }

  /** Forgets every descendant of {@code bad} we hold or want; the ones handed over are doomed. */
  private void dropDescendants(Hash bad) {
    ArrayDeque<Hash> todo = new ArrayDeque<>(List.of(bad));
    while (!todo.isEmpty()) {
      Hash h = todo.poll();
      todo.addAll(download.removeChildren(h));
      for (Entry x : childrenIn(buffered, h)) {
        buffered.remove(x.hash());
        heldBytes -= x.bytes();
        todo.add(x.hash());
      }
      for (Entry x : childrenIn(ready, h)) {
        ready.remove(x.hash());
        heldBytes -= x.bytes();
        todo.add(x.hash());
      }
      for (Entry x : childrenIn(submitted, h)) {
        doomed.add(x.hash());
        todo.add(x.hash());
      }
    }
  }

  private static List<Entry> childrenIn(Map<Hash, Entry> m, Hash parent) {
    List<Entry> out = new ArrayList<>();
    for (Entry x : m.values()) {
      if (x.parent().equals(parent)) {
        out.add(x);
      }
    }
    return out;
  }
}
