package io.cairn.node.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class JsonTextTest {
  private static void same(JsonElement e) {
    assertEquals(Dto.GSON.toJson(e), JsonText.of(e));
  }

  @Test
  void writesWhatGsonWrites() {
    JsonObject o = new JsonObject();
    o.addProperty("jsonrpc", "2.0");
    o.addProperty("int", 7);
    o.addProperty("long", Long.MIN_VALUE);
    o.addProperty("double", 2.5e-7);
    o.addProperty("big", new BigInteger("123456789012345678901234567890"));
    o.addProperty("dec", new BigDecimal("1.50"));
    o.add("lazy", new JsonPrimitive(new LazilyParsedNumber("-1.0e+3")));
    o.addProperty("t", true);
    o.addProperty("f", false);
    o.add("null", JsonNull.INSTANCE);
    o.add("nested", JsonParser.parseString("{\"a\":[1,[],{},[{\"b\":null}]],\"\":\"\"}"));
    JsonArray a = new JsonArray();
    a.add(o);
    a.add(JsonNull.INSTANCE);
    a.add("plain");
    same(o);
    same(a);
    same(new JsonArray());
    same(new JsonObject());
    same(JsonNull.INSTANCE);
  }

  @Test
  void escapesStringsAsGsonDoes() {
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0x3000; c++) {
      every.append(c);
    }
    every.append("\ud83d\ude00 \ud800 <>&='\u2028\u2029\ufeff");
    for (String s : new String[] {"", "\"", "\\", "a\"b\\c", "\b\t\n\f\r\u0000\u001f\u007f", every.toString()}) {
      same(new JsonPrimitive(s));
      JsonObject o = new JsonObject();
      o.addProperty(s, s);
      same(o);
    }
  }
}
