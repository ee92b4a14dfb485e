package io.cairn.node.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.bytes.Hex;
import io.cairn.common.model.Transaction;
import io.cairn.node.metrics.NodeMetrics;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON-RPC 2.0 semantics over real HTTP: batches, notifications, ids, the standard errors, hostile JSON. */
class RpcProtocolIT {
  @TempDir static Path dir;
  static FakeNode node;
  static RpcServer server;
  static RpcTestClient rpc;

  @BeforeAll
  static void start() throws Exception {
    node = new FakeNode();
    server = RpcServer.start(RpcTestClient.testConfig(dir), node, node, new NodeMetrics());
    rpc = new RpcTestClient(server);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static JsonElement body(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return JsonParser.parseString(r.body());
  }

  static JsonObject single(String request) throws Exception {
    return body(rpc.post(request)).getAsJsonObject();
  }

  static void assertError(JsonObject response, int code, JsonElement id) {
    assertEquals("2.0", response.get("jsonrpc").getAsString());
    assertFalse(response.has("result"), response.toString());
    assertEquals(code, response.getAsJsonObject("error").get("code").getAsInt(), response.toString());
    assertEquals(id, response.get("id"), response.toString());
  }

  @Test
  void idIsEchoedAsGiven() throws Exception {
    JsonObject s = single("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"node_version\"}");
    assertEquals("abc", s.get("id").getAsString());
    assertTrue(s.has("result"));
    JsonObject n = single("{\"jsonrpc\":\"2.0\",\"id\":12345678901,\"method\":\"node_version\"}");
    assertEquals(12345678901L, n.get("id").getAsLong());
    JsonObject nul = single("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"node_version\"}");
    assertTrue(nul.get("id").isJsonNull());
    assertTrue(nul.has("result"), "id null is a call, not a notification");
  }

  @Test
  void batchAnswersEveryCallButNotifications() throws Exception {
    Transaction fresh = FakeNode.transfer(40, Amount.ofUnits(5), Bytes.EMPTY);
    String batch = "["
        + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain_info\"},"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"tx_submit\",\"params\":[\"" + Hex.encode(fresh.encode()) + "\"]},"
        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"no_such_method\"},"
        + "1,"
        + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"state_getAccount\",\"params\":{\"address\":\"nope\"}}"
        + "]";
    JsonArray responses = body(rpc.post(batch)).getAsJsonArray();
    assertEquals(4, responses.size(), responses.toString());
    Map<String, JsonObject> byId = new HashMap<>();
    for (JsonElement e : responses) {
      byId.put(e.getAsJsonObject().get("id").toString(), e.getAsJsonObject());
    }
    assertTrue(byId.get("1").has("result"));
    assertError(byId.get("2"), -32601, JsonParser.parseString("2"));
    assertError(byId.get("null"), -32600, JsonParser.parseString("null"));
    assertError(byId.get("3"), -32602, JsonParser.parseString("3"));
    assertTrue(node.submitted.contains(fresh), "the notification was executed");
  }

  @Test
  void consecutiveTxSubmitsReachTheNodeTogetherAndAreAnsweredInOrder() throws Exception {
    Transaction a = FakeNode.transfer(60, Amount.ofUnits(5), Bytes.EMPTY);
    Transaction b = FakeNode.transfer(61, Amount.ofUnits(5), Bytes.EMPTY);
    Transaction cheap = FakeNode.transfer(62, Amount.ofUnits(5), Bytes.EMPTY);
    cheap = new Transaction(cheap.version(), cheap.from(), cheap.to(), cheap.amount(), Amount.ofUnits(1),
        cheap.nonce(), cheap.memo(), cheap.signature()); // fee below FakeNode's minimum
    Transaction d = FakeNode.transfer(63, Amount.ofUnits(5), Bytes.EMPTY);
    Transaction e = FakeNode.transfer(64, Amount.ofUnits(5), Bytes.EMPTY);
    String batch = "[" + submit("\"a\"", a) + "," + submit("2", b) + ",{\"jsonrpc\":\"2.0\",\"id\":3,"
        + "\"method\":\"tx_submit\",\"params\":[\"00ff\"]}," + submit("4", cheap) + ","
        + "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"chain_info\"}," + submit(null, d) + "," + submit("7", e) + "]";
    node.submissions.clear();
    JsonArray responses = body(rpc.post(batch)).getAsJsonArray();
    assertEquals(6, responses.size(), responses.toString());
    assertEquals(a.txid().toHex(), responses.get(0).getAsJsonObject().getAsJsonObject("result").get("txid").getAsString());
    assertEquals("a", responses.get(0).getAsJsonObject().get("id").getAsString());
    assertEquals(b.txid().toHex(), responses.get(1).getAsJsonObject().getAsJsonObject("result").get("txid").getAsString());
    assertError(responses.get(2).getAsJsonObject(), -32602, JsonParser.parseString("3"));
    assertError(responses.get(3).getAsJsonObject(), -32000, JsonParser.parseString("4"));
    assertEquals("fee-too-low", responses.get(3).getAsJsonObject().getAsJsonObject("error").getAsJsonObject("data")
        .get("reason").getAsString());
    assertTrue(responses.get(4).getAsJsonObject().has("result"));
    assertEquals(5, responses.get(4).getAsJsonObject().get("id").getAsInt());
    assertEquals(e.txid().toHex(), responses.get(5).getAsJsonObject().getAsJsonObject("result").get("txid").getAsString());
    assertEquals(java.util.List.of(3, 2), node.submissions, "the runs before and after chain_info, malformed call excluded");
    assertTrue(node.submitted.contains(d), "the notification was executed");
  }

  private static String submit(String id, Transaction tx) {
    return "{\"jsonrpc\":\"2.0\"," + (id == null ? "" : "\"id\":" + id + ",")
        + "\"method\":\"tx_submit\",\"params\":{\"tx\":\"" + Hex.encode(tx.encode()) + "\"}}";
  }

  @Test
  void notificationsGetNoContent() throws Exception {
    Transaction a = FakeNode.transfer(50, Amount.ofUnits(5), Bytes.EMPTY);
    Transaction b = FakeNode.transfer(51, Amount.ofUnits(5), Bytes.EMPTY);
    HttpResponse<String> one = rpc.post("{\"jsonrpc\":\"2.0\",\"method\":\"tx_submit\",\"params\":{\"tx\":\""
        + Hex.encode(a.encode()) + "\"}}");
    assertEquals(204, one.statusCode());
    assertEquals("", one.body());
    HttpResponse<String> batch = rpc.post("[{\"jsonrpc\":\"2.0\",\"method\":\"tx_submit\",\"params\":[\""
        + Hex.encode(b.encode()) + "\"]},{\"jsonrpc\":\"2.0\",\"method\":\"no_such_method\"}]");
    assertEquals(204, batch.statusCode());
    assertEquals("", batch.body());
    assertTrue(node.submitted.contains(a) && node.submitted.contains(b));
  }

  @Test
  void emptyAndOversizedBatchesAreInvalid() throws Exception {
    assertError(single("[]"), -32600, JsonParser.parseString("null"));
    StringBuilder big = new StringBuilder("[");
    for (int i = 0; i <= 1000; i++) {
      big.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(i).append(",\"method\":\"node_version\"}");
    }
    JsonObject r = single(big.append("]").toString());
    assertError(r, -32600, JsonParser.parseString("null"));
    assertTrue(r.getAsJsonObject("error").get("message").getAsString().contains("1000"));
  }

  @Test
  void invalidRequests() throws Exception {
    JsonElement nul = JsonParser.parseString("null");
    JsonElement one = JsonParser.parseString("1");
    assertError(single("42"), -32600, nul);
    assertError(single("\"chain_info\""), -32600, nul);
    assertError(single("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"chain_info\"}"), -32600, one);
    assertError(single("{\"id\":1,\"method\":\"chain_info\"}"), -32600, one);
    assertError(single("{\"jsonrpc\":2.0,\"id\":1,\"method\":\"chain_info\"}"), -32600, one);
    assertError(single("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}"), -32600, one);
    assertError(single("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain_info\",\"params\":\"x\"}"), -32600, one);
    assertError(single("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"chain_info\"}"), -32600, nul);
    assertError(single("{\"jsonrpc\":\"2.0\",\"method\":7}"), -32600, nul);
    JsonArray two = body(rpc.post("[1,2]")).getAsJsonArray();
    assertEquals(2, two.size());
    assertError(two.get(0).getAsJsonObject(), -32600, nul);
  }

  @Test
  void methodNotFound() throws Exception {
    JsonObject r = single("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_blockNumber\"}");
    assertError(r, -32601, JsonParser.parseString("7"));
    assertTrue(r.getAsJsonObject("error").get("message").getAsString().contains("eth_blockNumber"));
  }

  @Test
  void parseErrors() throws Exception {
    JsonElement nul = JsonParser.parseString("null");
    for (String bad : new String[] {"{not json", "", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain_info\"} x",
        "{'jsonrpc':'2.0'}", "[1,]", "{\"a\":NaN}"}) {
      assertError(single(bad), -32700, nul);
    }
    HttpResponse<String> notUtf8 = rpc.post(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'"', (byte) 0xff, '"'}),
        rpc.bearer());
    assertError(body(notUtf8).getAsJsonObject(), -32700, nul);
  }

  @Test
  void deeplyNestedJsonIsRefusedWithoutStackOverflow() throws Exception {
    int depth = 200_000;
    String deep = "[".repeat(depth) + "]".repeat(depth);
    JsonObject r = single(deep);
    assertError(r, -32600, JsonParser.parseString("null"));
    assertTrue(r.getAsJsonObject("error").get("message").getAsString().contains("nested deeper than 64"));
    String deepParams = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain_info\",\"params\":{\"a\":"
        + "{\"b\":".repeat(100) + "1" + "}".repeat(100) + "}}";
    assertError(single(deepParams), -32600, JsonParser.parseString("null"));
    assertError(single("{\"a\":" + "[".repeat(depth)), -32600, JsonParser.parseString("null"));
    assertTrue(rpc.result("node_version", null).isJsonObject(), "the server still serves");
  }

  @Test
  void internalErrorsHideTheirDetail() throws Exception {
    node.flags.put("failNetInfo", true);
    try {
      JsonObject r = single("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"net_info\"}");
      assertError(r, -32603, JsonParser.parseString("1"));
      assertFalse(r.toString().contains("secret"), "no exception text for the client: " + r);
      assertFalse(r.toString().contains("at io.cairn"), "no stack trace: " + r);
    } finally {
      node.flags.remove("failNetInfo");
    }
    assertTrue(rpc.result("net_info", null).isJsonObject());
  }
}
