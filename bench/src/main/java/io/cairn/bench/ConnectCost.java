package io.cairn.bench;

import io.cairn.common.crypto.Hash;
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
      cost("  Transaction.txid (one SHA-256 of 155 bytes)", rounds, n, () -> {
        for (Transaction tx : txs) {
          tx.txid();
        }
        return null;
      });
      cost("  Merkle.root of the txids", rounds, n, () -> Merkle.root(txids));
      cost("  BlockRules.checkBody (size, txids, Merkle root, duplicates)", rounds, n,
          () -> BlockRules.checkBody(block, f.spec));
      cost("  Block.decode (the engine reloads the body it stored)", rounds, n, () -> Block.decode(encoded));
      cost("  BlockRules.checkSignatures with an always-true check (txid lookups excluded)", rounds, n,
          () -> BlockRules.checkSignatures(txs, f.genesis, (tx, g) -> true));
      ChainStore state = freshMemoryStateAtPrefix(f);
      cost("  StateTransition.apply on the in-memory store", rounds, n,
          () -> StateTransition.apply(state, block, f.spec));
      state.close();
      double mem = connectCost("connect, in-memory store, pre-verified (all serial)", f, "memory", rounds, n);
      double rocks = connectCost("connect, RocksDB store, pre-verified (all serial)", f, "rocksdb", rounds, n);
      int c = BlockConnectBench.CORES;
      for (double[] s : new double[][] {{mem, 0}, {rocks, 1}}) {
        double ratio = (verify / c) / (s[0] + verify / c);
        System.out.printf("implied all-cores ratio on an idle machine (%s): %.1f%% of verify x %d cores%n",
            s[1] == 0 ? "memory" : "rocksdb, CPU only", 100 * ratio, c);
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

  private static double connectCost(String what, BlockConnectBench.Fixture f, String store, int rounds, int n)
      throws Exception {
    long[] cpu = new long[rounds];
    long[] wall = new long[rounds];
    for (int r = -rounds; r < rounds; r++) {
      BlockConnectBench.Node node = new BlockConnectBench.Node();
      node.store = store;
      node.sigs = "preverified";
      node.open(f);
      long w0 = System.nanoTime();
      long c0 = MX.getCurrentThreadCpuTime();
      new BlockConnectBench().connect(f, node);
      long c1 = MX.getCurrentThreadCpuTime();
      long w1 = System.nanoTime();
      node.close();
      if (r >= 0) {
        cpu[r] = c1 - c0;
        wall[r] = w1 - w0;
      }
    }
    double c = median(cpu) / n;
    System.out.printf("%-80s %8.0f   (wall %8.0f)%n", what, c, median(wall) / n);
    return c;
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
