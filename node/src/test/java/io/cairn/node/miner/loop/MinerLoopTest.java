package io.cairn.node.miner.loop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Rejected;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.mempool.Admission.Status;
import io.cairn.node.mempool.verify.TxVerifier;
import io.cairn.node.miner.TemplateBuilder;
import io.cairn.node.miner.TestChain;
import io.cairn.node.store.ChainEngine;
import io.cairn.node.store.ChainStore;
import io.cairn.node.store.ImportResult;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MinerLoopTest {
  private static final Address MINER = TestKey.of(42).address();

  /** Feeds {@code blocks} to a fresh engine on its own in-memory store; asserts each is accepted. */
  private static void assertAcceptedByAnotherNode(ChainSpec spec, List<Block> blocks) {
    ChainStore store = ChainStore.inMemory(spec);
    try (TxVerifier sigs = new TxVerifier(io.cairn.common.spec.Genesis.hash(spec), 2, 10_000)) {
      ChainEngine other = ChainEngine.open(store, sigs);
      for (Block b : blocks) {
        ImportResult r = other.acceptBlock(b, System.currentTimeMillis());
        assertFalse(r.isRejected(), () -> "block " + b.height() + ": " + r.rejected());
        assertEquals(b.hash(), other.head().hash());
      }
    } finally {
      store.close();
    }
  }

  @Test
  void minedBlocksCarryTheMempoolAndAreAcceptedByAnIndependentNode() {
    ChainSpec spec = TestSpecs.easy();
    TestChain chain = new TestChain(spec);
    List<Transaction> txs = new ArrayList<>();
    for (int sender = 0; sender < 3; sender++) {
      for (int nonce = 0; nonce < 2; nonce++) {
        txs.add(TestKey.of(sender).transfer(chain.genesis, TestKey.of(9).address(), Amount.ofCrn(2),
            Amount.ofUnits(2_000 + sender), nonce));
      }
    }
    Transaction queued = TestKey.of(5).transfer(chain.genesis, MINER, Amount.ofCrn(1), TestSpecs.MIN_FEE, 3);
    for (Transaction t : txs) {
      assertEquals(Status.PENDING, chain.mempool.accept(t, 0).status());
    }
    assertEquals(Status.QUEUED, chain.mempool.accept(queued, 0).status());
    List<Optional<Rejected>> results = new ArrayList<>();
    try (MinerLoop miner = new MinerLoop(MinerLoop.Config.uncapped(1), now -> chain.template(MINER, now),
        b -> results.add(chain.submit(b, System.currentTimeMillis())))) {
      List<Block> blocks = miner.mineBlocks(3);
      assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.empty()), results);
      assertEquals(3, chain.height());
      assertEquals(6, blocks.get(0).transactions().size(), "all pending transactions fit in block 1");
      assertEquals(List.of(2L, 2L, 1L, 1L, 0L, 0L), blocks.get(0).transactions().stream()
          .map(t -> t.fee().units() - 2_000).toList(), "highest fee first, nonces in order");
      assertTrue(blocks.get(1).transactions().isEmpty());
      assertEquals(3, miner.blocksFound());
      assertEquals(1, chain.mempool.size(), "only the queued transaction is left");
      long fees = txs.stream().mapToLong(t -> t.fee().units()).sum();
      assertEquals(TestSpecs.REWARD.units() * 3 + fees, chain.state.account(MINER).balance().units());
      assertAcceptedByAnotherNode(spec, blocks);
    }
  }

  @Test
  void backgroundWorkersMineValidBlocksUntilStopped() {
    ChainSpec spec = TestSpecs.easy();
    TestChain chain = new TestChain(spec);
    List<Block> stale = new CopyOnWriteArrayList<>();
    AtomicReference<MinerLoop> ref = new AtomicReference<>();
    MinerLoop miner = new MinerLoop(MinerLoop.Config.uncapped(2), now -> chain.template(MINER, now), b -> {
      if (chain.submit(b, System.currentTimeMillis()).isPresent()) {
        stale.add(b);
      }
      ref.get().tipChanged();
    });
    ref.set(miner);
    try {
      miner.start();
      assertTrue(miner.isRunning());
      await().atMost(Duration.ofSeconds(20)).until(() -> chain.height() >= 8);
    } finally {
      miner.stop();
    }
    assertFalse(miner.isRunning());
    assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("cairn-miner-")),
        "workers have exited");
    List<Block> mined = chain.blocks().subList(1, chain.blocks().size());
    assertTrue(stale.stream().allMatch(b -> b.height() <= chain.height()), "only stale siblings were refused");
    assertAcceptedByAnotherNode(spec, mined);
  }

  @Test
  void aTipChangeMakesEveryWorkerFetchANewTemplate() {
    // Target 1: no block will be found, so workers only stop for a new tip.
    ChainSpec spec = TestSpecs.withTiming(TestSpecs.easy(), 2_000, 0x03000001, 60_000);
    TestChain chain = new TestChain(spec);
    AtomicInteger templates = new AtomicInteger();
    MinerLoop miner = new MinerLoop(new MinerLoop.Config(2, 0, 600_000), now -> {
      templates.incrementAndGet();
      return chain.template(MINER, now);
    }, b -> { });
    try {
      miner.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> templates.get() >= 2 && miner.hashes() > 0);
      miner.tipChanged();
      await().atMost(Duration.ofSeconds(10)).until(() -> templates.get() >= 4);
    } finally {
      miner.stop();
    }
    assertEquals(0, miner.blocksFound());
  }

  @Test
  void aWorkerWithoutATemplateWaitsForTheTip() {
    AtomicInteger asked = new AtomicInteger();
    MinerLoop miner = new MinerLoop(new MinerLoop.Config(1, 0, 1_000), now -> {
      asked.incrementAndGet();
      return null;
    }, b -> { });
    try {
      miner.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> asked.get() >= 1);
      miner.tipChanged();
      await().atMost(Duration.ofSeconds(10)).until(() -> asked.get() >= 2);
    } finally {
      miner.stop();
    }
    assertEquals(0, miner.hashes());
  }

  @Test
  void configRejectsNonsense() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new MinerLoop.Config(0, 0, 1));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new MinerLoop.Config(1, -1, 1));
    assertEquals(TemplateBuilder.maxTxBytes(TestSpecs.easy()), 1_000_000 - 130);
  }
}
