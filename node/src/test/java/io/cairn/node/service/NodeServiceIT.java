package io.cairn.node.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every JSON-RPC method end to end against one real in-JVM node (real RocksDB, real HTTP and P2P
 * sockets on 127.0.0.1), plus a second node that syncs from it and relays to it. Tests share the
 * node, so each uses its own keys and reads heights relative to the current tip.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeServiceIT {
  private static final ChainSpec SPEC = TestSpecs.easy();
  private static final Amount FEE = Amount.ofUnits(2_000);
  private Path dir;
  private NodeService node;
  private Rpc rpc;
  private Hash genesis;
  private String prefix;

  @BeforeAll
  void start(@TempDir Path tmp) {
    dir = tmp;
    TestNodes.quietLogs(dir);
    node = TestNodes.start(dir.resolve("a"), SPEC);
    rpc = Rpc.of(node);
    genesis = hashOf(rpc.okObject("chain_info").get("genesisHash"));
    prefix = SPEC.addressPrefix();
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private static Hash hashOf(JsonElement e) {
    return Hash.parse(e.getAsString());
  }

  private String addr(int key) {
    return TestKey.of(key).address().encode(prefix);
  }

  private long height() {
    return rpc.okObject("chain_info").get("height").getAsLong();
  }

  private List<String> mine(int blocks) {
    JsonArray hashes = rpc.okObject("miner_mine", Map.of("blocks", blocks, "address", addr(40))).getAsJsonArray("hashes");
    List<String> out = new ArrayList<>();
    hashes.forEach(h -> out.add(h.getAsString()));
    return out;
  }

  private Transaction transfer(int from, int to, long units, long nonce) {
    return TestKey.of(from).transfer(genesis, TestKey.of(to).address(), Amount.ofUnits(units), FEE, nonce);
  }

  private JsonObject submit(Transaction tx) {
    return rpc.call("tx_submit", Map.of("tx", Bytes.of(tx.encode()).toHex()));
  }

  @Test
  void chainInfoBlocksAndMining() {
    JsonObject info = rpc.okObject("chain_info");
    assertEquals("unit-test", info.get("network").getAsString());
    assertEquals(genesisHex(), info.get("genesisHash").getAsString());
    long h0 = info.get("height").getAsLong();

    List<String> hashes = mine(3);
    assertEquals(3, hashes.size());
    assertEquals(h0 + 3, height());
    assertEquals(hashes.get(2), rpc.okObject("chain_info").get("tipHash").getAsString());

    JsonObject byHeight = rpc.okObject("chain_getBlock", Map.of("height", h0 + 2));
    assertEquals(hashes.get(1), byHeight.get("hash").getAsString());
    assertEquals(2, byHeight.get("confirmations").getAsLong());
    assertEquals(addr(40), byHeight.get("miner").getAsString());
    JsonObject byHash = rpc.okObject("chain_getBlock", Map.of("hash", hashes.get(2), "full", true));
    assertEquals(h0 + 3, byHash.get("height").getAsLong());
    assertEquals(1, byHash.get("confirmations").getAsLong());
    assertEquals(hashes.get(1), byHash.get("prevHash").getAsString());
    assertTrue(byHash.has("transactions"));
    assertEquals(genesisHex(), rpc.okObject("chain_getBlock", Map.of("height", 0)).get("hash").getAsString());
    assertEquals(-32001, rpc.error("chain_getBlock", Map.of("height", h0 + 1000)).get("code").getAsInt());

    JsonObject miner = rpc.okObject("miner_status");
    assertFalse(miner.get("mining").getAsBoolean());
    assertTrue(miner.get("blocksMined").getAsLong() >= 3);
    JsonObject version = rpc.okObject("node_version");
    assertEquals(2, version.get("protocolVersion").getAsInt());
    assertTrue(version.get("userAgent").getAsString().startsWith("cairn/"));
  }

  private String genesisHex() {
    return genesis.toHex();
  }

  @Test
  void transactionFromPendingToConfirmed() {
    Transaction tx = transfer(1, 21, 123_456, 0);
    String txid = tx.txid().toHex();
    assertEquals(txid, submit(tx).getAsJsonObject("result").get("txid").getAsString());

    JsonObject pending = rpc.okObject("chain_getTransaction", Map.of("txid", txid));
    assertEquals("pending", pending.get("status").getAsString());
    assertEquals(0, pending.get("confirmations").getAsLong());
    assertTrue(rpc.okObject("mempool_info").get("size").getAsInt() >= 1);
    assertTrue(rpc.okObject("mempool_content", Map.of()).toString().contains(txid));
    JsonObject sender = rpc.okObject("state_getAccount", Map.of("address", addr(1)));
    assertEquals(0, sender.get("nonce").getAsLong());
    assertEquals(1, sender.get("pendingNonce").getAsLong());

    String block = mine(1).get(0);
    JsonObject confirmed = rpc.okObject("chain_getTransaction", Map.of("txid", txid));
    assertEquals("confirmed", confirmed.get("status").getAsString());
    assertEquals(block, confirmed.get("blockHash").getAsString());
    assertEquals(1, confirmed.get("confirmations").getAsLong());
    mine(1);
    assertEquals(2, rpc.okObject("chain_getTransaction", Map.of("txid", txid)).get("confirmations").getAsLong());
    assertFalse(rpc.okObject("mempool_content", Map.of()).toString().contains(txid));
    sender = rpc.okObject("state_getAccount", Map.of("address", addr(1)));
    assertEquals(1, sender.get("nonce").getAsLong());
    assertEquals(1, sender.get("pendingNonce").getAsLong());
    assertEquals("123456", rpc.okObject("state_getAccount", Map.of("address", addr(21))).get("balance").getAsString());
  }

  /**
   * {@code mempool_info.changedMs} moves when the mempool changes (a transfer admitted, then mined),
   * not when a submission is refused: W2 of the benchmark takes its end from it.
   */
  @Test
  void mempoolInfoSaysWhenTheMempoolLastChanged() {
    mine(1); // what other tests left pending is mined first
    Transaction tx = transfer(7, 27, 5_000, 0);
    long before = System.currentTimeMillis();
    assertTrue(submit(tx).has("result"));
    long after = System.currentTimeMillis();
    long admitted = rpc.okObject("mempool_info").get("changedMs").getAsLong();
    assertTrue(before <= admitted && admitted <= after, admitted + " not within " + before + ".." + after);

    await().atMost(Duration.ofSeconds(5)).until(() -> System.currentTimeMillis() > admitted);
    assertReason(submit(tx), "already-known");
    assertEquals(admitted, rpc.okObject("mempool_info").get("changedMs").getAsLong(), "a refused transfer changes nothing");

    mine(1);
    JsonObject mined = rpc.okObject("mempool_info");
    assertEquals(0, mined.get("size").getAsInt());
    assertTrue(mined.get("changedMs").getAsLong() > admitted, "the mined transfer left the mempool");
  }

  @Test
  void refusedTransactionsCarryTheirReason() {
    Transaction ok = transfer(3, 23, 1_000, 0);
    assertTrue(submit(ok).has("result"));
    assertReason(submit(ok), "already-known");
    assertReason(submit(transfer(3, 23, 1_000, 5_000)), "nonce-gap-too-large");
    assertReason(submit(transfer(31, 23, 1_000, 0)), "insufficient-funds");
    Transaction lowFee = TestKey.of(3).transfer(genesis, TestKey.of(23).address(), Amount.ofUnits(1), Amount.ofUnits(1), 1);
    assertReason(submit(lowFee), "fee-too-low");
    Transaction forged = new Transaction(ok.version(), ok.from(), ok.to(), Amount.ofUnits(999_999), ok.fee(), 1,
        ok.memo(), ok.signature());
    assertReason(submit(forged), "bad-signature");
    mine(1);
    assertReason(submit(ok), "nonce-too-low");
    JsonObject bad = rpc.error("tx_submit", Map.of("tx", "00ff"));
    assertEquals(-32602, bad.get("code").getAsInt());

    String metrics = rpc.get("/metrics");
    assertTrue(metrics.contains("cairn_tx_rejected_total{reason=\"bad-signature\"} 1"), metrics);
    assertTrue(metrics.contains("cairn_tx_accepted_total"), metrics);
    assertTrue(metrics.contains("cairn_chain_height " + height()) || metrics.contains("cairn_chain_height " + height() + ".0"),
        metrics);
  }

  private static void assertReason(JsonObject response, String reason) {
    assertTrue(response.has("error"), () -> "expected " + reason + " but got " + response);
    JsonObject error = response.getAsJsonObject("error");
    assertEquals(-32000, error.get("code").getAsInt(), error::toString);
    assertEquals(reason, error.getAsJsonObject("data").get("reason").getAsString(), error::toString);
  }

  @Test
  void historyIsPagedNewestFirst() {
    List<String> ids = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      Transaction tx = transfer(2, 22, 10 + n, n);
      ids.add(tx.txid().toHex());
      assertTrue(submit(tx).has("result"));
    }
    mine(1);
    JsonObject page1 = rpc.okObject("state_getHistory", Map.of("address", addr(22), "limit", 2));
    JsonArray txs = page1.getAsJsonArray("transactions");
    assertEquals(2, txs.size());
    assertEquals(ids.get(2), txs.get(0).getAsJsonObject().get("txid").getAsString());
    assertEquals(ids.get(1), txs.get(1).getAsJsonObject().get("txid").getAsString());
    assertEquals("in", txs.get(0).getAsJsonObject().get("direction").getAsString());
    String next = page1.get("next").getAsString();
    JsonObject page2 = rpc.okObject("state_getHistory", Map.of("address", addr(22), "limit", 2, "before", next));
    assertEquals(1, page2.getAsJsonArray("transactions").size());
    assertEquals(ids.get(0), page2.getAsJsonArray("transactions").get(0).getAsJsonObject().get("txid").getAsString());
    assertTrue(page2.get("next").isJsonNull());
    assertEquals(-32001, rpc.error("state_getHistory",
        Map.of("address", addr(22), "before", Hash.ZERO.toHex())).get("code").getAsInt());
  }

  @Test
  void secondNodeSyncsRelaysAndIsListedAsPeer() {
    mine(2);
    NodeService b = NodeService.start(TestNodes.config(dir.resolve("b"), SPEC,
        List.of("127.0.0.1:" + node.p2pPort()), null, false));
    try {
      Rpc rb = Rpc.of(b);
      await().atMost(Duration.ofSeconds(30)).until(() -> rb.okObject("chain_info").get("height").getAsLong() >= height());
      await().atMost(Duration.ofSeconds(10)).until(() -> rpc.ok("net_peers", Map.of()).getAsJsonArray().size() == 1);
      JsonObject peer = rpc.ok("net_peers", Map.of()).getAsJsonArray().get(0).getAsJsonObject();
      assertEquals(b.nodeId(), peer.get("nodeId").getAsString());
      assertEquals("inbound", peer.get("direction").getAsString());
      JsonObject netA = rpc.okObject("net_info");
      assertEquals(node.nodeId(), netA.get("nodeId").getAsString());
      assertEquals(1, netA.get("connections").getAsInt());
      assertTrue(rb.okObject("net_info").get("knownAddresses").getAsInt() >= 1);

      String mined = mine(1).get(0);
      await().atMost(Duration.ofSeconds(20)).until(() -> mined.equals(rb.okObject("chain_info").get("tipHash").getAsString()));

      Transaction tx = transfer(4, 24, 777, 0);
      Map<String, String> p = new HashMap<>();
      p.put("tx", Bytes.of(tx.encode()).toHex());
      assertEquals(tx.txid().toHex(), rb.okObject("tx_submit", p).get("txid").getAsString());
      await().atMost(Duration.ofSeconds(20)).until(() -> rpc.call("chain_getTransaction",
          Map.of("txid", tx.txid().toHex())).has("result"));

      assertEquals(-32001, rpc.error("net_disconnect", Map.of("nodeId", "ab".repeat(32))).get("code").getAsInt());
      assertEquals(-32602, rpc.error("net_addPeer", Map.of("address", "no-port")).get("code").getAsInt());
      assertEquals("connecting", rpc.okObject("net_addPeer", Map.of("address", "127.0.0.1:" + b.p2pPort()))
          .get("status").getAsString());
      JsonObject dropped = rpc.okObject("net_disconnect", Map.of("nodeId", b.nodeId()));
      assertTrue(dropped.get("disconnected").getAsBoolean());

      // A partition: A refuses B until healed, so a block mined on A stays on A.
      rpc.okObject("net_setBlocked", Map.of("nodeIds", java.util.List.of(b.nodeId())));
      await().atMost(Duration.ofSeconds(10)).until(() -> rpc.ok("net_peers", Map.of()).getAsJsonArray().isEmpty());
      String isolated = mine(1).get(0);
      assertNotEquals(isolated, rb.okObject("chain_info").get("tipHash").getAsString());
      assertEquals(-32602, rpc.error("net_setBlocked", Map.of("nodeIds", java.util.List.of("zz"))).get("code").getAsInt());
      rpc.okObject("net_setBlocked", Map.of("nodeIds", java.util.List.of()));
      rpc.okObject("net_addPeer", Map.of("address", "127.0.0.1:" + b.p2pPort()));
      await().atMost(Duration.ofSeconds(20)).until(() -> isolated.equals(rb.okObject("chain_info").get("tipHash").getAsString()));
    } finally {
      b.close();
    }
    assertNotEquals(0, height());
  }
}
