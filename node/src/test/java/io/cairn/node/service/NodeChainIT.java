package io.cairn.node.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Background mining, and a reorganisation between two nodes that puts a transaction back in the mempool. */
class NodeChainIT {
  private static final ChainSpec SPEC = TestSpecs.easy();

  @BeforeAll
  static void logs(@TempDir Path tmp) {
    TestNodes.quietLogs(tmp);
  }

  @Test
  void backgroundMinerFollowsItsOwnTips(@TempDir Path dir) {
    NodeConfig c = TestNodes.config(dir, SPEC, List.of(), TestKey.of(43).address(), true);
    try (NodeService node = NodeService.start(c)) {
      Rpc rpc = Rpc.of(node);
      await().atMost(Duration.ofSeconds(30)).until(() -> node.head().height() >= 3);
      JsonObject status = rpc.okObject("miner_status");
      assertTrue(status.get("mining").getAsBoolean());
      assertEquals(TestKey.of(43).address().encode("tcairn"), status.get("address").getAsString());
      assertTrue(status.get("blocksMined").getAsLong() >= 3, status::toString);
      assertTrue(Long.parseLong(rpc.okObject("state_getAccount",
          Map.of("address", TestKey.of(43).address().encode("tcairn"))).get("balance").getAsString()) > 0);
    }
  }

  /** A node syncing from a server whose uploads are capped at 3,000 B/s, after the server mined {@code blocks}. */
  private static void syncFromSlowServer(Path dir, int blocks, SyncCheck check) throws Exception {
    NodeConfig slow = new NodeConfig(dir.resolve("s"), SPEC, "127.0.0.1", 0, "127.0.0.1", 0, true, List.of(), false,
        null, 1, 0, 16, 4, 3_000, "info", false);
    try (NodeService server = NodeService.start(slow); NodeService fresh = TestNodes.start(dir.resolve("f"), SPEC)) {
      Rpc rs = Rpc.of(server);
      Rpc rf = Rpc.of(fresh);
      rs.ok("miner_mine", Map.of("blocks", blocks, "address", TestKey.of(46).address().encode("tcairn")));
      String tip = rs.okObject("chain_info").get("tipHash").getAsString();
      rf.ok("net_addPeer", Map.of("address", "127.0.0.1:" + server.p2pPort()));
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
          .until(() -> rf.okObject("chain_info").get("syncing").getAsBoolean());
      check.run(rf, tip);
    }
  }

  private interface SyncCheck {
    void run(Rpc fresh, String serverTip) throws Exception;
  }

  /**
   * miner_mine asks whether the node syncs when it is called, and waits up to {@link
   * MinerControl#SYNC_WAIT} for the sync to end: a sync that outlasts that is refused with busy, and
   * mining is accepted as soon as the node has caught up (it used to read the background miner's flag,
   * refreshed every second, and refuse for up to a second after chain_info said the sync was over).
   */
  @Test
  void minerMineIsRefusedWhileALongSyncGoesOnAndAcceptedOnceCaughtUp(@TempDir Path dir) throws Exception {
    String miner = TestKey.of(47).address().encode("tcairn");
    syncFromSlowServer(dir, 120, (rf, tip) -> { // about 11 s at 3,000 B/s, against a 3 s wait
      JsonObject busy = rf.error("miner_mine", Map.of("blocks", 1, "address", miner));
      assertEquals("busy", busy.getAsJsonObject("data").get("reason").getAsString(), busy::toString);
      assertTrue(rf.okObject("chain_info").get("syncing").getAsBoolean(), "the sync outlasted the wait");

      await().atMost(Duration.ofSeconds(90)).until(() -> {
        JsonObject info = rf.okObject("chain_info");
        return tip.equals(info.get("tipHash").getAsString()) && !info.get("syncing").getAsBoolean();
      });
      JsonObject mined = rf.call("miner_mine", Map.of("blocks", 1, "address", miner));
      assertTrue(mined.has("result"), "refused right after catching up: " + mined);
    });
  }

  /**
   * A short sync (here about a second; a block a peer pushed takes milliseconds) is waited out:
   * miner_mine then mines on the tip the sync brought instead of answering busy.
   */
  @Test
  void minerMineWaitsOutAShortSyncAndMinesOnItsTip(@TempDir Path dir) throws Exception {
    syncFromSlowServer(dir, 12, (rf, tip) -> { // about 1.1 s at 3,000 B/s
      JsonObject mined = rf.okObject("miner_mine", Map.of("blocks", 1, "address", TestKey.of(48).address().encode("tcairn")));
      String hash = mined.getAsJsonArray("hashes").get(0).getAsString();
      JsonObject block = rf.okObject("chain_getBlock", Map.of("hash", hash));
      assertEquals(tip, block.get("prevHash").getAsString(), "mined on the synced tip: " + block);
      assertEquals(13, block.get("height").getAsLong());
    });
  }

  @Test
  void heavierChainFromAPeerReorganisesAndReturnsTransactionsToTheMempool(@TempDir Path dir) {
    try (NodeService a = TestNodes.start(dir.resolve("a"), SPEC);
        NodeService b = TestNodes.start(dir.resolve("b"), SPEC)) {
      Rpc ra = Rpc.of(a);
      Rpc rb = Rpc.of(b);
      Hash genesis = a.head().hash();
      Transaction tx = TestKey.of(6).transfer(genesis, TestKey.of(26).address(), Amount.ofUnits(9_000),
          Amount.ofUnits(1_000), 0);
      ra.okObject("tx_submit", Map.of("tx", Bytes.of(tx.encode()).toHex()));
      assertTrue(ra.get("/metrics").contains("cairn_signature_cache_entries 1.0"), "the mempool's transaction is cached");
      ra.ok("miner_mine", Map.of("blocks", 2, "address", TestKey.of(44).address().encode("tcairn")));
      assertTrue(ra.get("/metrics").contains("cairn_signature_cache_entries 0.0"), "mined: nothing checks it again");
      assertEquals("confirmed", ra.okObject("chain_getTransaction", Map.of("txid", tx.txid().toHex()))
          .get("status").getAsString());
      rb.ok("miner_mine", Map.of("blocks", 4, "address", TestKey.of(45).address().encode("tcairn")));
      String tipB = rb.okObject("chain_info").get("tipHash").getAsString();

      long beforeSync = System.currentTimeMillis();
      ra.okObject("net_addPeer", Map.of("address", "127.0.0.1:" + b.p2pPort()));
      await().atMost(Duration.ofSeconds(30)).until(() -> tipB.equals(ra.okObject("chain_info").get("tipHash").getAsString()));
      long since = ra.okObject("chain_info").get("tipSinceMs").getAsLong();
      assertTrue(since >= beforeSync && since <= System.currentTimeMillis(), "tip since " + since + ", sync from " + beforeSync);
      JsonObject back = ra.okObject("chain_getTransaction", Map.of("txid", tx.txid().toHex()));
      assertEquals("pending", back.get("status").getAsString(), back::toString);
      String metrics = ra.get("/metrics");
      assertTrue(metrics.contains("cairn_reorgs_total 1"), metrics);
      await().atMost(Duration.ofSeconds(20)).until(() -> rb.call("chain_getTransaction",
          Map.of("txid", tx.txid().toHex())).has("result"));
    }
  }
}
