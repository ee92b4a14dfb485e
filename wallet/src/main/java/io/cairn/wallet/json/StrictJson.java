package io.cairn.wallet.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import java.util.Set;

/**
 * Strict JSON for untrusted input (keystore files, node responses): RFC 8259 syntax only, one
 * document and nothing after it, nesting at most {@link #MAX_DEPTH}, and typed field accessors that
 * say which field is wrong and what was expected. Callers bound the text length before parsing.
 */
public final class StrictJson {
  public static final int MAX_DEPTH = 32;

  private StrictJson() {}

  /** Invalid or unexpected JSON; the message says where and what. */
  public static final class JsonFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JsonFormatException(String message) {
      super(message);
    }
  }

  /** Parses one strict JSON document. */
  public static JsonElement parse(String text, String what) {
    checkDepth(text, what);
    try {
      JsonReader r = new JsonReader(new StringReader(text));
      r.setStrictness(Strictness.STRICT);
      JsonElement e = JsonParser.parseReader(r);
      if (r.peek() != JsonToken.END_DOCUMENT) {
        throw new JsonFormatException(what + " has data after the JSON document");
      }
      return e;
    } catch (JsonParseException | IOException | IllegalStateException e) {
      throw new JsonFormatException(what + " is not valid JSON: " + shortMessage(e));
    }
  }

  public static JsonObject object(JsonElement e, String what) {
    if (e == null || !e.isJsonObject()) {
      throw new JsonFormatException(what + " must be a JSON object but is " + kind(e));
    }
    return e.getAsJsonObject();
  }

  /** Fails on any key not in {@code allowed}. */
  public static void onlyKeys(JsonObject o, Set<String> allowed, String what) {
    for (String k : o.keySet()) {
      if (!allowed.contains(k)) {
        throw new JsonFormatException(what + " has an unknown field '" + clip(k) + "'");
      }
    }
  }

  public static JsonElement required(JsonObject o, String key, String what) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) {
      throw new JsonFormatException(what + " lacks the field '" + key + "'");
    }
    return e;
  }

  public static String string(JsonObject o, String key, int maxLength, String what) {
    return asString(required(o, key, what), maxLength, what + "." + key);
  }

  public static Optional<String> optString(JsonObject o, String key, int maxLength, String what) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? Optional.empty() : Optional.of(asString(e, maxLength, what + "." + key));
  }

  public static String asString(JsonElement e, int maxLength, String where) {
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw new JsonFormatException(where + " must be a string but is " + kind(e));
    }
    String s = e.getAsString();
    if (s.length() > maxLength) {
      throw new JsonFormatException(where + " must be at most " + maxLength + " characters but has " + s.length());
    }
    return s;
  }

  /** A whole JSON number in {@code [min, max]}; huge or fractional numbers are refused, not rounded. */
  public static long integer(JsonObject o, String key, long min, long max, String what) {
    return asInteger(required(o, key, what), min, max, what + "." + key);
  }

  public static Optional<Long> optInteger(JsonObject o, String key, long min, long max, String what) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? Optional.empty() : Optional.of(asInteger(e, min, max, what + "." + key));
  }

  public static long asInteger(JsonElement e, long min, long max, String where) {
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new JsonFormatException(where + " must be a number but is " + kind(e));
    }
    String s = e.getAsJsonPrimitive().getAsString();
    if (!s.matches("-?[0-9]{1,19}")) {
      throw new JsonFormatException(where + " must be a whole number between " + min + " and " + max + " but is " + clip(s));
    }
    long v;
    try {
      v = Long.parseLong(s);
    } catch (NumberFormatException ex) {
      throw new JsonFormatException(where + " must be between " + min + " and " + max + " but is " + clip(s));
    }
    if (v < min || v > max) {
      throw new JsonFormatException(where + " must be between " + min + " and " + max + " but is " + v);
    }
    return v;
  }

  public static Optional<Boolean> optBoolean(JsonObject o, String key, String what) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) {
      return Optional.empty();
    }
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
      throw new JsonFormatException(what + "." + key + " must be true or false but is " + kind(e));
    }
    return Optional.of(e.getAsBoolean());
  }

  public static JsonArray array(JsonObject o, String key, int maxSize, String what) {
    JsonElement e = required(o, key, what);
    return asArray(e, maxSize, what + "." + key);
  }

  public static JsonArray asArray(JsonElement e, int maxSize, String where) {
    if (!e.isJsonArray()) {
      throw new JsonFormatException(where + " must be an array but is " + kind(e));
    }
    JsonArray a = e.getAsJsonArray();
    if (a.size() > maxSize) {
      throw new JsonFormatException(where + " must have at most " + maxSize + " entries but has " + a.size());
    }
    return a;
  }

  /** "an object", "a string", ... for messages. */
  public static String kind(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return "null";
    }
    if (e.isJsonObject()) {
      return "an object";
    }
    if (e.isJsonArray()) {
      return "an array";
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    return p.isString() ? "a string" : p.isNumber() ? "a number" : "a boolean";
  }

  private static void checkDepth(String text, String what) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (++depth > MAX_DEPTH) {
          throw new JsonFormatException(what + " nests deeper than " + MAX_DEPTH + " levels");
        }
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
  }

  private static String shortMessage(Exception e) {
    String m = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    int cut = m.indexOf("\nSee ");
    m = cut > 0 ? m.substring(0, cut) : m;
    m = m.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON");
    return clip(m);
  }

  /** At most 80 characters of untrusted text, for messages. */
  public static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
