package io.cairn.node.rpc;

import io.cairn.common.bytes.Hex;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.node.metrics.NodeMetrics;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A developer harness (a documented main, not a test): CPU time per transaction of {@link
 * Dispatcher#handle} on the benchmark's W1 bodies ({@code tx_submit} batches of 100), the node's
 * commands answering at once: JSON parsing, hex and transaction decoding, txids and the answer. Run
 * it like {@code io.cairn.node.mempool.BlockConnectCost} (see there) with the class name
 * {@code io.cairn.node.rpc.RpcDecodeCost}.
 */
public final class RpcDecodeCost {
  public static void main(String[] args) {
    int n = 20_000;
    List<byte[]> bodies = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      Transaction tx = Transaction.unsigned(FakeNode.ALICE_KEY, FakeNode.BOB, Amount.ofUnits(1 + i), FakeNode.MIN_FEE, i,
          Bytes.EMPTY).signWith(FakeNode.ALICE_SEED, FakeNode.GENESIS);
      b.append(i % 100 == 0 ? "[" : ",");
      b.append("{\"jsonrpc\":\"2.0\",\"id\":").append(i).append(",\"method\":\"tx_submit\",\"params\":{\"tx\":\"")
          .append(Hex.encode(tx.encode())).append("\"}}");
      if (i % 100 == 99) {
        bodies.add(b.append(']').toString().getBytes(StandardCharsets.UTF_8));
        b.setLength(0);
      }
    }
    NodeCommands c = new FakeNode() {
      @Override
      public List<Outcome<Hash>> submitTransactions(List<Transaction> txs) {
        return txs.stream().map(t -> Outcome.ok(t.txid())).toList();
      }
    };
    Dispatcher d = new Dispatcher(RpcServer.methods(new FakeNode(), c, "tcairn"), "tcairn", 1000, 64, new NodeMetrics());
    var tm = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < 10; r++) {
      long c0 = tm.getCurrentThreadCpuTime();
      long len = 0;
      for (byte[] body : bodies) {
        Optional<String> out = d.handle(body);
        len += out.orElseThrow().length();
      }
      long c1 = tm.getCurrentThreadCpuTime();
      System.out.printf("%.2f us CPU per tx (%d chars out)%n", (c1 - c0) / 1e3 / n, len);
    }
  }
}
