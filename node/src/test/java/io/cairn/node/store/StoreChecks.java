package io.cairn.node.store;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import io.cairn.node.chain.BlockIndexEntry;
import io.cairn.node.state.Account;
import io.cairn.node.state.ApplyResult;
import io.cairn.node.state.StateTransition;
import io.cairn.node.testing.MemoryAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Full consistency check of a chain store against its own tip chain: the tip is fully applied, the
 * height, undo, tx and history indexes hold exactly the main chain's entries, the accounts equal a
 * replay of the main chain from genesis, and supply = allocations + reward * height. Throws
 * AssertionError saying what disagrees. Returns the replayed state.
 */
final class StoreChecks {
  private StoreChecks() {}

  static MemoryAccounts assertConsistent(ChainStore store) {
    Hash tip = store.tipHash();
    BlockIndexEntry tipEntry = store.entry(tip).orElseThrow(() -> fail("tip " + tip + " has no header"));
    check(tipEntry.status() == BlockIndexEntry.Status.VALID, "tip status is " + tipEntry.status());
    long height = tipEntry.height();

    List<Block> main = new ArrayList<>();
    Hash h = tip;
    for (long i = height; i >= 0; i--) {
      Hash at = store.hashAt(i).orElseThrow(() -> fail("no height index entry below the tip"));
      check(at.equals(h), "height index at " + i + " is " + at + " but the tip chain has " + h);
      Block b = store.block(h).orElseThrow(() -> fail("main-chain body missing"));
      check(b.height() == i, "height mismatch");
      BlockIndexEntry e = store.entry(h).orElseThrow();
      check(e.status() == BlockIndexEntry.Status.VALID, "main-chain block " + h + " status " + e.status());
      main.add(0, b);
      h = b.header().prevHash();
    }
    check(store.hashAt(height + 1).isEmpty(), "height index has an entry above the tip");
    check(store.count(Schema.HEIGHT) == height + 1, "height index has " + store.count(Schema.HEIGHT)
        + " entries for a chain of height " + height);
    check(store.count(Schema.UNDO) == height, "undo has " + store.count(Schema.UNDO) + " records, want " + height);

    MemoryAccounts replay = new MemoryAccounts().apply(StateTransition.applyGenesis(store.spec()));
    long txCount = 0;
    long historyCount = 0;
    for (Block b : main.subList(1, main.size())) {
      check(store.undo(b.hash()).isPresent(), "no undo record for main-chain block " + b.hash());
      ApplyResult r = StateTransition.apply(replay, b, store.spec());
      if (!(r instanceof ApplyResult.Applied a)) {
        throw fail("main-chain block " + b.hash() + " does not replay: " + r);
      }
      replay.apply(a.delta());
      List<Transaction> txs = b.transactions();
      for (int i = 0; i < txs.size(); i++) {
        Transaction tx = txs.get(i);
        TxLocation want = new TxLocation(b.hash(), b.height(), i);
        check(store.txLocation(tx.txid()).equals(java.util.Optional.of(want)),
            "tx index of " + tx.txid() + " is " + store.txLocation(tx.txid()) + ", want " + want);
        txCount++;
        historyCount += tx.sender().equals(tx.to()) ? 1 : 2;
      }
    }
    check(store.count(Schema.TX_INDEX) == txCount, "tx index has " + store.count(Schema.TX_INDEX) + " entries, want " + txCount);
    check(store.count(Schema.HISTORY) == historyCount, "history has " + store.count(Schema.HISTORY) + " entries, want " + historyCount);

    Map<Address, Account> stored = new TreeMap<>();
    store.forEachAccount(stored::put);
    check(stored.equals(replay.asMap()), "accounts differ from a replay from genesis");
    long supply = Math.addExact(store.spec().totalAllocated().units(),
        Math.multiplyExact(store.spec().blockReward().units(), height));
    check(replay.totalSupply() == supply, "supply " + replay.totalSupply() + " != allocations + reward * height " + supply);
    return replay;
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw fail(what);
    }
  }

  private static AssertionError fail(String what) {
    return new AssertionError("store inconsistent: " + what);
  }
}
