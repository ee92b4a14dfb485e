package io.cairn.node.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.mempool.MempoolConfig;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON-RPC batch of tx_submit calls against a real node: it is admitted as one list, in order,
 * and every call gets the answer a single call would get, under its own id.
 */
class TxBatchIT {
  private static final ChainSpec SPEC = TestSpecs.easy();
  private static final Amount FEE = Amount.ofUnits(2_000);

  @Test
  void hundredCallsGetTheirOwnAnswersInOrderAndOneSendersNoncesAllPend(@TempDir Path dir) {
    TestNodes.quietLogs(dir);
    try (NodeService node = TestNodes.start(dir.resolve("n"), SPEC)) {
      Rpc rpc = Rpc.of(node);
      Hash genesis = node.head().hash();
      int perSender = MempoolConfig.DEFAULT.maxPerSender();
      JsonArray calls = new JsonArray();
      String[] expected = new String[100]; // a txid, or the error's reason code ("-32602" for bad params)
      long nonce6 = 0;
      for (int i = 0; i < 100; i++) {
        String hex;
        if (i <= perSender) { // one sender's consecutive nonces, the last one past the per-sender limit
          Transaction tx = transfer(5, genesis, i);
          hex = hex(tx);
          expected[i] = i < perSender ? tx.txid().toHex() : "sender-limit";
        } else if (i % 3 == 0) {
          hex = "00ff";
          expected[i] = "-32602";
        } else if (i % 3 == 1) {
          Transaction ok = transfer(7, genesis, 0);
          Transaction forged = new Transaction(ok.version(), ok.from(), ok.to(), Amount.ofUnits(i), ok.fee(),
              ok.nonce(), ok.memo(), ok.signature());
          hex = hex(forged);
          expected[i] = "bad-signature";
        } else {
          Transaction tx = transfer(6, genesis, nonce6++);
          hex = hex(tx);
          expected[i] = tx.txid().toHex();
        }
        JsonObject call = new JsonObject();
        call.addProperty("jsonrpc", "2.0");
        call.addProperty("id", "call-" + i);
        call.addProperty("method", "tx_submit");
        JsonObject params = new JsonObject();
        params.addProperty("tx", hex);
        call.add("params", params);
        calls.add(call);
      }

      JsonArray responses = rpc.batch(calls);

      assertEquals(100, responses.size());
      for (int i = 0; i < 100; i++) {
        JsonObject r = responses.get(i).getAsJsonObject();
        assertEquals("call-" + i, r.get("id").getAsString());
        if (r.has("result")) {
          assertEquals(expected[i], r.getAsJsonObject("result").get("txid").getAsString(), "call " + i);
        } else {
          JsonObject error = r.getAsJsonObject("error");
          String got = error.get("code").getAsInt() == -32602 ? "-32602" : error.getAsJsonObject("data").get("reason").getAsString();
          assertEquals(expected[i], got, "call " + i + ": " + error);
        }
      }
      // all of sender 5's transactions are pending (minable now), none queued behind a gap
      JsonObject sender = rpc.okObject("state_getAccount", Map.of("address", TestKey.of(5).address().encode(SPEC.addressPrefix())));
      assertEquals(0, sender.get("nonce").getAsLong());
      assertEquals(perSender, sender.get("pendingNonce").getAsLong());
      assertTrue(nonce6 > 0);
      assertEquals(perSender + nonce6, rpc.okObject("mempool_info").get("size").getAsLong());
    }
  }

  private static Transaction transfer(int from, Hash genesis, long nonce) {
    return TestKey.of(from).transfer(genesis, TestKey.of(from + 20).address(), Amount.ofUnits(1_000 + nonce), FEE, nonce);
  }

  private static String hex(Transaction tx) {
    return Bytes.of(tx.encode()).toHex();
  }
}
