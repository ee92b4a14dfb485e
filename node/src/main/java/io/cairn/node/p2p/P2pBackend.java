package io.cairn.node.p2p;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Everything the peer-to-peer network needs from the rest of the node: the chain store, consensus and
 * the mempool behind one seam. The network calls it from its single network thread; implementations
 * must be thread-safe with respect to their own other callers (RPC, miner). Every accept call returns
 * {@code Optional.empty()} when the item was new and accepted, or the reason it was not; {@code
 * already-known} is not misbehaviour, {@code unknown-parent} makes the network ask for headers.
 */
public interface P2pBackend {

  /** The best fully validated chain's tip. */
  record Tip(long height, Hash hash, BigInteger cumulativeWork) {}

  Hash genesisHash();

  Tip tip();

  /**
   * Hashes of the best chain from the tip backwards, exponentially spaced (tip, tip-1, ... tip-9,
   * then doubling steps), always ending with the genesis hash; at most 101 entries.
   */
  List<Hash> locator();

  /**
   * Headers of the best chain following the first locator hash that is on it (the genesis when none
   * is), in order, at most {@code max}.
   */
  List<BlockHeader> headersAfter(List<Hash> locator, int max);

  /** True when the block's body is stored (connected or at least fully validated). */
  boolean hasBlock(Hash hash);

  Optional<Block> block(Hash hash);

  /**
   * Checks a header (linkage to a known header, proof of work, target, timestamp) and stores it.
   * {@code unknown-parent} when its parent header is not known; {@code already-known} when stored.
   */
  Optional<Rejected> acceptHeader(BlockHeader header);

  /**
   * {@link #acceptHeader} for a chain of headers in one go (one trip to the chain for all, however
   * busy it is with blocks): one result per header in order, ending after the first rejection other
   * than {@code already-known} (the rest could only fail on it).
   */
  default List<Optional<Rejected>> acceptHeaders(List<BlockHeader> headers) {
    List<Optional<Rejected>> out = new ArrayList<>();
    for (BlockHeader h : headers) {
      Optional<Rejected> r = acceptHeader(h);
      out.add(r);
      if (r.isPresent() && r.get().reason() != Reason.ALREADY_KNOWN) {
        break;
      }
    }
    return out;
  }

  /**
   * Validates and stores a block whose parent block is stored, connecting it if it extends the chain
   * with the most work (reorganising if needed). {@code unknown-parent} when the parent is missing.
   */
  Optional<Rejected> acceptBlock(Block block);

  /**
   * {@link #acceptBlock} without waiting: blocks are imported in the order of these calls (so a
   * child may be submitted before its parent's import finished), while their signature checks may
   * overlap. The future completes on a node thread, never the caller's; it fails only when the node
   * cannot take the block (shutting down, or the chain thread is stuck), which is not the sender's
   * fault. The default waits, for simple implementations.
   */
  default CompletableFuture<Optional<Rejected>> acceptBlockAsync(Block block) {
    return CompletableFuture.completedFuture(acceptBlock(block));
  }

  /** True when the transaction is in the mempool or known as confirmed. */
  boolean hasTx(Hash txid);

  /** A mempool transaction, for relaying and compact-block reconstruction. */
  Optional<Transaction> mempoolTx(Hash txid);

  /** Txids of every mempool transaction (a snapshot). */
  List<Hash> mempoolTxids();

  /** Calls {@code action} with every mempool transaction (weakly consistent: concurrent changes may or may not be seen). */
  default void forEachMempoolTx(java.util.function.Consumer<Transaction> action) {
    for (Hash id : mempoolTxids()) {
      mempoolTx(id).ifPresent(action);
    }
  }

  /** Adds a transaction to the mempool. */
  Optional<Rejected> acceptTx(Transaction tx);

  /**
   * {@link #acceptTx} for many transactions without waiting: one result per input, in order
   * (signatures checked in parallel, admitted in input order). The future completes on a node
   * thread; a node too busy to take them answers {@code busy} for each. The default calls {@link
   * #acceptTx} one by one.
   */
  default CompletableFuture<List<Optional<Rejected>>> acceptTxsAsync(List<Transaction> txs) {
    return CompletableFuture.completedFuture(txs.stream().map(this::acceptTx).toList());
  }

  /**
   * Registers the network to hear of every newly accepted transaction and every new tip, whatever
   * their source (RPC, miner, peers). Callbacks may come from any thread and must return quickly.
   */
  void addListener(Listener listener);

  /** Newly accepted items, to be announced to peers. */
  interface Listener {
    /** A transaction entered the mempool: new, or returned by a reorganisation (announce it again). */
    void onTransaction(Transaction tx);

    /** A block became the new tip (once per connected block, in order). */
    void onBlockConnected(Block block);

    /**
     * A block passed its header and body checks (proof of work, Merkle root, size), was stored and
     * is about to be connected on top of the tip: not yet checked against the state or its
     * signatures. Peers at its parent are pushed it compactly at once, so that they rebuild and
     * check it while this node connects it (BIP 152's high-bandwidth relay, which announces after
     * the proof-of-work check, not after full validation).
     */
    default void onBlockStored(Block block) {}

    /**
     * A block this node mined, the moment its proof of work was found: before this node checks,
     * stores or connects it. Peers at its parent are pushed it compactly at once, as Bitcoin Core's
     * miner does (its template was built from this node's checked mempool on its tip; each peer
     * checks the block anyway). Until the block is stored, its transactions are served from memory.
     */
    default void onBlockMined(Block block) {}
  }
}
