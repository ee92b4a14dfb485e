package io.cairn.node.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.bytes.Hex;
import io.cairn.common.model.Transaction;
import io.cairn.node.metrics.NodeMetrics;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every JSON-RPC method over real HTTP against {@link FakeNode}: results, params by name and position, errors. */
class RpcMethodsIT {
  @TempDir static Path dir;
  static FakeNode node;
  static RpcServer server;
  static RpcTestClient rpc;
  static String alice;
  static String bob;

  @BeforeAll
  static void start() throws Exception {
    node = new FakeNode();
    server = RpcServer.start(RpcTestClient.testConfig(dir), node, node, new NodeMetrics());
    rpc = new RpcTestClient(server);
    alice = FakeNode.ALICE.encode(FakeNode.PREFIX);
    bob = FakeNode.BOB.encode(FakeNode.PREFIX);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static String q(String s) {
    return "\"" + s + "\"";
  }

  @Test
  void chainInfo() throws Exception {
    JsonObject r = rpc.result("chain_info", null).getAsJsonObject();
    assertEquals("testnet", r.get("network").getAsString());
    assertEquals(FakeNode.GENESIS.toHex(), r.get("genesisHash").getAsString());
    assertEquals(1, r.get("height").getAsLong());
    assertEquals(node.block1.hash().toHex(), r.get("tipHash").getAsString());
    assertEquals("4", r.get("totalWork").getAsString());
    assertFalse(r.get("syncing").getAsBoolean());
    assertEquals(1, r.get("peers").getAsInt());
    assertEquals(1, r.get("mempoolSize").getAsInt());
    assertEquals("1000", r.get("minFee").getAsString());
    assertEquals("tcairn", r.get("addressPrefix").getAsString());
    assertEquals(2000, r.get("targetBlockTimeMs").getAsLong());
    assertTrue(r.get("dev").getAsBoolean());
    assertEquals(1_700_000_000_000L, r.get("tipSinceMs").getAsLong());
    // Empty params, as object or array, are the same call.
    assertEquals(r, rpc.result("chain_info", "{}"));
    assertEquals(r, rpc.result("chain_info", "[]"));
  }

  @Test
  void getBlockByHashHeightAndPosition() throws Exception {
    String hash = node.block1.hash().toHex();
    JsonObject byHash = rpc.result("chain_getBlock", "{\"hash\":" + q(hash) + "}").getAsJsonObject();
    assertEquals(hash, byHash.get("hash").getAsString());
    assertEquals(1, byHash.get("height").getAsLong());
    assertEquals(node.genesis.hash().toHex(), byHash.get("prevHash").getAsString());
    assertEquals("207fffff", byHash.get("bits").getAsString());
    assertEquals("18446744073709551614", byHash.get("nonce").getAsString(), "u64 nonce as an unsigned decimal string");
    assertEquals(alice, byHash.get("miner").getAsString());
    assertEquals(1, byHash.get("txCount").getAsInt());
    assertEquals(node.block1.encodedLength(), byHash.get("size").getAsInt());
    assertEquals(1, byHash.get("confirmations").getAsLong());
    assertEquals(node.tx1.txid().toHex(), byHash.getAsJsonArray("txids").get(0).getAsString());
    assertFalse(byHash.has("transactions"), "transactions only with full");

    JsonObject byHeight = rpc.result("chain_getBlock", "{\"height\":1,\"full\":true}").getAsJsonObject();
    assertEquals(hash, byHeight.get("hash").getAsString());
    JsonObject tx = byHeight.getAsJsonArray("transactions").get(0).getAsJsonObject();
    assertEquals(node.tx1.txid().toHex(), tx.get("txid").getAsString());
    assertEquals("500000000", tx.get("amount").getAsString());

    assertEquals(byHeight, rpc.result("chain_getBlock", "[1, true]"));
    assertEquals(byHash, rpc.result("chain_getBlock", "[" + q(hash) + "]"));
    assertEquals(0, rpc.result("chain_getBlock", "[0]").getAsJsonObject().get("height").getAsLong());
  }

  @Test
  void getBlockErrors() throws Exception {
    JsonObject missing = rpc.error("chain_getBlock", "{\"height\":99}");
    assertEquals(-32001, missing.get("code").getAsInt());
    assertEquals("not-found", missing.getAsJsonObject("data").get("reason").getAsString());
    assertEquals(-32602, rpc.error("chain_getBlock", "{}").get("code").getAsInt());
    assertEquals(-32602, rpc.error("chain_getBlock", "{\"hash\":\"00\",\"height\":1}").get("code").getAsInt());
    JsonObject badHash = rpc.error("chain_getBlock", "{\"hash\":\"xyz\"}");
    assertEquals(-32602, badHash.get("code").getAsInt());
    assertEquals("malformed", badHash.getAsJsonObject("data").get("reason").getAsString());
    assertEquals(-32602, rpc.error("chain_getBlock", "{\"height\":-1}").get("code").getAsInt());
    assertEquals(-32602, rpc.error("chain_getBlock", "{\"height\":1.5}").get("code").getAsInt());
    assertEquals(-32602, rpc.error("chain_getBlock", "[1, true, 3]").get("code").getAsInt());
    assertEquals(-32602, rpc.error("chain_getBlock", "{\"height\":1,\"full\":\"yes\"}").get("code").getAsInt());
  }

  @Test
  void getTransactionConfirmedPendingAndUnknown() throws Exception {
    JsonObject confirmed = rpc.result("chain_getTransaction", "{\"txid\":" + q(node.tx1.txid().toHex()) + "}")
        .getAsJsonObject();
    assertEquals("confirmed", confirmed.get("status").getAsString());
    assertEquals(node.block1.hash().toHex(), confirmed.get("blockHash").getAsString());
    assertEquals(1, confirmed.get("height").getAsLong());
    assertEquals(1, confirmed.get("confirmations").getAsLong());
    assertEquals(alice, confirmed.get("from").getAsString());
    assertEquals(bob, confirmed.get("to").getAsString());
    assertEquals("500000000", confirmed.get("amount").getAsString());
    assertEquals("1000", confirmed.get("fee").getAsString());
    assertEquals(0, confirmed.get("nonce").getAsLong());
    assertEquals(Hex.encode("rent".getBytes(java.nio.charset.StandardCharsets.UTF_8)), confirmed.get("memo").getAsString());
    assertEquals("rent", confirmed.get("memoText").getAsString());
    assertEquals(node.tx1.signature().toHex(), confirmed.get("signature").getAsString());

    JsonObject pending = rpc.result("chain_getTransaction", "[" + q(node.tx2.txid().toHex()) + "]").getAsJsonObject();
    assertEquals("pending", pending.get("status").getAsString());
    assertTrue(pending.get("blockHash").isJsonNull());
    assertTrue(pending.get("height").isJsonNull());
    assertEquals(0, pending.get("confirmations").getAsLong());

    JsonObject unknown = rpc.error("chain_getTransaction", "{\"txid\":" + q("00".repeat(32)) + "}");
    assertEquals(-32001, unknown.get("code").getAsInt());
    assertEquals("not-found", unknown.getAsJsonObject("data").get("reason").getAsString());
  }

  @Test
  void getAccountByNameAndPosition() throws Exception {
    JsonObject a = rpc.result("state_getAccount", "{\"address\":" + q(alice) + "}").getAsJsonObject();
    assertEquals(alice, a.get("address").getAsString());
    assertEquals("9500000000", a.get("balance").getAsString());
    assertEquals(1, a.get("nonce").getAsLong());
    assertEquals(2, a.get("pendingNonce").getAsLong());
    assertEquals(a, rpc.result("state_getAccount", "[" + q(alice) + "]"));
  }

  @Test
  void badAddressIsInvalidParamsWithReason() throws Exception {
    String otherNetwork = FakeNode.ALICE.encode("cairn");
    for (String bad : new String[] {otherNetwork, alice.substring(0, alice.length() - 1) + "q", "hello"}) {
      JsonObject e = rpc.error("state_getAccount", "{\"address\":" + q(bad) + "}");
      assertEquals(-32602, e.get("code").getAsInt(), bad);
      assertEquals("bad-address", e.getAsJsonObject("data").get("reason").getAsString(), bad);
    }
    assertEquals(-32602, rpc.error("state_getAccount", "{\"address\":42}").get("code").getAsInt());
    assertEquals(-32602, rpc.error("state_getAccount", "{}").get("code").getAsInt());
    assertEquals(-32602, rpc.error("state_getAccount", "{\"address\":" + q(alice) + ",\"extra\":1}").get("code").getAsInt());
  }

  @Test
  void historyPages() throws Exception {
    JsonObject page = rpc.result("state_getHistory", "{\"address\":" + q(alice) + ",\"limit\":1}").getAsJsonObject();
    JsonArray txs = page.getAsJsonArray("transactions");
    assertEquals(1, txs.size());
    JsonObject e = txs.get(0).getAsJsonObject();
    assertEquals(node.tx1.txid().toHex(), e.get("txid").getAsString());
    assertEquals("out", e.get("direction").getAsString());
    assertEquals(1, e.get("height").getAsLong());
    assertEquals(node.tx1.txid().toHex(), page.get("next").getAsString(), "a full page has a cursor");

    JsonObject bobs = rpc.result("state_getHistory", "[" + q(bob) + "]").getAsJsonObject();
    assertEquals("in", bobs.getAsJsonArray("transactions").get(0).getAsJsonObject().get("direction").getAsString());
    assertTrue(bobs.get("next").isJsonNull(), "a short page is the last");

    JsonObject rest = rpc.result("state_getHistory", "[" + q(alice) + ", 1, " + q(node.tx1.txid().toHex()) + "]")
        .getAsJsonObject();
    assertEquals(0, rest.getAsJsonArray("transactions").size());

    JsonObject unknownCursor = rpc.error("state_getHistory", "{\"address\":" + q(alice) + ",\"before\":" + q("11".repeat(32)) + "}");
    assertEquals(-32001, unknownCursor.get("code").getAsInt());
    assertEquals(-32602, rpc.error("state_getHistory", "{\"address\":" + q(alice) + ",\"limit\":0}").get("code").getAsInt());
    assertEquals(-32602, rpc.error("state_getHistory", "{\"address\":" + q(alice) + ",\"limit\":501}").get("code").getAsInt());
  }

  @Test
  void submitAcceptsAndRejects() throws Exception {
    Transaction fresh = FakeNode.transfer(2, Amount.ofUnits(777), Bytes.EMPTY);
    JsonObject ok = rpc.result("tx_submit", "{\"tx\":" + q(Hex.encode(fresh.encode())) + "}").getAsJsonObject();
    assertEquals(fresh.txid().toHex(), ok.get("txid").getAsString());
    assertTrue(node.submitted.contains(fresh));

    Transaction cheap = Transaction.unsigned(FakeNode.ALICE_KEY, FakeNode.BOB, Amount.ofUnits(1), Amount.ofUnits(1), 3,
        Bytes.EMPTY).signWith(FakeNode.ALICE_SEED, FakeNode.GENESIS);
    JsonObject low = rpc.error("tx_submit", "[" + q(Hex.encode(cheap.encode())) + "]");
    assertEquals(-32000, low.get("code").getAsInt());
    assertEquals("fee-too-low", low.getAsJsonObject("data").get("reason").getAsString());
    assertTrue(low.get("message").getAsString().startsWith("fee-too-low"));

    JsonObject dup = rpc.error("tx_submit", "[" + q(Hex.encode(node.tx1.encode())) + "]");
    assertEquals("already-known", dup.getAsJsonObject("data").get("reason").getAsString());

    byte[] truncated = java.util.Arrays.copyOf(fresh.encode(), 100);
    for (String bad : new String[] {Hex.encode(truncated), "zz", Hex.encode(fresh.encode()) + "00", "ab".repeat(5000)}) {
      JsonObject e = rpc.error("tx_submit", "{\"tx\":" + q(bad) + "}");
      assertEquals(-32602, e.get("code").getAsInt(), bad);
      assertEquals("malformed", e.getAsJsonObject("data").get("reason").getAsString());
    }
    assertFalse(node.submitted.contains(cheap));
  }

  @Test
  void mempool() throws Exception {
    JsonObject info = rpc.result("mempool_info", null).getAsJsonObject();
    assertEquals(1, info.get("size").getAsInt());
    assertEquals(node.tx2.encodedLength(), info.get("bytes").getAsLong());
    assertEquals("1000", info.get("minFee").getAsString());
    assertEquals(1_700_000_001_000L, info.get("changedMs").getAsLong());
    JsonObject content = rpc.result("mempool_content", "{\"limit\":10}").getAsJsonObject();
    assertEquals(1, content.get("size").getAsInt());
    assertEquals(node.tx2.txid().toHex(), content.getAsJsonArray("transactions").get(0).getAsJsonObject().get("txid").getAsString());
    assertEquals(-32602, rpc.error("mempool_content", "[0]").get("code").getAsInt());
  }

  @Test
  void network() throws Exception {
    JsonObject info = rpc.result("net_info", null).getAsJsonObject();
    assertEquals("ffee0011", info.get("nodeId").getAsString());
    assertEquals(1, info.get("connections").getAsInt());
    JsonObject peer = rpc.result("net_peers", null).getAsJsonArray().get(0).getAsJsonObject();
    assertEquals(FakeNode.PEER_ID, peer.get("nodeId").getAsString());
    assertEquals("outbound", peer.get("direction").getAsString());
    assertEquals(3, peer.get("pingMs").getAsLong());

    JsonObject added = rpc.result("net_addPeer", "{\"address\":\"127.0.0.1:17420\"}").getAsJsonObject();
    assertEquals("connecting", added.get("status").getAsString());
    assertTrue(node.addedPeers.contains("127.0.0.1:17420"));
    rpc.result("net_addPeer", "[\"[::1]:7420\"]");
    assertTrue(node.addedPeers.contains("[::1]:7420"));
    for (String bad : new String[] {"127.0.0.1", "host:0", "host:70000", ":7420", "a b:1"}) {
      JsonObject e = rpc.error("net_addPeer", "{\"address\":" + q(bad) + "}");
      assertEquals(-32602, e.get("code").getAsInt(), bad);
    }
    JsonObject banned = rpc.error("net_addPeer", "[\"banned.example:7420\"]");
    assertEquals(-32000, banned.get("code").getAsInt());
    assertEquals("banned", banned.getAsJsonObject("data").get("reason").getAsString());

    rpc.result("net_disconnect", "{\"nodeId\":" + q(FakeNode.PEER_ID) + "}");
    assertTrue(node.disconnected.contains(FakeNode.PEER_ID));
    assertEquals(-32001, rpc.error("net_disconnect", "[\"0000\"]").get("code").getAsInt());
    assertEquals(-32602, rpc.error("net_disconnect", "[\"not hex\"]").get("code").getAsInt());

    String id = "ab".repeat(32);
    JsonObject blocked = rpc.result("net_setBlocked", "{\"nodeIds\":[" + q(id) + "]}").getAsJsonObject();
    assertEquals(id, blocked.getAsJsonArray("blocked").get(0).getAsString());
    rpc.result("net_setBlocked", "[[]]");
    assertEquals(List.of(List.of(id), List.of()), node.blockedCalls);
    assertEquals(-32602, rpc.error("net_setBlocked", "{\"nodeIds\":[\"xyz\"]}").get("code").getAsInt());
    assertEquals(-32602, rpc.error("net_setBlocked", "{\"nodeIds\":\"ab\"}").get("code").getAsInt());
  }

  @Test
  void miner() throws Exception {
    JsonObject status = rpc.result("miner_status", null).getAsJsonObject();
    assertTrue(status.get("mining").getAsBoolean());
    assertEquals(alice, status.get("address").getAsString());
    assertEquals(7, status.get("blocksMined").getAsLong());

    JsonObject mined = rpc.result("miner_mine", "{\"blocks\":2,\"address\":" + q(bob) + "}").getAsJsonObject();
    JsonArray hashes = mined.getAsJsonArray("hashes");
    assertEquals(2, hashes.size());
    assertEquals(64, hashes.get(0).getAsString().length());
    assertEquals("[1700000000000,1700000000001]", mined.getAsJsonArray("foundMs").toString());
    assertEquals(1, rpc.result("miner_mine", "[1]").getAsJsonObject().getAsJsonArray("hashes").size());
    assertEquals(-32602, rpc.error("miner_mine", "[0]").get("code").getAsInt());
    assertEquals(-32602, rpc.error("miner_mine", "[1001]").get("code").getAsInt());
  }

  @Test
  void minerMineRefusedOffDevNetworks() throws Exception {
    node.dev = false;
    try {
      JsonObject e = rpc.error("miner_mine", "[1]");
      assertEquals(-32004, e.get("code").getAsInt());
      assertEquals("not-allowed", e.getAsJsonObject("data").get("reason").getAsString());
    } finally {
      node.dev = true;
    }
  }

  @Test
  void nodeVersion() throws Exception {
    JsonObject v = rpc.result("node_version", null).getAsJsonObject();
    assertEquals("0.1.0-SNAPSHOT", v.get("version").getAsString());
    assertEquals(1, v.get("protocolVersion").getAsInt());
    assertEquals("cairn/0.1.0", v.get("userAgent").getAsString());
  }
}
