package io.cairn.node.store;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import io.cairn.node.chain.BlockIndexEntry;
import io.cairn.node.state.StateDelta;
import java.util.List;

/**
 * The two block-level changes of the main chain, each one synced write batch, so that after a crash
 * the store is always at a fully applied tip:
 *
 * <ul>
 *   <li>connect: body, header status, account after-values, undo record (the block's
 *       {@link StateDelta}), height index, tx index, address history, tip;
 *   <li>disconnect (of the tip only): accounts restored from the undo record, undo, height, tx and
 *       history entries removed, tip moved to the parent.
 * </ul>
 */
final class BlockWrites {
  private BlockWrites() {}

  /** Connects {@code block} on top of the current tip with its state transition's {@code delta}. */
  static void connect(ChainStore store, BlockIndexEntry entry, Block block, StateDelta delta) {
    Hash hash = block.hash();
    Hash tip = store.tipHash();
    if (!block.header().prevHash().equals(tip)) {
      throw new IllegalStateException("block " + hash + " does not extend the tip " + tip);
    }
    try (StoreUpdate u = store.update()) {
      if (entry.status() == BlockIndexEntry.Status.HEADER_ONLY) {
        u.put(Schema.BODIES, hash, block.transactions());
      }
      u.put(Schema.HEADERS, hash, entry.withStatus(BlockIndexEntry.Status.VALID));
      writeAccounts(u, delta, false);
      u.put(Schema.UNDO, hash, delta.encode());
      u.put(Schema.HEIGHT, block.height(), hash);
      List<Transaction> txs = block.transactions();
      for (int i = 0; i < txs.size(); i++) {
        Transaction tx = txs.get(i);
        Hash txid = tx.txid();
        u.put(Schema.TX_INDEX, txid, new TxLocation(hash, block.height(), i));
        for (Address a : touched(tx)) {
          u.put(Schema.HISTORY, new Codecs.HistoryKey(a, block.height(), i), txid);
        }
      }
      u.put(Schema.TIP, hash);
      u.commit(true);
    }
  }

  /** Disconnects the tip block, which must be {@code block}; returns the delta it undid. */
  static StateDelta disconnect(ChainStore store, Block block) {
    Hash hash = block.hash();
    Hash tip = store.tipHash();
    if (!hash.equals(tip)) {
      throw new IllegalStateException("block " + hash + " is not the tip " + tip);
    }
    if (block.height() == 0) {
      throw new IllegalStateException("cannot disconnect genesis");
    }
    byte[] undo = store.undo(hash).orElseThrow(() -> store.corrupt("no undo record for tip " + hash));
    StateDelta delta;
    try {
      delta = StateDelta.decode(undo);
    } catch (RuntimeException e) {
      throw store.corrupt("undo record of " + hash + ": " + e.getMessage());
    }
    try (StoreUpdate u = store.update()) {
      writeAccounts(u, delta, true);
      u.delete(Schema.UNDO, hash);
      u.delete(Schema.HEIGHT, block.height());
      List<Transaction> txs = block.transactions();
      for (int i = 0; i < txs.size(); i++) {
        Transaction tx = txs.get(i);
        u.delete(Schema.TX_INDEX, tx.txid());
        for (Address a : touched(tx)) {
          u.delete(Schema.HISTORY, new Codecs.HistoryKey(a, block.height(), i));
        }
      }
      u.put(Schema.TIP, block.header().prevHash());
      u.commit(true);
    }
    return delta;
  }

  /** Writes each change's after value (or, undoing, its before value); absent means delete. */
  static void writeAccounts(StoreUpdate u, StateDelta delta, boolean undoing) {
    for (StateDelta.Change c : delta.changes()) {
      var value = undoing ? c.before() : c.after();
      if (value.isPresent()) {
        u.put(Schema.ACCOUNTS, c.address(), value.get());
      } else {
        u.delete(Schema.ACCOUNTS, c.address());
      }
    }
  }

  private static List<Address> touched(Transaction tx) {
    Address from = tx.sender();
    return from.equals(tx.to()) ? List.of(from) : List.of(from, tx.to());
  }
}
