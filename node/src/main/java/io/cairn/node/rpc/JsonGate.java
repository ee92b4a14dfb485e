package io.cairn.node.rpc;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a request body into a JSON tree safely: strict UTF-8, strict JSON (RFC 8259, one value, no
 * trailing data) and a nesting limit, all checked by one iterative streaming pass before any tree is
 * built, so hostile input (e.g. a million '[') costs a linear scan and never a deep recursion.
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
    check(text);
    return JsonParser.parseString(text);
  }

  private void check(String text) throws RpcException {
    JsonReader r = new JsonReader(new StringReader(text));
    r.setStrictness(Strictness.STRICT);
    try {
      int depth = 0;
      do {
        JsonToken t = r.peek();
        switch (t) {
          case BEGIN_ARRAY -> {
            enter(++depth);
            r.beginArray();
          }
          case BEGIN_OBJECT -> {
            enter(++depth);
            r.beginObject();
          }
          case END_ARRAY -> {
            depth--;
            r.endArray();
          }
          case END_OBJECT -> {
            depth--;
            r.endObject();
          }
          case NAME -> r.nextName();
          case END_DOCUMENT -> throw new RpcException(RpcErrors.PARSE_ERROR, "Parse error: empty body");
          default -> r.skipValue();
        }
      } while (depth > 0);
      if (r.peek() != JsonToken.END_DOCUMENT) {
        throw new RpcException(RpcErrors.PARSE_ERROR, "Parse error: data after the JSON value");
      }
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      throw new RpcException(RpcErrors.PARSE_ERROR, "Parse error: " + firstLine(e.getMessage()));
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
