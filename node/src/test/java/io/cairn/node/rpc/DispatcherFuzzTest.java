package io.cairn.node.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.node.metrics.NodeMetrics;
import java.util.Optional;

/**
 * Fuzz target for the JSON-RPC request path ({@link JsonGate} then {@link Dispatcher}) with the
 * server's real method table over {@link FakeNode}: any request body yields either nothing (only
 * notifications) or a well-formed JSON-RPC 2.0 response (or a non-empty batch of them). Any
 * exception, StackOverflowError, OutOfMemoryError or an internal error (-32603, which means a
 * method threw) is a finding.
 */
class DispatcherFuzzTest {
  private static final FakeNode NODE = new FakeNode();
  private static final Dispatcher DISPATCHER = new Dispatcher(
      RpcServer.methods(NODE, NODE, FakeNode.PREFIX), FakeNode.PREFIX, 1_000, 64, new NodeMetrics());

  @FuzzTest(maxDuration = "5m")
  void request(byte[] body) {
    Optional<String> out = DISPATCHER.handle(body);
    NODE.submitted.clear();
    NODE.addedPeers.clear();
    NODE.disconnected.clear();
    if (out.isEmpty()) {
      return;
    }
    JsonElement response = JsonParser.parseString(out.get());
    if (response.isJsonArray()) {
      assertFalse(response.getAsJsonArray().isEmpty(), "an empty batch response must be no response");
      response.getAsJsonArray().forEach(DispatcherFuzzTest::checkResponse);
    } else {
      checkResponse(response);
    }
  }

  private static void checkResponse(JsonElement e) {
    assertTrue(e.isJsonObject(), "a response is an object: " + e);
    JsonObject r = e.getAsJsonObject();
    assertEquals("2.0", r.get("jsonrpc").getAsString());
    assertTrue(r.has("id"), "a response carries the id: " + r);
    JsonElement id = r.get("id");
    assertTrue(id.isJsonNull() || id.isJsonPrimitive() && !id.getAsJsonPrimitive().isBoolean(), "id: " + id);
    if (r.has("result") == r.has("error")) {
      fail("exactly one of result and error: " + r);
    }
    assertEquals(3, r.size(), "jsonrpc, id and result or error only: " + r);
    if (r.has("error")) {
      JsonObject error = r.getAsJsonObject("error");
      int code = error.get("code").getAsInt();
      assertNotEquals(RpcErrors.INTERNAL_ERROR, code, "a method threw: " + r);
      assertTrue(error.get("message").getAsJsonPrimitive().isString());
    }
  }
}
