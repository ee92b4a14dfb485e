package io.cairn.node.store;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.chain.BlockIndexEntry;
import io.cairn.node.chain.BlockIndexEntry.Status;
import io.cairn.node.chain.ChainWork;
import io.cairn.node.chain.ForkChoice;
import io.cairn.node.chain.Locator;
import io.cairn.node.chain.ReorgPlan;
import io.cairn.node.consensus.BlockRules;
import io.cairn.node.consensus.HeaderRules;
import io.cairn.node.consensus.SignatureCheck;
import io.cairn.node.state.Account;
import io.cairn.node.state.ApplyResult;
import io.cairn.node.state.StateTransition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The single writer of the chain: accepts headers and blocks, stores them, asks {@link ForkChoice}
 * for a {@link ReorgPlan} and carries it out on the {@link ChainStore} (disconnect back to the fork
 * point, connect the better branch, one synced batch per block). A block that fails on the way is
 * marked INVALID with all its descendants and the engine moves to the best chain still valid.
 *
 * <p>Not thread-safe: {@link #acceptHeader}, {@link #acceptBlock} and {@link #activateBestChain}
 * are called from one chain thread. {@link #head()} and the read methods marked thread-safe may be
 * called from any thread; they read the published snapshot and the store.
 */
public final class ChainEngine {
  private final ChainStore store;
  private final ChainSpec spec;
  private final SignatureCheck sigs;
  private final LoadedIndex index = new LoadedIndex();
  private final Map<Hash, Rejected> invalidReasons = new HashMap<>();
  private long nextSeq;
  private volatile ChainHead head;
  /**
   * The block {@link #acceptBlock} has just stored, while it activates the best chain: connecting it
   * uses this object instead of reading the body back (a decode of up to 1 MB and every txid again).
   */
  private Block justStored;

  private ChainEngine(ChainStore store, SignatureCheck sigs) {
    this.store = store;
    this.spec = store.spec();
    this.sigs = sigs;
  }

  /**
   * Loads the block index from {@code store} and resumes at its tip; if a reorganisation was cut
   * short (a crash between its blocks) it is finished here. {@code sigs} checks transaction
   * signatures; a {@link BatchSignatureCheck} is given each block's transactions first.
   */
  public static ChainEngine open(ChainStore store, SignatureCheck sigs) {
    ChainEngine engine = new ChainEngine(store, sigs);
    store.forEachEntry(engine.index::put);
    engine.nextSeq = store.get(Schema.NEXT_SEQ).orElseThrow(() -> store.corrupt("next-seq missing"));
    engine.index.resetMain(store.tipHash());
    engine.publishHead();
    engine.activateBestChain();
    return engine;
  }

  // ---------------------------------------------------------------- writes (chain thread only)

  /** Checks and stores a header (PoW, linkage, target, time); no body, no state change. */
  public ImportResult acceptHeader(BlockHeader header, long nowMillis) {
    Optional<Rejected> r = storeHeader(header, nowMillis);
    if (r.isPresent()) {
      return r.get().reason() == Reason.ALREADY_KNOWN ? result(ImportResult.Outcome.DUPLICATE) : rejected(r.get());
    }
    return result(ImportResult.Outcome.ACCEPTED);
  }

  /**
   * Checks and stores a block, then moves the main chain to the best valid chain. A block whose
   * parent is unknown is refused with {@code unknown-parent} and not kept (the caller may keep it
   * as an orphan and offer it again).
   */
  public ImportResult acceptBlock(Block block, long nowMillis) {
    return acceptBlock(block, nowMillis, b -> {});
  }

  /**
   * {@link #acceptBlock(Block, long)}, telling {@code extendsTip} first when the block passed its
   * header and body checks, is stored, and is about to be connected as a child of the tip: the
   * moment a node may relay it before the slower state and signature checks.
   */
  public ImportResult acceptBlock(Block block, long nowMillis, Consumer<Block> extendsTip) {
    Hash hash = block.hash();
    Optional<Rejected> h = storeHeader(block.header(), nowMillis);
    if (h.isPresent() && h.get().reason() != Reason.ALREADY_KNOWN) {
      return rejected(h.get());
    }
    BlockIndexEntry entry = index.entry(hash).orElseThrow();
    if (entry.status() == Status.INVALID) {
      return rejected(invalidReason(hash));
    }
    if (entry.status() != Status.HEADER_ONLY) {
      return result(ImportResult.Outcome.DUPLICATE);
    }
    Optional<Rejected> body = BlockRules.checkBody(block, spec);
    if (body.isPresent()) {
      if (body.get().reason() != Reason.BAD_MERKLE_ROOT) {
        // The header commits to these transactions, so the block itself is invalid.
        markInvalid(hash, body.get());
      }
      // A Merkle mismatch means a mutated body, not a bad block: keep the header usable.
      return rejected(body.get());
    }
    BlockIndexEntry withBody = entry.withStatus(Status.HAS_BODY);
    try (StoreUpdate u = store.update()) {
      u.put(Schema.BODIES, hash, block.transactions());
      u.put(Schema.HEADERS, hash, withBody);
      u.commit(false);
    }
    index.put(withBody);
    if (block.header().prevHash().equals(head.hash())) {
      extendsTip.accept(block); // a child of the tip always has more work: activate() will connect it
    }
    Changes changes;
    justStored = block;
    try {
      changes = activate();
    } finally {
      justStored = null;
    }
    ChainHead now = head;
    if (index.entry(hash).orElseThrow().status() == Status.INVALID) {
      return new ImportResult(ImportResult.Outcome.REJECTED, Optional.of(invalidReason(hash)),
          changes.disconnected(), changes.connected(), now);
    }
    return new ImportResult(ImportResult.Outcome.ACCEPTED, Optional.empty(), changes.disconnected(), changes.connected(), now);
  }

  /** Moves to the best chain fork choice knows (also run by {@link #open}); returns the changes. */
  public ImportResult activateBestChain() {
    Changes c = activate();
    return new ImportResult(ImportResult.Outcome.ACCEPTED, Optional.empty(), c.disconnected(), c.connected(), head);
  }

  private Optional<Rejected> storeHeader(BlockHeader header, long nowMillis) {
    Hash hash = header.hash();
    Optional<BlockIndexEntry> known = index.entry(hash);
    if (known.isPresent()) {
      return Optional.of(known.get().status() == Status.INVALID
          ? invalidReason(hash) : Rejected.of(Reason.ALREADY_KNOWN, "block " + hash + " is known"));
    }
    if (header.height() == 0) {
      return Optional.of(Rejected.of(Reason.BAD_GENESIS, "a second genesis block " + hash));
    }
    Optional<BlockIndexEntry> parent = index.entry(header.prevHash());
    if (parent.isPresent() && parent.get().status() == Status.INVALID) {
      return Optional.of(Rejected.of(Reason.INVALID_ANCESTOR,
          "parent " + header.prevHash() + " is invalid: " + invalidReason(header.prevHash())));
    }
    Optional<Rejected> r = HeaderRules.check(header, index, spec, nowMillis);
    if (r.isPresent()) {
      return r;
    }
    BlockIndexEntry e = new BlockIndexEntry(hash, header,
        ChainWork.cumulative(parent.orElseThrow().cumulativeWork(), header), Status.HEADER_ONLY, nextSeq);
    try (StoreUpdate u = store.update()) {
      u.put(Schema.HEADERS, hash, e);
      u.put(Schema.NEXT_SEQ, nextSeq + 1);
      u.commit(false);
    }
    nextSeq++;
    index.put(e);
    return Optional.empty();
  }

  /** Net main-chain changes of one activation. */
  private record Changes(List<Block> disconnected, List<Block> connected) {}

  private Changes activate() {
    LinkedHashSet<Hash> disconnected = new LinkedHashSet<>();
    LinkedHashSet<Hash> connected = new LinkedHashSet<>();
    Map<Hash, Block> blocks = new HashMap<>();
    while (true) {
      ReorgPlan plan = ForkChoice.plan(index, head.hash());
      if (plan.isEmpty()) {
        break;
      }
      for (Hash d : plan.disconnect()) {
        Block b = loadBlock(d);
        BlockWrites.disconnect(store, b);
        index.popMain();
        publishHead();
        if (!connected.remove(d)) {
          disconnected.add(d);
          blocks.put(d, b);
        }
      }
      for (Hash c : plan.connect()) {
        Block b = loadBlock(c);
        if (!connect(b)) {
          break;
        }
        if (!disconnected.remove(c)) {
          connected.add(c);
          blocks.put(c, b);
        }
      }
    }
    return new Changes(disconnected.stream().map(blocks::get).toList(), connected.stream().map(blocks::get).toList());
  }

  /** Validates {@code b} on the tip's state and connects it; false (and marked invalid) if it fails. */
  private boolean connect(Block b) {
    Hash hash = b.hash();
    if (sigs instanceof BatchSignatureCheck batch) {
      batch.prepare(b.transactions(), store.genesisHash());
    }
    Optional<Rejected> sig = BlockRules.checkSignatures(b.transactions(), store.genesisHash(), sigs);
    if (sig.isPresent()) {
      markInvalid(hash, sig.get());
      return false;
    }
    ApplyResult r = StateTransition.apply(store, b, spec);
    if (r instanceof ApplyResult.Failed f) {
      markInvalid(hash, f.rejected());
      return false;
    }
    BlockIndexEntry entry = index.entry(hash).orElseThrow();
    BlockWrites.connect(store, entry, b, ((ApplyResult.Applied) r).delta());
    index.put(entry.withStatus(Status.VALID));
    index.pushMain(hash);
    publishHead();
    return true;
  }

  /** Marks {@code hash} and every known descendant INVALID, in one batch. */
  private void markInvalid(Hash hash, Rejected why) {
    invalidReasons.put(hash, why);
    List<BlockIndexEntry> marked = new ArrayList<>();
    Deque<Hash> todo = new ArrayDeque<>(List.of(hash));
    while (!todo.isEmpty()) {
      Hash h = todo.pop();
      BlockIndexEntry e = index.entry(h).orElseThrow();
      if (index.onMain(e)) {
        throw new IllegalStateException("cannot mark main-chain block " + h + " invalid");
      }
      if (e.status() != Status.INVALID) {
        marked.add(e.withStatus(Status.INVALID));
      }
      if (!h.equals(hash)) {
        invalidReasons.putIfAbsent(h, Rejected.of(Reason.INVALID_ANCESTOR, "ancestor " + hash + " is invalid: " + why));
      }
      todo.addAll(index.children(h));
    }
    try (StoreUpdate u = store.update()) {
      for (BlockIndexEntry e : marked) {
        u.put(Schema.HEADERS, e.hash(), e);
      }
      u.commit(false);
    }
    marked.forEach(index::put);
  }

  private Rejected invalidReason(Hash hash) {
    Rejected r = invalidReasons.get(hash);
    return r != null ? r : Rejected.of(Reason.INVALID_ANCESTOR, "block " + hash + " is known to be invalid");
  }

  private Block loadBlock(Hash hash) {
    Block b = justStored;
    if (b != null && b.header().hash().equals(hash)) {
      return b;
    }
    return store.block(hash).orElseThrow(() -> store.corrupt("body of " + hash + " missing"));
  }

  private void publishHead() {
    Hash tip = store.tipHash();
    BlockIndexEntry e = index.entry(tip).orElseThrow(() -> store.corrupt("tip " + tip + " not indexed"));
    head = new ChainHead(tip, e.header(), e.cumulativeWork());
  }

  private ImportResult result(ImportResult.Outcome outcome) {
    return new ImportResult(outcome, Optional.empty(), List.of(), List.of(), head);
  }

  private ImportResult rejected(Rejected why) {
    return new ImportResult(ImportResult.Outcome.REJECTED, Optional.of(why), List.of(), List.of(), head);
  }

  /** The index entry of a known block (chain thread only). */
  public Optional<BlockIndexEntry> entry(Hash hash) {
    return index.entry(hash);
  }

  /** A block locator of the main chain (chain thread only). */
  public List<Hash> locator() {
    return Locator.build(index.tipHeight(), index::mainAt);
  }

  // ---------------------------------------------------------------- reads (any thread)

  /** The main chain's tip as last published. Thread-safe. */
  public ChainHead head() {
    return head;
  }

  /** The store, for thread-safe reads. */
  public ChainStore store() {
    return store;
  }

  /** Thread-safe. */
  public Optional<BlockHeader> header(Hash hash) {
    return store.entry(hash).map(BlockIndexEntry::header);
  }

  /** Main-chain header at {@code height}. Thread-safe. */
  public Optional<BlockHeader> headerAt(long height) {
    return store.hashAt(height).flatMap(this::header);
  }

  /** Thread-safe; any branch. */
  public Optional<Block> block(Hash hash) {
    return store.block(hash);
  }

  /** Main-chain block at {@code height}. Thread-safe. */
  public Optional<Block> blockAt(long height) {
    return store.hashAt(height).flatMap(store::block);
  }

  /** Account at the tip. Thread-safe. */
  public Account account(Address address) {
    return store.account(address);
  }

  /** Thread-safe. */
  public Optional<TxLocation> txLocation(Hash txid) {
    return store.txLocation(txid);
  }

  /** Thread-safe; see {@link ChainStore#history}. */
  public List<HistoryEntry> history(Address address, int limit, HistoryEntry before) {
    return store.history(address, limit, before);
  }
}
