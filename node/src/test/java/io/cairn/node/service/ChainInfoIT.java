package io.cairn.node.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chain_info} is one snapshot: a reader polling it while a block of many transactions is
 * connected never sees the new tip with the previous tip's {@code tipSinceMs}, nor with the block's
 * transactions still counted in the mempool (before, the engine's head was read on its own, a few
 * milliseconds before the node recorded the tip's time and updated its mempool).
 */
class ChainInfoIT {
  private static final int PER_BLOCK = 1_500;
  private static final int ROUNDS = 3;

  @Test
  void aNewTipComesWithItsOwnTimeAndItsTransactionsOutOfTheMempool(@TempDir Path dir) throws Exception {
    TestNodes.quietLogs(dir);
    ChainSpec spec = TestSpecs.withAllocations(PER_BLOCK * ROUNDS + 1, Amount.ofUnits(1_000_000));
    try (NodeService node = TestNodes.start(dir.resolve("n"), spec)) {
      Rpc rpc = Rpc.of(node);
      Rpc poller = Rpc.of(node); // its own connection: polls while the other waits for miner_mine
      Hash genesis = node.head().hash();
      String miner = TestKey.of(PER_BLOCK * ROUNDS + 7).address().encode(spec.addressPrefix());
      for (int round = 0; round < ROUNDS; round++) {
        for (int from = round * PER_BLOCK; from < (round + 1) * PER_BLOCK; from += 100) {
          rpc.submitTransfers(genesis, from, 100);
        }
        assertEquals(PER_BLOCK, rpc.okObject("mempool_info").get("size").getAsLong());
        long height = rpc.okObject("chain_info").get("height").getAsLong();

        AtomicBoolean mined = new AtomicBoolean();
        CompletableFuture<List<JsonObject>> polled = CompletableFuture.supplyAsync(() -> {
          List<JsonObject> seen = new ArrayList<>();
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
          int afterMined = 0;
          while (afterMined < 20 && System.nanoTime() < deadline) { // a few more polls once mining returned
            JsonObject info = poller.okObject("chain_info");
            if (info.get("height").getAsLong() > height) {
              seen.add(info);
            }
            afterMined += mined.get() ? 1 : 0;
          }
          return seen;
        });
        JsonObject m = rpc.okObject("miner_mine", Map.of("blocks", 1, "address", miner));
        mined.set(true);
        String hash = m.getAsJsonArray("hashes").get(0).getAsString();
        long foundMs = m.getAsJsonArray("foundMs").get(0).getAsLong();
        List<JsonObject> seen = polled.get(90, TimeUnit.SECONDS);
        assertFalse(seen.isEmpty(), "the poller saw the new tip");
        for (JsonObject info : seen) {
          assertEquals(hash, info.get("tipHash").getAsString());
          assertEquals(0, info.get("mempoolSize").getAsLong(), "the block's transactions still pending: " + info);
          assertTrue(info.get("tipSinceMs").getAsLong() >= foundMs,
              "the new tip with an older time (found at " + foundMs + "): " + info);
        }
      }
    }
  }
}
