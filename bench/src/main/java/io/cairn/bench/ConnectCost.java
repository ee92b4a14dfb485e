package io.cairn.bench;

import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Sha256;
import io.cairn.common.model.Block;
import io.cairn.common.model.Merkle;
import io.cairn.common.model.Transaction;
import io.cairn.node.consensus.BlockRules;
import io.cairn.node.state.StateTransition;
import io.cairn.node.store.ChainStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a block connect's time goes, in CPU time of the calling thread (so the figures hold on a
 * loaded, shared machine where JMH's wall-clock scores swing): the block connect of {@link
 * BlockConnectBench} with pre-verified signatures (everything but the signature checks, all serial),
 * the raw single-thread verification, and the serial steps of the connect path one by one. Prints
 * the median over the rounds of CPU nanoseconds per transaction, then the all-cores ratio these imply
 * on an idle machine: {@code (verify / cores) / (serial + verify / cores)}.
 *
 * <p>For the parallel connect it also reads the pool threads' CPU time: with the signature checks
 * done on the pool while the calling thread waits, an idle machine would take (this thread's CPU +
 * the pool's CPU / cores), which gives the ratio the goal asks about without the load of others.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.cairn.bench.ConnectCost [rounds]
 * </pre>
 */
public final class ConnectCost {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  private ConnectCost() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    BlockConnectBench.Fixture f = new BlockConnectBench.Fixture();
    f.build();
    try {
      Block block = f.block;
      List<Transaction> txs = block.transactions();
      List<Hash> txids = block.txids();
      byte[] encoded = block.encode();
      int n = txs.size();
      System.out.printf("block: %d txs, %d bytes; cores %d; CPU ns per tx, median of %d rounds (after %d warm-up)%n",
          n, encoded.length, BlockConnectBench.CORES, rounds, rounds);
      double verify = cost("verify (single thread, Transaction.verifySignature)", rounds, n, () -> {
        int ok = 0;
        for (Transaction tx : txs) {
          ok += tx.verifySignature(f.genesis) ? 1 : 0;
        }
        return ok;
      });
      cost("  txid computed (encode + SHA-256 of 155 bytes; Transaction.txid remembers it)", rounds, n, () -> {
        for (Transaction tx : txs) {
          Sha256.hash(tx.encode());
        }
        return null;
      });
      cost("  Merkle.root of the txids", rounds, n, () -> Merkle.root(txids));
      cost("  BlockRules.checkBody (size, Merkle root, duplicates; txids remembered)", rounds, n,
          () -> BlockRules.checkBody(block, f.spec));
      cost("  Block.decode (on the network thread, not the connect path)", rounds, n, () -> Block.decode(encoded));
      cost("  BlockRules.checkSignatures with an always-true check (txid lookups excluded)", rounds, n,
          () -> BlockRules.checkSignatures(txs, f.genesis, (tx, g) -> true));
      ChainStore state = freshMemoryStateAtPrefix(f);
      cost("  StateTransition.apply on the in-memory store", rounds, n,
          () -> StateTransition.apply(state, block, f.spec));
      state.close();
      int c = BlockConnectBench.CORES;
      for (String store : new String[] {"memory", "rocksdb"}) {
        double serial = connectCost("connect, " + store + ", pre-verified (all serial)", f, store, "preverified", rounds, n)[0];
        double[] par = connectCost("connect, " + store + ", parallel: this thread | the pool's threads", f, store,
            "parallel", rounds, n);
        System.out.printf("  idle-machine ratio, %s (CPU only: the critical path, no fsync wait):%n", store);
        System.out.printf("    pre-verified serial part + verify / cores:   %5.1f%% of verify x %d cores%n",
            100 * (verify / c) / (serial + verify / c), c);
        System.out.printf("    parallel: this thread + pool CPU / cores:    %5.1f%% of verify x %d cores%n",
            100 * (verify / c) / (par[0] + par[1] / c), c);
      }
    } finally {
      f.stop();
    }
  }

  private static ChainStore freshMemoryStateAtPrefix(BlockConnectBench.Fixture f) throws Exception {
    BlockConnectBench.Node node = new BlockConnectBench.Node();
    node.store = "memory";
    node.sigs = "direct";
    node.open(f);
    return node.engine.store();
  }

  /** Median CPU ns per tx of the calling thread and of the pool's threads, over fresh stores. */
  private static double[] connectCost(String what, BlockConnectBench.Fixture f, String store, String sigs,
      int rounds, int n) throws Exception {
    long[] cpu = new long[rounds];
    long[] pool = new long[rounds];
    long[] wall = new long[rounds];
    for (int r = -rounds; r < rounds; r++) {
      BlockConnectBench.Node node = new BlockConnectBench.Node();
      node.store = store;
      node.sigs = sigs;
      node.open(f);
      long p0 = poolCpu(f);
      long w0 = System.nanoTime();
      long c0 = MX.getCurrentThreadCpuTime();
      new BlockConnectBench().connect(f, node);
      long c1 = MX.getCurrentThreadCpuTime();
      long w1 = System.nanoTime();
      long p1 = poolCpu(f);
      node.close();
      if (r >= 0) {
        cpu[r] = c1 - c0;
        pool[r] = p1 - p0;
        wall[r] = w1 - w0;
      }
    }
    double c = median(cpu) / n;
    double p = median(pool) / n;
    System.out.printf("%-80s %8.0f | %6.0f   (wall %6.0f)%n", what, c, p, median(wall) / n);
    return new double[] {c, p};
  }

  private static long poolCpu(BlockConnectBench.Fixture f) {
    long sum = 0;
    for (Thread t : f.workers) {
      long ns = MX.getThreadCpuTime(t.getId());
      sum += Math.max(0, ns); // -1 for a thread that has ended (an earlier round's verifier)
    }
    return sum;
  }

  private static double cost(String what, int rounds, int n, Supplier<Object> task) {
    long[] cpu = new long[rounds];
    Object sink = null;
    for (int r = -rounds; r < rounds; r++) {
      long c0 = MX.getCurrentThreadCpuTime();
      sink = task.get();
      long c1 = MX.getCurrentThreadCpuTime();
      if (r >= 0) {
        cpu[r] = c1 - c0;
      }
    }
    double c = median(cpu) / n;
    System.out.printf("%-80s %8.0f%s%n", what, c, sink == null ? " (no result)" : "");
    return c;
  }

  private static double median(long[] xs) {
    long[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
  }
}
