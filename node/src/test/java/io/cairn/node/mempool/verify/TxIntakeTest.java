package io.cairn.node.mempool.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.Genesis;
import io.cairn.node.mempool.Admission;
import io.cairn.node.mempool.Admission.Status;
import io.cairn.node.mempool.Mempool;
import io.cairn.node.mempool.MempoolConfig;
import io.cairn.node.mempool.TxPrecheck;
import io.cairn.node.state.StateTransition;
import io.cairn.node.testing.MemoryAccounts;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TxIntakeTest {
  @Test
  void aBatchIsVerifiedInParallelThenAdmittedInOrderOnTheChainThread() throws Exception {
    ChainSpec spec = TestSpecs.easy();
    Hash genesis = Genesis.hash(spec);
    MemoryAccounts state = new MemoryAccounts().apply(StateTransition.applyGenesis(spec));
    ExecutorService chain = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-chain"));
    AtomicReference<String> admittedOn = new AtomicReference<>();
    try (TxVerifier verifier = new TxVerifier(genesis, 2, 1_000)) {
      TxPrecheck rules = TxPrecheck.consensus(spec, genesis, verifier);
      TxPrecheck recording = tx -> {
        admittedOn.set(Thread.currentThread().getName());
        return rules.check(tx);
      };
      Mempool pool = new Mempool(MempoolConfig.DEFAULT, recording, state);
      TxIntake intake = new TxIntake(verifier, pool, chain, () -> 42L);
      TestKey k = TestKey.of(1);
      Amount fee = TestSpecs.MIN_FEE;
      Transaction t0 = k.transfer(genesis, TestKey.of(2).address(), Amount.ofCrn(1), fee, 0);
      Transaction t1 = k.transfer(genesis, TestKey.of(2).address(), Amount.ofCrn(1), fee, 1);
      Transaction forged = TxVerifierTest.forged(k.transfer(genesis, TestKey.of(2).address(), Amount.ofCrn(1), fee, 2));
      Transaction cheap = k.transfer(genesis, TestKey.of(2).address(), Amount.ofCrn(1), Amount.ofUnits(1), 2);
      List<Admission> out = intake.submitBatch(List.of(t1, t0, forged, cheap, t0)).get(10, TimeUnit.SECONDS);
      assertEquals(Status.QUEUED, out.get(0).status());
      assertEquals(Status.PENDING, out.get(1).status());
      assertEquals(Reason.BAD_SIGNATURE, out.get(2).rejected().reason());
      assertEquals(Reason.FEE_TOO_LOW, out.get(3).rejected().reason());
      assertEquals(Reason.ALREADY_KNOWN, out.get(4).rejected().reason());
      assertEquals("test-chain", admittedOn.get());
      assertEquals(2, pool.size());
      assertEquals(2, pool.pendingNonce(k.address()));
      assertTrue(verifier.cacheHits() >= 2, "the mempool's signature checks were cache hits");
    } finally {
      chain.shutdownNow();
      assertTrue(chain.awaitTermination(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void batchesAreAdmittedInSubmissionOrder() throws Exception {
    ChainSpec spec = TestSpecs.easy();
    Hash genesis = Genesis.hash(spec);
    MemoryAccounts state = new MemoryAccounts().apply(StateTransition.applyGenesis(spec));
    ExecutorService chain = Executors.newSingleThreadExecutor();
    try (TxVerifier verifier = new TxVerifier(genesis, 2, 1_000)) {
      Mempool pool = new Mempool(MempoolConfig.DEFAULT, TxPrecheck.consensus(spec, genesis, verifier), state);
      TxIntake intake = new TxIntake(verifier, pool, chain, () -> 0L);
      TestKey k = TestKey.of(3);
      List<java.util.concurrent.CompletableFuture<List<Admission>>> futures = new java.util.ArrayList<>();
      // 60 nonces in batches of 3 submitted without waiting: a batch admitted early would open a gap > 16.
      for (int b = 0; b < 20; b++) {
        List<Transaction> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
          batch.add(k.transfer(genesis, TestKey.of(4).address(), Amount.ofCrn(1), TestSpecs.MIN_FEE, 3L * b + i));
        }
        futures.add(intake.submitBatch(batch));
      }
      for (var f : futures) {
        for (Admission a : f.get(20, TimeUnit.SECONDS)) {
          assertEquals(Status.PENDING, a.status(), () -> String.valueOf(a.rejected()));
        }
      }
      assertEquals(60, pool.pendingNonce(k.address()));
    } finally {
      chain.shutdownNow();
      assertTrue(chain.awaitTermination(5, TimeUnit.SECONDS));
    }
  }
}
