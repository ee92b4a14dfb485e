package io.cairn.node.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns a request body into a JSON tree safely: strict UTF-8, strict JSON (RFC 8259, one value, no
 * trailing data) and a nesting limit, all checked by the same iterative streaming pass that builds
 * the tree, so hostile input (e.g. a million '[') costs a linear scan and never a deep recursion.
 * The tree is the one Gson's {@code JsonParser} would build (numbers kept as their literal text,
 * a repeated member name keeps its last value); building it here saves a second pass over the text
 * and Gson's generic tree adapter on every request.
 */
final class JsonGate {
  private final int maxDepth;

  JsonGate(int maxDepth) {
    if (maxDepth < 2) {
      throw new IllegalArgumentException("maxDepth must be at least 2 but got " + maxDepth);
    }
    this.maxDepth = maxDepth;
  }

  /**
   * The parsed body.
   *
   * @throws RpcException -32700 for bytes that are not one JSON value, -32600 when nested deeper than the limit
   */
  JsonElement parse(byte[] body) throws RpcException {
    return build(text(body));
  }

  /**
   * The body as text, strictly UTF-8. A body of ASCII bytes only (every request the wallet and the
   * benchmark send: hex, numbers, names) is its own text, taken in one bulk copy without the
   * decoder's char buffer; anything else goes through the reporting decoder.
   */
  static String text(byte[] body) throws RpcException {
    if (ascii(body)) {
      return new String(body, StandardCharsets.ISO_8859_1);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new RpcException(RpcErrors.PARSE_ERROR, "Parse error: the body is not valid UTF-8");
    }
    return text;
  }

  private static boolean ascii(byte[] b) {
    int or = 0;
    for (byte x : b) {
      or |= x;
    }
    return or >= 0;
  }

  private JsonElement build(String text) throws RpcException {
    JsonReader r = new JsonReader(new StringReader(text));
    r.setStrictness(Strictness.STRICT);
    try {
      // open[depth - 1] is the innermost open array or object; names[depth - 1] the member name read for it.
      JsonElement[] open = new JsonElement[Math.min(maxDepth, 16)];
      String[] names = new String[open.length];
      int depth = 0;
      JsonElement done = null;
      do {
        JsonToken t = r.peek();
        JsonElement value = null;
        switch (t) {
          case BEGIN_ARRAY, BEGIN_OBJECT -> {
            enter(depth + 1);
            if (depth == open.length) {
              open = Arrays.copyOf(open, Math.min(maxDepth, 2 * open.length));
              names = Arrays.copyOf(names, open.length);
            }
            JsonElement container;
            if (t == JsonToken.BEGIN_ARRAY) {
              r.beginArray();
              container = new JsonArray();
            } else {
              r.beginObject();
              container = new JsonObject();
            }
            add(open, names, depth, container);
            open[depth++] = container;
          }
          case END_ARRAY, END_OBJECT -> {
            if (t == JsonToken.END_ARRAY) {
              r.endArray();
            } else {
              r.endObject();
            }
            value = open[--depth];
            open[depth] = null;
          }
          case NAME -> names[depth - 1] = r.nextName();
          case STRING -> value = new JsonPrimitive(r.nextString());
          case NUMBER -> value = new JsonPrimitive(new LazilyParsedNumber(r.nextString()));
          case BOOLEAN -> value = new JsonPrimitive(r.nextBoolean());
          case NULL -> {
            r.nextNull();
            value = JsonNull.INSTANCE;
          }
          case END_DOCUMENT -> throw new RpcException(RpcErrors.PARSE_ERROR, "Parse error: empty body");
          default -> throw new IllegalStateException("unexpected token " + t);
        }
        if (value != null && t != JsonToken.END_ARRAY && t != JsonToken.END_OBJECT) {
          add(open, names, depth, value);
        }
        if (depth == 0) {
          done = value;
        }
      } while (depth > 0);
      if (r.peek() != JsonToken.END_DOCUMENT) {
        throw new RpcException(RpcErrors.PARSE_ERROR, "Parse error: data after the JSON value");
      }
      return done;
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      throw new RpcException(RpcErrors.PARSE_ERROR, "Parse error: " + firstLine(e.getMessage()));
    }
  }

  /** Adds {@code value} to the innermost open container, if any. */
  private static void add(JsonElement[] open, String[] names, int depth, JsonElement value) {
    if (depth == 0) {
      return;
    }
    JsonElement parent = open[depth - 1];
    if (parent instanceof JsonArray a) {
      a.add(value);
    } else {
      ((JsonObject) parent).add(names[depth - 1], value);
    }
  }

  private void enter(int depth) throws RpcException {
    if (depth > maxDepth) {
      throw new RpcException(RpcErrors.INVALID_REQUEST,
          "Invalid Request: JSON nested deeper than " + maxDepth + " levels");
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed JSON";
    }
    // Gson appends a troubleshooting URL on a second line; keep only the position information.
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
