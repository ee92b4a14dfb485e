package io.cairn.node.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.cairn.node.metrics.NodeMetrics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A batch of calls with large results stops growing its response at the limit. */
class DispatcherLimitTest {
  private final AtomicInteger runs = new AtomicInteger();
  private final RpcMethod big = new RpcMethod() {
    @Override
    public String name() {
      return "big";
    }

    @Override
    public List<String> paramNames() {
      return List.of();
    }

    @Override
    public JsonElement call(Params params) {
      runs.incrementAndGet();
      return new JsonPrimitive("x".repeat(100_000));
    }
  };
  private final Dispatcher dispatcher = new Dispatcher(List.of(big), "tcairn", 1000, 64, new NodeMetrics());

  private static String batch(int calls, boolean trailingNotification) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < calls; i++) {
      b.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(i).append(",\"method\":\"big\"}");
    }
    if (trailingNotification) {
      b.append(",{\"jsonrpc\":\"2.0\",\"method\":\"big\"}");
    }
    return b.append(']').toString();
  }

  @Test
  void callsPastTheResponseLimitAreAnsweredBusyWithoutRunning() {
    String out = dispatcher.handle(batch(999, true).getBytes(StandardCharsets.UTF_8)).orElseThrow();
    // the limit, plus the one answer that crossed it, plus a short busy error per call left
    assertTrue(out.length() < Dispatcher.MAX_BATCH_RESPONSE_CHARS + 100_100 + 999 * 300, "response of " + out.length() + " chars");
    JsonArray answers = JsonParser.parseString(out).getAsJsonArray();
    assertEquals(999, answers.size(), "every call with an id is answered; the notification is not");
    int results = 0;
    for (int i = 0; i < answers.size(); i++) {
      JsonObject a = answers.get(i).getAsJsonObject();
      assertEquals(i, a.get("id").getAsInt());
      if (a.has("result")) {
        assertEquals(i, results++, "results come first, then only busy errors");
      } else {
        assertEquals(-32002, a.getAsJsonObject("error").get("code").getAsInt());
        assertEquals("busy", a.getAsJsonObject("error").getAsJsonObject("data").get("reason").getAsString());
      }
    }
    assertTrue(results >= 160 && results <= 170, results + " calls fit in 16 MiB of 100,000-char results");
    assertEquals(results, runs.get(), "calls past the limit were not run");
  }

  @Test
  void smallBatchesAreAnsweredInFull() {
    JsonArray answers = JsonParser.parseString(dispatcher.handle(batch(3, true).getBytes(StandardCharsets.UTF_8))
        .orElseThrow()).getAsJsonArray();
    assertEquals(3, answers.size());
    answers.forEach(a -> assertTrue(a.getAsJsonObject().has("result")));
    assertEquals(4, runs.get(), "the notification ran too");
  }
}
