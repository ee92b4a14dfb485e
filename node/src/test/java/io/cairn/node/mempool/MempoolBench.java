package io.cairn.node.mempool;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.Genesis;
import io.cairn.node.mempool.verify.TxIntake;
import io.cairn.node.mempool.verify.TxVerifier;
import io.cairn.node.state.Account;
import io.cairn.node.state.AccountView;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Mempool acceptance benchmark (a documented main, not a test): transactions accepted per second
 * from pre-signed transfers submitted through {@link TxIntake#submitBatch} in batches of 100
 * (parallel signature verification, then the policy on one chain thread), for one sender and for
 * many senders, next to the raw Ed25519 verify rate on one thread and on all cores measured in the
 * same run. Run it as described in docs/benchmarks.md ("Mempool"):
 *
 * <pre>
 * mvn -B -q -o -pl node -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp node/target/test-classes:node/target/classes:$(cat node/target/cp.txt) \
 *     io.cairn.node.mempool.MempoolBench [transactions=20000] [rounds=3]
 * </pre>
 */
public final class MempoolBench {
  private static final int BATCH = 100;

  private MempoolBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int cores = Runtime.getRuntime().availableProcessors();
    ChainSpec spec = TestSpecs.easy();
    Hash genesis = Genesis.hash(spec);
    System.out.printf("signing %,d transactions twice (one sender, %,d senders)...%n", n, n);
    List<Transaction> single = sign(genesis, n, true);
    List<Transaction> many = sign(genesis, n, false);

    double[] verify1 = new double[rounds];
    double[] verifyAll = new double[rounds];
    double[] oneSender = new double[rounds];
    double[] manySenders = new double[rounds];
    double[] policyOnly = new double[rounds];
    accept(spec, genesis, single.subList(0, Math.min(n, 2_000)), cores); // warm-up
    for (int r = 0; r < rounds; r++) {
      verify1[r] = verifyRate(genesis, many.subList(0, Math.min(n, 5_000)), 1);
      verifyAll[r] = verifyRate(genesis, many, cores);
      oneSender[r] = accept(spec, genesis, single, cores);
      manySenders[r] = accept(spec, genesis, many, cores);
      policyOnly[r] = policyRate(spec, genesis, many);
    }
    System.out.printf("machine: %s, %d cores, JDK %s%n", System.getProperty("os.arch"), cores,
        System.getProperty("java.version"));
    double limit = median(verify1) * cores;
    double measured = median(verifyAll);
    System.out.println("| what | median | min | max | of 1-thread verify x cores | of all-core verify |");
    System.out.println("|---|---|---|---|---|---|");
    row("Ed25519 verify, 1 thread", verify1, 0, 0);
    row("Ed25519 verify, " + cores + " threads", verifyAll, limit, 0);
    row("mempool accept, 1 sender", oneSender, limit, measured);
    row("mempool accept, " + n + " senders", manySenders, limit, measured);
    row("mempool policy only (signatures cached), " + n + " senders", policyOnly, 0, 0);
  }

  private static List<Transaction> sign(Hash genesis, int n, boolean oneSender) {
    List<Transaction> out = new ArrayList<>(n);
    Address to = TestKey.of(1_000_000).address();
    TestKey sender = TestKey.of(0);
    for (int i = 0; i < n; i++) {
      TestKey k = oneSender ? sender : TestKey.of(i + 1);
      out.add(k.transfer(genesis, to, Amount.ofUnits(1 + i), TestSpecs.MIN_FEE, oneSender ? i : 0));
    }
    return out;
  }

  /** Raw {@link Transaction#verifySignature} per second on {@code threads} threads. */
  private static double verifyRate(Hash genesis, List<Transaction> txs, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<Integer>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<Transaction> part = txs.subList(txs.size() * t / threads, txs.size() * (t + 1) / threads);
        parts.add(pool.submit(() -> {
          int ok = 0;
          for (Transaction tx : part) {
            ok += tx.verifySignature(genesis) ? 1 : 0;
          }
          return ok;
        }));
      }
      int ok = 0;
      for (Future<Integer> f : parts) {
        ok += f.get();
      }
      if (ok != txs.size()) {
        throw new IllegalStateException("only " + ok + " of " + txs.size() + " verified");
      }
      return txs.size() / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdown();
    }
  }

  /** Accepted per second through a fresh verifier, mempool and chain thread. */
  private static double accept(ChainSpec spec, Hash genesis, List<Transaction> txs, int cores) throws Exception {
    Account rich = new Account(Amount.ofCrn(1_000_000_000L), 0);
    AccountView view = a -> rich;
    MempoolConfig config = new MempoolConfig(txs.size() + 1, Long.MAX_VALUE, txs.size() + 1, 16, 3_600_000L);
    ExecutorService chainThread = Executors.newSingleThreadExecutor();
    try (TxVerifier verifier = new TxVerifier(genesis, cores, txs.size() + 1)) {
      Mempool pool = new Mempool(config, TxPrecheck.consensus(spec, genesis, verifier), view);
      TxIntake intake = new TxIntake(verifier, pool, chainThread, System::currentTimeMillis);
      long start = System.nanoTime();
      List<CompletableFuture<List<Admission>>> futures = new ArrayList<>();
      for (int i = 0; i < txs.size(); i += BATCH) {
        futures.add(intake.submitBatch(txs.subList(i, Math.min(txs.size(), i + BATCH))));
      }
      int accepted = 0;
      for (CompletableFuture<List<Admission>> f : futures) {
        for (Admission a : f.get()) {
          accepted += a.accepted() ? 1 : 0;
        }
      }
      double rate = accepted / ((System.nanoTime() - start) / 1e9);
      if (accepted != txs.size() || pool.size() != txs.size()) {
        throw new IllegalStateException("accepted " + accepted + " of " + txs.size());
      }
      return rate;
    } finally {
      chainThread.shutdown();
      chainThread.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /** {@link Mempool#accept} per second on this thread, signatures verified beforehand (cache hits). */
  private static double policyRate(ChainSpec spec, Hash genesis, List<Transaction> txs) {
    Account rich = new Account(Amount.ofCrn(1_000_000_000L), 0);
    MempoolConfig config = new MempoolConfig(txs.size() + 1, Long.MAX_VALUE, txs.size() + 1, 16, 3_600_000L);
    try (TxVerifier verifier = new TxVerifier(genesis, 1, txs.size() + 1)) {
      verifier.verifyAll(txs);
      Mempool pool = new Mempool(config, TxPrecheck.consensus(spec, genesis, verifier), a -> rich);
      long start = System.nanoTime();
      for (Transaction tx : txs) {
        if (!pool.accept(tx, 0).accepted()) {
          throw new IllegalStateException("refused " + tx.txid());
        }
      }
      return txs.size() / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    java.util.Arrays.sort(s);
    return s[s.length / 2];
  }

  private static void row(String what, double[] xs, double limit, double measured) {
    double[] s = xs.clone();
    java.util.Arrays.sort(s);
    System.out.printf("| %s | %,.0f/s | %,.0f | %,.0f | %s | %s |%n", what, median(xs), s[0], s[s.length - 1],
        percent(median(xs), limit), percent(median(xs), measured));
  }

  private static String percent(double x, double of) {
    return of > 0 ? String.format("%.0f%%", 100 * x / of) : "";
  }
}
