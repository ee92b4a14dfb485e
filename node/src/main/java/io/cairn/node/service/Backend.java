package io.cairn.node.service;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.node.chain.BlockIndexEntry;
import io.cairn.node.mempool.Admission;
import io.cairn.node.p2p.P2pBackend;
import io.cairn.node.store.ChainHead;
import io.cairn.node.store.ChainStore;
import io.cairn.node.store.ImportResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The peer-to-peer network's {@link P2pBackend} over the node: headers and blocks go to the chain
 * thread (blocks after their signatures were checked on the verifier pool), transactions through
 * the verifier pool into the mempool; reads come from the store and the {@link PoolIndex} without
 * touching the chain thread, except for the locator and header ranges, which must come from one tip.
 */
final class Backend implements P2pBackend {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ChainActor actor;
  private final ChainStore store;

  Backend(ChainActor actor) {
    this.actor = actor;
    this.store = actor.store();
  }

  @Override
  public Hash genesisHash() {
    return store.genesisHash();
  }

  @Override
  public Tip tip() {
    ChainHead h = actor.head();
    return new Tip(h.height(), h.hash(), h.cumulativeWork());
  }

  @Override
  public List<Hash> locator() {
    return actor.thread().call(actor::locator, TIMEOUT);
  }

  @Override
  public List<BlockHeader> headersAfter(List<Hash> locator, int max) {
    return actor.thread().call(() -> {
      long from = 0;
      for (Hash h : locator) {
        Optional<BlockIndexEntry> e = store.entry(h);
        if (e.isPresent() && store.hashAt(e.get().height()).filter(h::equals).isPresent()) {
          from = e.get().height();
          break;
        }
      }
      long tip = actor.head().height();
      List<BlockHeader> out = new ArrayList<>();
      for (long height = from + 1; height <= tip && out.size() < max; height++) {
        Optional<BlockHeader> header = store.hashAt(height).flatMap(store::entry).map(BlockIndexEntry::header);
        if (header.isEmpty()) {
          break;
        }
        out.add(header.get());
      }
      return out;
    }, TIMEOUT);
  }

  @Override
  public boolean hasBlock(Hash hash) {
    return store.hasBody(hash);
  }

  @Override
  public Optional<Block> block(Hash hash) {
    return store.block(hash);
  }

  /**
   * {@inheritDoc} When the chain thread does not answer in time this throws {@link ChainThread.Unavailable}
   * rather than return a reason, which the network would hold against the (honest) peer.
   */
  @Override
  public Optional<Rejected> acceptHeader(BlockHeader header) {
    return outcome(actor.thread().call(() -> actor.importHeader(header), TIMEOUT), "header " + header.hash());
  }

  /** {@inheritDoc} One chain-thread task for the whole list. */
  @Override
  public List<Optional<Rejected>> acceptHeaders(List<BlockHeader> headers) {
    return actor.thread().call(() -> {
      List<Optional<Rejected>> out = new ArrayList<>(headers.size());
      for (BlockHeader h : headers) {
        Optional<Rejected> r = outcome(actor.importHeader(h), "header " + h.hash());
        out.add(r);
        if (r.isPresent() && r.get().reason() != Reason.ALREADY_KNOWN) {
          break;
        }
      }
      return out;
    }, TIMEOUT);
  }

  @Override
  public Optional<Rejected> acceptBlock(Block block) {
    return outcome(ChainThread.await(actor.submitBlock(block), TIMEOUT), "block " + block.hash());
  }

  @Override
  public CompletableFuture<Optional<Rejected>> acceptBlockAsync(Block block) {
    return actor.submitBlock(block).thenApply(r -> outcome(r, "block " + block.hash()));
  }

  private static Optional<Rejected> outcome(ImportResult r, String what) {
    return switch (r.outcome()) {
      case ACCEPTED -> Optional.empty();
      case DUPLICATE -> Optional.of(Rejected.of(Reason.ALREADY_KNOWN, what + " is known"));
      case REJECTED -> r.rejected();
    };
  }

  @Override
  public boolean hasTx(Hash txid) {
    return actor.pool().contains(txid) || store.txLocation(txid).isPresent();
  }

  @Override
  public Optional<Transaction> mempoolTx(Hash txid) {
    return actor.pool().get(txid);
  }

  @Override
  public List<Hash> mempoolTxids() {
    return actor.pool().txids();
  }

  @Override
  public void forEachMempoolTx(java.util.function.Consumer<Transaction> action) {
    actor.pool().forEach(action);
  }

  @Override
  public Optional<Rejected> acceptTx(Transaction tx) {
    try {
      Admission a = ChainThread.await(actor.submitTx(tx), TIMEOUT);
      return a.rejection();
    } catch (ChainThread.Unavailable e) {
      return Optional.of(Rejected.of(Reason.BUSY, e.getMessage())); // not the peer's fault: no ban
    }
  }

  @Override
  public CompletableFuture<List<Optional<Rejected>>> acceptTxsAsync(List<Transaction> txs) {
    return actor.submitTxs(txs).handle((admissions, e) -> {
      if (e == null) {
        return admissions.stream().map(Admission::rejection).toList();
      }
      Optional<Rejected> busy = Optional.of(Rejected.of(Reason.BUSY, "the node cannot take transactions now"));
      return txs.stream().map(t -> busy).toList(); // not the peer's fault: no ban
    });
  }

  @Override
  public void addListener(Listener listener) {
    actor.addListener(new ChainActor.Listener() {
      @Override
      public void txAccepted(Transaction tx) {
        listener.onTransaction(tx);
      }

      @Override
      public void blockConnected(Block block) {
        listener.onBlockConnected(block);
      }

      @Override
      public void blockStored(Block block) {
        listener.onBlockStored(block);
      }

      @Override
      public void blockMined(Block block) {
        listener.onBlockMined(block);
      }
    });
  }
}
