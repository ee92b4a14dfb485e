package io.cairn.node.service;

import io.cairn.common.address.Address;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.node.mempool.Admission;
import io.cairn.node.mempool.Mempool;
import io.cairn.node.mempool.Removal;
import io.cairn.node.mempool.verify.TxVerifier;
import io.cairn.node.metrics.NodeMetrics;
import io.cairn.node.miner.BlockTemplate;
import io.cairn.node.miner.TemplateBuilder;
import io.cairn.node.store.ChainEngine;
import io.cairn.node.store.ChainHead;
import io.cairn.node.store.ChainStore;
import io.cairn.node.store.ImportResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain engine and the mempool, driven from the {@link ChainThread}: transactions are verified
 * on the verifier pool and then admitted; blocks are pre-verified on the pool and then imported;
 * after every main-chain change the mempool follows (block connected or reorganisation), metrics
 * and the log record it, and listeners (relay, miner) hear of it. Methods marked "chain thread"
 * must only run there; the others are safe from any thread.
 */
final class ChainActor {
  private static final Logger LOG = LoggerFactory.getLogger("io.cairn.chain");

  /** Events for the relay and the miner; called on the chain thread, must return quickly. */
  interface Listener {
    default void txAccepted(Transaction tx) {}

    default void blockConnected(Block block) {}

    /** A block passed its header and body checks and is about to be connected on the tip (see {@link ChainEngine#acceptBlock}). */
    default void blockStored(Block block) {}

    default void tipChanged(ChainHead head) {}

    /** This node found the proof of work of {@code block}; called before it is submitted (miner's thread). */
    default void blockMined(Block block) {}
  }

  private final ChainEngine engine;
  private final ChainStore store;
  private final Mempool mempool;
  private final TxVerifier verifier;
  private final ChainThread thread;
  private final NodeMetrics metrics;
  private final LongSupplier clock;
  private final StoreHeaders headers;
  private final PoolIndex pool = new PoolIndex();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private volatile BooleanSupplier syncing = () -> false;
  private volatile long poolBytes;
  private volatile long poolChangedMs;
  /** The mempool's size when last published (chain thread). */
  private int poolPublishedSize;
  /** What chain_info reports as the tip; see {@link Tip}. */
  private volatile Tip tip;
  private final ConcurrentLinkedQueue<Waiting> intake = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean roundScheduled = new AtomicBoolean();
  /** The import {@link #submitBlock} queued last (guarded by this). */
  private CompletableFuture<ImportResult> lastImport = CompletableFuture.completedFuture(null);

  ChainActor(ChainEngine engine, Mempool mempool, TxVerifier verifier, ChainThread thread, NodeMetrics metrics,
      LongSupplier clock) {
    this.engine = engine;
    this.store = engine.store();
    this.mempool = mempool;
    this.verifier = verifier;
    this.thread = thread;
    this.metrics = metrics;
    this.clock = clock;
    this.headers = new StoreHeaders(store);
    this.tip = new Tip(engine.head(), clock.getAsLong());
    this.poolChangedMs = tip.sinceMs();
  }

  void addListener(Listener l) {
    listeners.add(l);
  }

  /** While this says true, connected blocks are logged at debug level (sync logs its own progress). */
  void syncingWhen(BooleanSupplier s) {
    syncing = s;
  }

  ChainHead head() {
    return engine.head();
  }

  /** The node's clock (milliseconds), as admission and expiry read it. */
  long now() {
    return clock.getAsLong();
  }

  /**
   * The tip as queries report it, with when it became the tip (the clock's milliseconds; the actor's
   * start at first), published together once the mempool has been updated for it: a reader never
   * sees a new tip with the time of the one before, nor a transaction's status from before the tip.
   * {@link #head()} moves a little earlier (when the engine connects the block).
   */
  record Tip(ChainHead head, long sinceMs) {}

  Tip tip() {
    return tip;
  }

  ChainStore store() {
    return store;
  }

  ChainThread thread() {
    return thread;
  }

  PoolIndex pool() {
    return pool;
  }

  int poolSize() {
    return pool.size();
  }

  long poolBytes() {
    return poolBytes;
  }

  /**
   * When the mempool last changed: a transaction admitted (or replacing another), evicted, expired,
   * mined or put back by a reorg (the clock's milliseconds; the actor's start at first).
   */
  long poolChangedMs() {
    return poolChangedMs;
  }

  /** Most encoded bytes the mempool holds (its configuration; any thread). */
  long mempoolMaxBytes() {
    return mempool.config().maxBytes();
  }

  /** Chain thread: a locator of the main chain. */
  List<io.cairn.common.crypto.Hash> locator() {
    return engine.locator();
  }

  /** Chain thread: the mempool itself, for reads that need a consistent view. */
  Mempool mempool() {
    return mempool;
  }

  // ------------------------------------------------------------------------------- transactions

  /** Verified transactions waiting for the next admission round on the chain thread. */
  private record Waiting(List<Transaction> txs, long[] addedMillis, boolean[] signatureOk,
      CompletableFuture<List<Admission>> result) {}

  /** {@link #submitTxs} of one transaction. */
  CompletableFuture<Admission> submitTx(Transaction tx) {
    return submitTxs(List.of(tx)).thenApply(list -> list.get(0));
  }

  /**
   * Offers transactions, the one path for RPC (single calls and batches) and peers: their
   * signatures are verified in parallel on the verifier pool, then they join the next admission
   * round on the chain thread, admitted in input order (one sender's consecutive nonces in one list
   * are all accepted). Many concurrent submissions share one chain-thread task. One admission per
   * input, in order.
   */
  CompletableFuture<List<Admission>> submitTxs(List<Transaction> txs) {
    return submitTxs(txs, null);
  }

  /**
   * {@link #submitTxs(List)} of transactions admitted before, by this node before a restart:
   * {@code addedMillis[i]} is when {@code txs.get(i)} first entered the mempool, so that it expires
   * as if the node had not stopped (a time after now counts as now).
   */
  CompletableFuture<List<Admission>> submitTxs(List<Transaction> txs, long[] addedMillis) {
    List<Transaction> batch = List.copyOf(txs);
    if (addedMillis != null && addedMillis.length != batch.size()) {
      throw new IllegalArgumentException(addedMillis.length + " times for " + batch.size() + " transactions");
    }
    long[] times = addedMillis == null ? null : addedMillis.clone();
    return verifier.verifyAllAsync(batch).thenCompose(ok -> {
      Waiting w = new Waiting(batch, times, ok, new CompletableFuture<>());
      intake.add(w);
      if (roundScheduled.compareAndSet(false, true) && !thread.tryExecute(this::admitRound)) {
        roundScheduled.set(false);
        for (Waiting x; (x = intake.poll()) != null; ) {
          x.result().completeExceptionally(new ChainThread.Unavailable("the node is shutting down", null));
        }
      }
      return w.result();
    });
  }

  private void admitRound() {
    roundScheduled.set(false);
    List<Waiting> round = new ArrayList<>();
    for (Waiting w; (w = intake.poll()) != null; ) {
      round.add(w);
    }
    if (round.isEmpty()) {
      return;
    }
    List<Transaction> txs = new ArrayList<>();
    boolean timed = false;
    for (Waiting w : round) {
      txs.addAll(w.txs());
      timed |= w.addedMillis() != null;
    }
    boolean[] ok = new boolean[txs.size()];
    long[] added = timed ? new long[txs.size()] : null;
    int at = 0;
    for (Waiting w : round) {
      System.arraycopy(w.signatureOk(), 0, ok, at, w.txs().size());
      if (added != null) {
        if (w.addedMillis() != null) {
          System.arraycopy(w.addedMillis(), 0, added, at, w.txs().size());
        } else {
          Arrays.fill(added, at, at + w.txs().size(), Long.MAX_VALUE); // now
        }
      }
      at += w.txs().size();
    }
    List<Admission> out = admit(txs, ok, added);
    at = 0;
    for (Waiting w : round) {
      w.result().complete(out.subList(at, at + w.txs().size()));
      at += w.txs().size();
    }
  }

  private List<Admission> admit(List<Transaction> batch, boolean[] ok, long[] addedMillis) {
    long now = clock.getAsLong();
    List<Admission> out = new ArrayList<>(batch.size());
    boolean changed = false;
    for (int i = 0; i < batch.size(); i++) {
      Transaction tx = batch.get(i);
      long added = addedMillis == null ? now : Math.min(addedMillis[i], now);
      Admission a = ok[i] ? mempool.accept(tx, added) : Admission.rejected(tx.txid(),
          Rejected.of(Reason.BAD_SIGNATURE, "signature does not verify for sender " + tx.from().toHex()));
      out.add(a);
      if (!a.accepted()) {
        metrics.txRejected(a.rejected().reason());
        continue;
      }
      metrics.txAccepted();
      pool.sync(mempool, tx);
      if (a.replaced() != null) {
        pool.sync(mempool, a.replaced());
      }
      for (Removal r : a.evicted()) {
        pool.sync(mempool, r.tx());
      }
      for (Listener l : listeners) {
        l.txAccepted(tx);
      }
      changed = true;
    }
    publishPool(changed);
    return out;
  }

  /** Chain thread: drops transactions past their expiry. */
  void expire() {
    List<Removal> gone = mempool.expire(clock.getAsLong());
    if (!gone.isEmpty()) {
      pool.syncAll(mempool, gone.stream().map(Removal::tx).toList());
      publishPool(true);
      LOG.info("mempool: {} transactions expired", gone.size());
    }
  }

  /**
   * Publishes the mempool's bytes (and the time it changed) for other threads. {@code changed}: it
   * changed even if its size and bytes did not (a replacement of the same size).
   */
  private void publishPool(boolean changed) {
    long bytes = mempool.bytes();
    int size = mempool.size();
    if (changed || bytes != poolBytes || size != poolPublishedSize) {
      poolChangedMs = clock.getAsLong();
    }
    poolBytes = bytes;
    poolPublishedSize = size;
  }

  // ------------------------------------------------------------------------------------ blocks

  /**
   * Verifies the block's signatures on the pool (filling the cache), then imports it on the chain
   * thread. Imports happen in the order of these calls, whatever order the checks finish in, so a
   * caller may submit a child before its parent was imported while the pool checks both.
   */
  synchronized CompletableFuture<ImportResult> submitBlock(Block block) {
    CompletableFuture<boolean[]> checked = verifier.verifyAllAsync(block.transactions());
    CompletableFuture<Object> previous = lastImport.handle((r, e) -> null); // its outcome is not ours
    CompletableFuture<ImportResult> r = checked.thenCombine(previous, (ok, ignored) -> ok)
        .thenApplyAsync(ok -> importBlock(block), thread);
    lastImport = r;
    return r;
  }

  /** Tells the listeners (the relay) about a block this node mined, before {@link #submitBlock}. Any thread. */
  void mined(Block block) {
    for (Listener l : listeners) {
      l.blockMined(block);
    }
  }

  /** Chain thread. */
  ImportResult importBlock(Block block) {
    long t0 = System.nanoTime();
    ImportResult r = engine.acceptBlock(block, clock.getAsLong(), this::stored);
    afterImport(r, System.nanoTime() - t0);
    return r;
  }

  private void stored(Block block) {
    for (Listener l : listeners) {
      l.blockStored(block);
    }
  }

  /** Chain thread. */
  ImportResult importHeader(BlockHeader header) {
    return engine.acceptHeader(header, clock.getAsLong());
  }

  private void afterImport(ImportResult r, long nanos) {
    if (!r.tipChanged()) {
      return;
    }
    long since = clock.getAsLong();
    List<Transaction> touched = new ArrayList<>();
    List<Removal> dropped;
    if (r.isReorg()) {
      dropped = mempool.onReorg(r.disconnected(), r.connected(), store, clock.getAsLong());
      r.disconnected().forEach(b -> touched.addAll(b.transactions()));
      metrics.reorg(r.disconnected().size());
      LOG.info("reorg: {} blocks disconnected, {} connected; tip {} at height {}", r.disconnected().size(),
          r.connected().size(), r.head().hash().shortHex(), r.head().height());
    } else {
      dropped = new ArrayList<>();
      for (Block b : r.connected()) {
        dropped.addAll(mempool.onBlockConnected(b, store));
      }
    }
    for (Block b : r.connected()) {
      verifier.forget(b.transactions()); // in the chain now: nothing checks their signatures again
    }
    r.connected().forEach(b -> touched.addAll(b.transactions()));
    dropped.forEach(d -> touched.add(d.tx()));
    pool.syncAll(mempool, touched);
    publishPool(!dropped.isEmpty());
    tip = new Tip(r.head(), since);
    long micros = nanos / 1000 / Math.max(1, r.connected().size());
    boolean quiet = syncing.getAsBoolean();
    for (Block b : r.connected()) {
      metrics.blockConnected(b.height(), b.transactions().size(), micros);
      String fmt = "block {} connected: {} txs in {} ms ({})";
      Object[] args = {b.height(), b.transactions().size(), String.format("%.1f", micros / 1000.0), b.hash().shortHex()};
      if (quiet) {
        LOG.debug(fmt, args);
      } else {
        LOG.info(fmt, args);
      }
      for (Listener l : listeners) {
        l.blockConnected(b);
      }
    }
    for (Block b : r.disconnected()) {
      for (Transaction tx : b.transactions()) {
        if (pool.contains(tx.txid())) {
          for (Listener l : listeners) {
            l.txAccepted(tx); // back in the pool: peers on the winning branch may never have seen it
          }
        }
      }
    }
    for (Listener l : listeners) {
      l.tipChanged(r.head());
    }
  }

  // ------------------------------------------------------------------------------------ mining

  /** Chain thread: a template on the current tip with the best pending transactions. */
  BlockTemplate template(Address miner, long nowMillis) {
    return TemplateBuilder.fromMempool(store.spec(), engine.head().header(), headers, mempool, miner, nowMillis);
  }
}
