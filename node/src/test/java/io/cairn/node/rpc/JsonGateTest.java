package io.cairn.node.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonGateTest {
  private final JsonGate gate = new JsonGate(4);

  private JsonElement parse(String s) throws RpcException {
    return gate.parse(s.getBytes(StandardCharsets.UTF_8));
  }

  private int code(String s) {
    return assertThrows(RpcException.class, () -> parse(s), s).code();
  }

  @Test
  void depthUpToTheLimitParses() throws Exception {
    assertEquals(4, depthOf(parse("[{\"a\":[[1]]}]")));
    assertTrue(parse("7").isJsonPrimitive());
    assertTrue(parse(" {\"a\":[],\"b\":{}} ").isJsonObject());
  }

  private static int depthOf(JsonElement e) {
    int d = 0;
    while (e.isJsonArray() || e.isJsonObject()) {
      d++;
      e = e.isJsonArray() ? e.getAsJsonArray().get(0) : e.getAsJsonObject().entrySet().iterator().next().getValue();
    }
    return d;
  }

  @Test
  void deeperIsInvalidRequestWhateverFollows() {
    assertEquals(RpcErrors.INVALID_REQUEST, code("[[[[[1]]]]]"));
    assertEquals(RpcErrors.INVALID_REQUEST, code("{\"a\":{\"b\":{\"c\":{\"d\":{}}}}}"));
    assertEquals(RpcErrors.INVALID_REQUEST, code("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ unterminated"));
    // A huge depth costs a linear scan, not a recursion.
    assertEquals(RpcErrors.INVALID_REQUEST, new JsonGateCase(1_000_000).code());
  }

  private record JsonGateCase(int depth) {
    int code() {
      byte[] b = ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
      return assertThrows(RpcException.class, () -> new JsonGate(64).parse(b)).code();
    }
  }

  @Test
  void malformedIsParseError() {
    for (String bad : new String[] {"", "   ", "{", "[1,]", "{\"a\" 1}", "{'a':1}", "[1] [2]", "{} x", "tru",
        "\"unterminated", "[NaN]", "{a:1}", "01"}) {
      assertEquals(RpcErrors.PARSE_ERROR, code(bad), bad);
    }
  }

  @Test
  void invalidUtf8IsParseError() {
    RpcException e = assertThrows(RpcException.class, () -> gate.parse(new byte[] {'[', (byte) 0xc3, ']'}));
    assertEquals(RpcErrors.PARSE_ERROR, e.code());
  }

  @Test
  void asciiAndUtf8BodiesGiveTheirTextAndBadUtf8IsRefused() throws Exception {
    assertEquals("{\"a\":\"0f\"}", JsonGate.text("{\"a\":\"0f\"}".getBytes(StandardCharsets.US_ASCII)));
    String wide = "[\"s\u00e9\u20ac\ud83d\ude00\"]";
    assertEquals(wide, JsonGate.text(wide.getBytes(StandardCharsets.UTF_8)));
    assertEquals(JsonParser.parseString(wide), gate.parse(wide.getBytes(StandardCharsets.UTF_8)));
    for (byte[] bad : new byte[][] {{'"', (byte) 0x80, '"'}, {'"', (byte) 0xe2, (byte) 0x82, '"'},
        {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'}, {'"', (byte) 0xff, '"'}}) {
      assertEquals(RpcErrors.PARSE_ERROR, assertThrows(RpcException.class, () -> JsonGate.text(bad)).code());
    }
  }

  @Test
  void buildsTheTreeGsonWouldBuild() throws Exception {
    JsonGate wide = new JsonGate(64);
    for (String json : new String[] {"7", "-0.5e+3", "\"s\\u00e9\\n\"", "true", "null", "[]", "{}",
        "[1,2.50,-3e2,12345678901234567890123,\"x\",false,null,{\"a\":[{}],\"b\":null}]",
        "{\"a\":1,\"a\":{\"b\":2},\"c\":[[[\"d\"]]]}",
        "[" + "[".repeat(40) + "1" + "]".repeat(40) + ",{\"k\":" + "{\"k\":".repeat(20) + "0" + "}".repeat(21) + "]"}) {
      JsonElement mine = wide.parse(json.getBytes(StandardCharsets.UTF_8));
      assertEquals(JsonParser.parseString(json), mine, json);
      assertEquals(Dto.GSON.toJson(JsonParser.parseString(json)), Dto.GSON.toJson(mine), json);
    }
  }

  @Test
  void rejectsTooSmallLimits() {
    assertThrows(IllegalArgumentException.class, () -> new JsonGate(1));
  }
}
