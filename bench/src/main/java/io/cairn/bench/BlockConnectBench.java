package io.cairn.bench;

import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.consensus.SignatureCheck;
import io.cairn.node.store.ChainEngine;
import io.cairn.node.store.ChainStore;
import io.cairn.node.store.ImportResult;
import io.cairn.node.mempool.verify.TxVerifier;
import io.cairn.node.testing.BlockDraft;
import io.cairn.node.testing.ChainBuilder;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Connecting one full block of {@value #TXS} signed transfers (155 bytes each, 930,130 bytes in all,
 * under the 1,000,000-byte limit) through the node's real path, {@link ChainEngine#acceptBlock}: header
 * rules, body rules (size, Merkle root, duplicates), the signature checks, the state transition and
 * the block's write batch (synced on RocksDB). Every invocation connects the block on a fresh store
 * that holds only genesis (the {@value #TXS} senders' allocations) and {@value #PREFIX} empty blocks.
 *
 * <p>Scores are microseconds per transaction ({@code @OperationsPerInvocation}); transactions per
 * second = 1,000,000 / score. Parameters of {@link #connect}:
 *
 * <ul>
 *   <li>{@code store}: {@code memory} ({@link ChainStore#inMemory}, the CPU-only figure) or
 *       {@code rocksdb} ({@link ChainStore#open} in a temporary directory; the connect batch is synced);
 *   <li>{@code sigs}: {@code direct} ({@link SignatureCheck#DIRECT}, one thread), {@code parallel}
 *       (the node's {@link TxVerifier}: one worker thread per core and an empty cache), {@code preverified} (the same with every txid already in the cache, as when
 *       the mempool verified the transactions before the block arrived).
 * </ul>
 *
 * {@link #verifySingle} and {@link #verifyPool} verify the same {@value #TXS} transactions on one
 * thread and over the same pool, so the goal's ratio, connect(parallel) / (verifySingle x cores), is
 * computed from one run.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(BlockConnectBench.TXS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class BlockConnectBench {
  static final int TXS = 6_000;
  static final int PREFIX = 3;
  static final int CORES = Runtime.getRuntime().availableProcessors();

  /** The chain, built once per trial: spec, the small prefix chain and the big block. */
  @State(Scope.Benchmark)
  public static class Fixture {
    ChainSpec spec;
    Hash genesis;
    List<Block> prefix;
    Block block;
    /** The block's encoding: every invocation connects a fresh decode, as a node gets it from a peer. */
    byte[] encoded;
    ExecutorService pool;
    /** The pool's threads, so {@link ConnectCost} can read their CPU time. */
    final List<Thread> workers = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Setup(Level.Trial)
    public void build() {
      // Keys 0..TXS-1 are funded; key i pays key (i + 1) % TXS, nonce 0: distinct senders, and every
      // account the block touches exists already (12,000 account changes with the miner's).
      spec = TestSpecs.withAllocations(TXS, Amount.ofCrn(1_000));
      ChainBuilder chain = ChainBuilder.create(spec);
      genesis = chain.genesisHash();
      prefix = chain.extend(genesis, PREFIX);
      List<TestKey> keys = new ArrayList<>(TXS);
      for (int i = 0; i < TXS; i++) {
        keys.add(TestKey.of(i));
      }
      BlockDraft draft = chain.on(prefix.get(PREFIX - 1).hash());
      for (int i = 0; i < TXS; i++) {
        draft.tx(keys.get(i).transfer(genesis, keys.get((i + 1) % TXS).address(), Amount.ofUnits(100_000),
            spec.minFee(), 0));
      }
      block = draft.mine();
      encoded = block.encode();
      if (!chain.hasState(block.hash()) || block.transactions().size() != TXS
          || block.encodedLength() > spec.maxBlockSize()) {
        throw new IllegalStateException("benchmark block is not valid");
      }
      pool = Executors.newFixedThreadPool(CORES, r -> {
        Thread t = new Thread(r, "sig-verify");
        t.setDaemon(true);
        workers.add(t);
        return t;
      });
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    long now() {
      return block.header().timestampMs() + 1_000;
    }

    /** A node {@link TxVerifier} with one worker per core; its threads join {@link #workers}. */
    TxVerifier verifier() {
      return new TxVerifier(genesis, CORES, 2 * TXS, r -> {
        Thread t = new Thread(r, "cairn-verify");
        t.setDaemon(true);
        workers.add(t);
        return t;
      });
    }
  }

  /** A fresh store and engine for every invocation, at the prefix's tip. */
  @State(Scope.Thread)
  public static class Node {
    @Param({"memory", "rocksdb"})
    public String store;

    @Param({"direct", "parallel", "preverified"})
    public String sigs;

    Path dir;
    ChainStore chainStore;
    ChainEngine engine;
    /** The node's verifier (the one the node uses), fresh per invocation so nothing is cached. */
    TxVerifier verifier;
    /**
     * The block to connect: decoded afresh per invocation (outside the measurement, as a node decodes
     * on its network thread), so no transaction object remembers its txid from an earlier invocation.
     */
    Block incoming;

    @Setup(Level.Invocation)
    public void open(Fixture f) throws IOException {
      if (store.equals("rocksdb")) {
        dir = Files.createTempDirectory("cairn-bench-connect-");
        chainStore = ChainStore.open(dir, f.spec);
      } else {
        chainStore = ChainStore.inMemory(f.spec);
      }
      SignatureCheck check;
      switch (sigs) {
        case "direct" -> check = SignatureCheck.DIRECT;
        case "parallel" -> check = verifier = f.verifier();
        case "preverified" -> {
          check = verifier = f.verifier();
          verifier.verifyAll(f.block.transactions()); // as the mempool would have, before the block
        }
        default -> throw new IllegalArgumentException("sigs " + sigs);
      }
      incoming = Block.decode(f.encoded);
      engine = ChainEngine.open(chainStore, check);
      for (Block b : f.prefix) {
        if (engine.acceptBlock(b, f.now()).connected().size() != 1) {
          throw new IllegalStateException("prefix block not connected");
        }
      }
    }

    @TearDown(Level.Invocation)
    public void close() throws IOException {
      if (verifier != null) {
        verifier.close(); // its threads end here, so the next invocation's CPU reading starts clean
        verifier = null;
      }
      chainStore.close();
      if (dir != null) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> {
            try {
              Files.delete(p);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
        }
        dir = null;
      }
    }
  }

  @Benchmark
  public ImportResult connect(Fixture f, Node n) {
    ImportResult r = n.engine.acceptBlock(n.incoming, f.now());
    if (r.isRejected() || r.connected().size() != 1) {
      throw new IllegalStateException("block not connected: " + r.rejected());
    }
    return r;
  }

  /** Strict signature checks of the block's transactions, one after the other on this thread. */
  @Benchmark
  public int verifySingle(Fixture f) {
    int ok = 0;
    for (Transaction tx : f.block.transactions()) {
      ok += tx.verifySignature(f.genesis) ? 1 : 0;
    }
    return check(ok);
  }

  /** The same checks split in one chunk per core over the pool (as TxVerifier spreads them). */
  @Benchmark
  public int verifyPool(Fixture f) throws InterruptedException, ExecutionException {
    List<Transaction> txs = f.block.transactions();
    List<Future<Integer>> parts = new ArrayList<>(CORES);
    for (int c = 0; c < CORES; c++) {
      List<Transaction> part = txs.subList(txs.size() * c / CORES, txs.size() * (c + 1) / CORES);
      parts.add(f.pool.submit(() -> {
        int ok = 0;
        for (Transaction tx : part) {
          ok += tx.verifySignature(f.genesis) ? 1 : 0;
        }
        return ok;
      }));
    }
    int ok = 0;
    for (Future<Integer> p : parts) {
      ok += p.get();
    }
    return check(ok);
  }

  private static int check(int ok) {
    if (ok != TXS) {
      throw new IllegalStateException(ok + " of " + TXS + " signatures verified");
    }
    return ok;
  }
}
