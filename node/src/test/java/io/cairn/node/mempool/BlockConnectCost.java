package io.cairn.node.mempool;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.Transaction;
import io.cairn.node.state.Account;
import io.cairn.common.amount.Amount;
import java.util.ArrayList;
import java.util.List;

/**
 * A developer harness (a documented main, not a test): CPU time on this thread of the mempool's
 * share of the benchmark's W1/W2 ({@link Mempool#accept} of 20,000 transfers from distinct senders,
 * signatures taken as checked) and of W3 ({@link Mempool#onBlockConnected} for a full block of 6,450
 * of them), best of 25 rounds. Run it with the node JVM's options, from the worktree root:
 *
 * <pre>
 * mvn -B -q -o -pl node -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx112m \
 *     -cp node/target/test-classes:node/target/classes:$(cat node/target/cp.txt) \
 *     io.cairn.node.mempool.BlockConnectCost
 * </pre>
 */
public final class BlockConnectCost {
  public static void main(String[] args) {
    int n = 20_000;
    int inBlock = 6_450;
    Account rich = new Account(Amount.ofUnits(1_000_000_000L), 0);
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      txs.add(PoolFixture.tx(i + 1, 0, 100, 10));
    }
    txs.forEach(Transaction::txid);
    BlockHeader h = new BlockHeader(1, 1, Hash.ZERO, Hash.ZERO, 0, 0x207fffff, 0, PoolFixture.addr(9));
    Block block = new Block(h, txs.subList(0, inBlock));
    Account spent = new Account(Amount.ofUnits(1_000_000_000L - 110), 1);
    java.util.Set<io.cairn.common.address.Address> senders = new java.util.HashSet<>();
    block.transactions().forEach(t -> senders.add(t.sender()));
    var tm = java.lang.management.ManagementFactory.getThreadMXBean();
    double bestA = 1e9, bestB = 1e9;
    for (int r = 0; r < 25; r++) {
      MempoolConfig config = new MempoolConfig(n + 1, Long.MAX_VALUE, n + 1, 16, 3_600_000L);
      Mempool pool = new Mempool(config, PoolFixture.ACCEPT_ALL, a -> rich);
      long t0 = tm.getCurrentThreadCpuTime();
      for (Transaction tx : txs) {
        if (!pool.accept(tx, 0).accepted()) {
          throw new IllegalStateException();
        }
      }
      long t1 = tm.getCurrentThreadCpuTime();
      List<Removal> d = pool.onBlockConnected(block, a -> senders.contains(a) ? spent : rich);
      long t2 = tm.getCurrentThreadCpuTime();
      if (!d.isEmpty() || pool.size() != n - inBlock) {
        throw new IllegalStateException(d.size() + " " + pool.size());
      }
      bestA = Math.min(bestA, (t1 - t0) / 1e3 / n);
      bestB = Math.min(bestB, (t2 - t1) / 1e6);
    }
    System.out.printf("best CPU: accept %.2f us/tx, onBlockConnected %.1f ms for %d txs%n", bestA, bestB, inBlock);
  }
}
