package io.cairn.node.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;

/**
 * Writes a JSON tree as compact text, character for character what {@code Dto.GSON.toJson} writes
 * (nulls kept, no HTML escaping; in strings {@code "} and {@code \} escaped, control characters as
 * {@code \b \t \n \f \r} or {@code \}{@code u00XX}, and U+2028/U+2029 as {@code \}{@code u2028}/{@code \}{@code u2029}),
 * straight into the caller's builder: the RPC answers a batch of 100 calls with 100 such trees, and
 * Gson's generic tree adapter cost a writer per call and much JIT work on a fresh node.
 * Recursive in the depth of the tree: only for trees the node built (responses), never for input.
 */
final class JsonText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  static String of(JsonElement e) {
    StringBuilder sb = new StringBuilder(64);
    write(e, sb);
    return sb.toString();
  }

  static void write(JsonElement e, StringBuilder out) {
    if (e == null || e.isJsonNull()) {
      out.append("null");
    } else if (e instanceof JsonPrimitive p) {
      if (p.isString()) {
        string(p.getAsString(), out);
      } else if (p.isBoolean()) {
        out.append(p.getAsBoolean());
      } else {
        out.append(p.getAsNumber().toString());
      }
    } else if (e instanceof JsonArray a) {
      out.append('[');
      for (int i = 0; i < a.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(a.get(i), out);
      }
      out.append(']');
    } else {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonElement> m : ((JsonObject) e).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(m.getKey(), out);
        out.append(':');
        write(m.getValue(), out);
      }
      out.append('}');
    }
  }

  static void string(String s, StringBuilder out) {
    out.append('"');
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String esc;
      if (c == '"') {
        esc = "\\\"";
      } else if (c == '\\') {
        esc = "\\\\";
      } else if (c < 0x20) {
        esc = switch (c) {
          case '\b' -> "\\b";
          case '\t' -> "\\t";
          case '\n' -> "\\n";
          case '\f' -> "\\f";
          case '\r' -> "\\r";
          default -> unicode(c);
        };
      } else if (c == '\u2028' || c == '\u2029') {
        esc = unicode(c);
      } else {
        continue;
      }
      out.append(s, from, i).append(esc);
      from = i + 1;
    }
    out.append(s, from, s.length()).append('"');
  }

  private static String unicode(char c) {
    return new String(new char[] {'\\', 'u', HEX[c >> 12], HEX[(c >> 8) & 15], HEX[(c >> 4) & 15], HEX[c & 15]});
  }
}
