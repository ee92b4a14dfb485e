package io.cairn.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.amount.Amount;
import io.cairn.common.model.Block;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.chain.BlockIndexEntry.Status;
import io.cairn.node.consensus.SignatureCheck;
import io.cairn.node.testing.ChainBuilder;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine contract on real RocksDB, plus what only a disk store has: reopen, lock, spec check. */
class RocksChainEngineIT extends ChainEngineContract {
  @TempDir
  Path dir;
  private int opened;

  @Override
  ChainStore newStore(ChainBuilder chain) {
    return ChainStore.open(dir.resolve("db" + opened++), chain.spec());
  }

  private Path currentDir() {
    return dir.resolve("db" + (opened - 1));
  }

  private void reopen() {
    store.close();
    store = ChainStore.open(currentDir(), chain.spec());
    engine = ChainEngine.open(store, SignatureCheck.DIRECT);
  }

  @Test
  void reopenResumesAtTheStoredTipWithForksAndInvalidMarks() {
    List<Block> a = busyChain(chain.genesisHash(), 3, 1);
    a.forEach(this::accept);
    List<Block> side = busyChain(a.get(0).hash(), 1, 30);
    accept(side.get(0));
    Block bad = chain.on(a.get(2)).transfer(TestKey.of(44), TestKey.of(1).address(), Amount.ofCrn(1),
        chain.spec().minFee()).mine();
    accept(bad);
    reopen();
    assertAt(a.get(2));
    assertEquals(Status.HAS_BODY, engine.entry(side.get(0).hash()).orElseThrow().status());
    assertEquals(Status.INVALID, engine.entry(bad.hash()).orElseThrow().status());
    // The side branch is remembered: two more blocks on it reorganise to it after the reopen.
    List<Block> more = busyChain(side.get(0).hash(), 2, 60);
    accept(more.get(0));
    accept(more.get(1));
    assertAt(more.get(1));
    reopen();
    assertAt(more.get(1));
  }

  @Test
  void aSecondOpenOfTheSameDirectoryGetsAClearError() {
    StoreLockedException e = assertThrows(StoreLockedException.class, () -> ChainStore.open(currentDir(), chain.spec()));
    assertTrue(e.getMessage().contains("data directory " + currentDir() + " is in use"), e.getMessage());
    // The first store is unharmed.
    Block b = busy(chain.genesisHash(), 1);
    accept(b);
    reopen();
    assertAt(b);
  }

  @Test
  void openingWithAnotherChainSpecFails() {
    store.close();
    ChainSpec other = TestSpecs.withAllocations(3, Amount.ofCrn(7));
    ChainSpecMismatchException e = assertThrows(ChainSpecMismatchException.class,
        () -> ChainStore.open(currentDir(), other));
    assertTrue(e.getMessage().startsWith("chain spec mismatch"), e.getMessage());
    store = ChainStore.open(currentDir(), chain.spec());
    assertAt(chain.genesis());
  }

  @Test
  void anInterruptedReorganisationIsFinishedOnReopen() {
    List<Block> a = busyChain(chain.genesisHash(), 2, 1);
    a.forEach(this::accept);
    List<Block> b = busyChain(chain.genesisHash(), 3, 20);
    // Simulate a crash after the first step of a reorg: bodies stored, tip moved down one block.
    for (Block x : b) {
      engine.acceptHeader(x.header(), NOW);
    }
    store.close();
    try (ChainStore raw = ChainStore.open(currentDir(), chain.spec())) {
      try (StoreUpdate u = raw.update()) {
        for (Block x : b) {
          u.put(Schema.BODIES, x.hash(), x.transactions());
          u.put(Schema.HEADERS, x.hash(), raw.entry(x.hash()).orElseThrow().withStatus(Status.HAS_BODY));
        }
        u.commit(true);
      }
      BlockWrites.disconnect(raw, a.get(1));
      StoreChecks.assertConsistent(raw);
    }
    store = ChainStore.open(currentDir(), chain.spec());
    engine = ChainEngine.open(store, SignatureCheck.DIRECT);
    assertAt(b.get(2));
  }
}
