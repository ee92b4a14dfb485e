package io.cairn.node.p2p;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.ShortIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compact block relay: serving a block as header + short ids, rebuilding one from the mempool and
 * asking only for the transactions that are missing. A rebuilt block whose Merkle root does not match
 * (a short-id collision) falls back to a full-block request ({@link BlockPipeline}).
 */
final class CompactBlocks {
  private final Network net;
  private final Map<Hash, Partial> partials = new HashMap<>();
  /** The block this node mined last, served from here until the store has it (null otherwise). */
  private Block mined;

  /** A block waiting for BLOCK_TXS: {@code slots} holds the mempool transactions, {@code missing} the rest's indexes. */
  private record Partial(BlockHeader header, Transaction[] slots, List<Integer> missing, Peer peer) {}

  CompactBlocks(Network net) {
    this.net = net;
  }

  /** Keeps {@code b}, a block this node mined and pushes before storing it, to serve meanwhile. */
  void remember(Block b) {
    mined = b;
  }

  /** The store has {@code hash} now: if it is the block kept since it was mined, it is not needed any more. */
  void stored(Hash hash) {
    if (mined != null && mined.hash().equals(hash)) {
      mined = null;
    }
  }

  /** A stored block, or the one this node mined last (maybe not stored yet). */
  Optional<Block> block(Hash hash) {
    Optional<Block> b = net.backend.block(hash);
    Block m = mined;
    return b.isEmpty() && m != null && m.hash().equals(hash) ? Optional.of(m) : b;
  }

  void serveCompact(Peer p, Hash hash) {
    Optional<Block> b = block(hash);
    if (b.isEmpty()) {
      p.send(new Message.NotFound(true, List.of(hash)));
      return;
    }
    p.knownBlocks.add(hash);
    p.send(compact(b.get()));
  }

  /** The block as header, a fresh salt and one short id per transaction. */
  Message.CompactBlock compact(Block b) {
    long salt = net.random.nextLong();
    ShortIds sid = ShortIds.forBlock(b.header(), salt);
    List<Long> ids = new ArrayList<>(b.transactions().size());
    for (Transaction tx : b.transactions()) {
      ids.add(sid.of(tx.txid()));
    }
    return new Message.CompactBlock(b.header(), salt, ids);
  }

  /** The peer whose missing transactions a rebuild of {@code hash} waits for, or null. */
  Peer rebuilder(Hash hash) {
    Partial part = partials.get(hash);
    return part == null ? null : part.peer();
  }

  void serveBlockTxs(Peer p, Message.GetBlockTxs m) {
    Optional<Block> b = block(m.hash());
    if (b.isEmpty()) {
      p.send(new Message.NotFound(true, List.of(m.hash())));
      return;
    }
    List<Transaction> all = b.get().transactions();
    List<Transaction> out = new ArrayList<>(m.indexes().size());
    for (int i : m.indexes()) {
      if (i >= all.size()) {
        net.misbehave(p, Rejected.of(Reason.MALFORMED, "transaction index " + i + " beyond " + all.size()));
        return;
      }
      out.add(all.get(i));
    }
    p.send(new Message.BlockTxs(m.hash(), out));
  }

  /**
   * Rebuilds the block or asks for what is missing; returns the block when complete now. Every
   * mempool transaction is hashed once with the block's key and matched through a table of the
   * block's short ids; a short id shared by two mempool transactions, or by two slots of the block,
   * leaves its slots missing (asked for).
   */
  Block onCompact(Peer p, Message.CompactBlock cb) {
    Hash hash = cb.header().hash();
    ShortIds sid = ShortIds.forBlock(cb.header(), cb.salt());
    int n = cb.shortIds().size();
    SlotTable table = new SlotTable(n);
    for (int i = 0; i < n; i++) {
      table.put(cb.shortIds().get(i), i);
    }
    Transaction[] slots = new Transaction[n];
    boolean[] ambiguous = new boolean[n];
    net.backend.forEachMempoolTx(tx -> {
      int i = table.get(sid.of(tx.txid()));
      if (i >= 0) {
        ambiguous[i] |= slots[i] != null;
        slots[i] = tx;
      }
    });
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (slots[i] == null || ambiguous[i]) {
        slots[i] = null;
        missing.add(i);
      }
    }
    if (missing.isEmpty()) {
      return assemble(cb.header(), slots);
    }
    net.stats.compactMissingTxs.add(missing.size());
    partials.put(hash, new Partial(cb.header(), slots, missing, p));
    p.send(new Message.GetBlockTxs(hash, missing));
    return null;
  }

  /** Completes a partial block; null when it was not expected from this peer (caller bans). */
  Block onBlockTxs(Peer p, Message.BlockTxs m, boolean[] unsolicited) {
    Partial part = partials.get(m.hash());
    if (part == null || part.peer() != p) {
      unsolicited[0] = true;
      return null;
    }
    partials.remove(m.hash());
    if (m.txs().size() != part.missing().size()) {
      net.misbehave(p, Rejected.of(Reason.MALFORMED, "Expected " + part.missing().size()
          + " block transactions but got " + m.txs().size()));
      return null;
    }
    Transaction[] slots = Arrays.copyOf(part.slots(), part.slots().length);
    for (int i = 0; i < m.txs().size(); i++) {
      slots[part.missing().get(i)] = m.txs().get(i);
    }
    return assemble(part.header(), slots);
  }

  /**
   * The rebuilt block. Its Merkle root is checked once, by the chain's body check: a mismatch (a
   * short-id collision, or short ids that name the wrong transactions) comes back as {@code
   * bad-merkle-root}, which leaves the header usable, and the block is then fetched in full from
   * the same peer ({@link BlockPipeline}).
   */
  private Block assemble(BlockHeader header, Transaction[] slots) {
    net.stats.compactReconstructed.increment();
    return new Block(header, Arrays.asList(slots));
  }

  void forget(Hash hash) {
    partials.remove(hash);
  }

  void onClosed(Peer p) {
    partials.values().removeIf(x -> x.peer() == p);
  }

  /**
   * Short id -> slot of the block, open addressing over primitive arrays (no boxing of the tens of
   * thousands of lookups one rebuild makes). A short id in two slots maps to neither: -1.
   */
  static final class SlotTable {
    private static final int DUPLICATE = -2;
    private final long[] keys;
    private final int[] slots;
    private final int mask;

    SlotTable(int entries) {
      int cap = Integer.highestOneBit(Math.max(4, entries * 2) - 1) << 1;
      keys = new long[cap];
      slots = new int[cap];
      java.util.Arrays.fill(slots, -1);
      mask = cap - 1;
    }

    void put(long key, int slot) {
      int at = index(key);
      if (slots[at] == -1) {
        keys[at] = key;
        slots[at] = slot;
      } else {
        slots[at] = DUPLICATE;
      }
    }

    /** The slot holding {@code key}, or -1 (absent or duplicated). */
    int get(long key) {
      int at = index(key);
      return slots[at] < 0 ? -1 : slots[at];
    }

    private int index(long key) {
      int at = (int) (key ^ key >>> 29) & mask;
      while (slots[at] != -1 && keys[at] != key) {
        at = (at + 1) & mask;
      }
      return at;
    }
  }
}
