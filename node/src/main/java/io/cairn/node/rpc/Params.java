package io.cairn.node.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.cairn.common.address.Address;
import io.cairn.common.bytes.Hex;
import io.cairn.common.crypto.Hash;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A method's parameters by name, with typed getters that turn a wrong type or value into -32602
 * (invalid params). Positional parameters are mapped to names before they get here; a JSON
 * {@code null} counts as absent.
 */
final class Params {
  private final String method;
  private final JsonObject values;
  private final String addressPrefix;

  private Params(String method, JsonObject values, String addressPrefix) {
    this.method = method;
    this.values = values;
    this.addressPrefix = addressPrefix;
  }

  /**
   * Binds {@code params} (absent, object or array) to {@code m}'s declared names.
   *
   * @throws RpcException -32602 for unknown names or too many positional values
   */
  static Params bind(RpcMethod m, JsonElement params, String addressPrefix) throws RpcException {
    JsonObject named;
    if (params == null || params.isJsonNull()) {
      named = new JsonObject();
    } else if (params.isJsonArray()) {
      named = m.byPosition(params.getAsJsonArray());
    } else {
      named = params.getAsJsonObject();
    }
    List<String> declared = m.paramNames();
    for (Map.Entry<String, JsonElement> e : named.entrySet()) {
      if (!declared.contains(e.getKey())) {
        throw RpcException.invalidParams(
            "unknown parameter '" + e.getKey() + "' for " + m.name() + "; expected " + declared);
      }
    }
    return new Params(m.name(), named, addressPrefix);
  }

  /** Maps positional values to {@code names} in order. */
  static JsonObject byPosition(String method, List<String> names, JsonArray args) throws RpcException {
    if (args.size() > names.size()) {
      throw RpcException.invalidParams(
          method + " takes at most " + names.size() + " parameters " + names + " but got " + args.size());
    }
    JsonObject out = new JsonObject();
    for (int i = 0; i < args.size(); i++) {
      out.add(names.get(i), args.get(i));
    }
    return out;
  }

  boolean has(String name) {
    JsonElement e = values.get(name);
    return e != null && !e.isJsonNull();
  }

  String string(String name) throws RpcException {
    return optString(name).orElseThrow(() -> missing(name));
  }

  Optional<String> optString(String name) throws RpcException {
    if (!has(name)) {
      return Optional.empty();
    }
    JsonElement e = values.get(name);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw RpcException.invalidParams("'" + name + "' must be a string but got " + describe(e));
    }
    return Optional.of(e.getAsString());
  }

  long longValue(String name, long min, long max) throws RpcException {
    OptionalLong v = optLong(name, min, max);
    if (v.isEmpty()) {
      throw missing(name);
    }
    return v.getAsLong();
  }

  OptionalLong optLong(String name, long min, long max) throws RpcException {
    if (!has(name)) {
      return OptionalLong.empty();
    }
    JsonElement e = values.get(name);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw RpcException.invalidParams("'" + name + "' must be an integer but got " + describe(e));
    }
    long v;
    try {
      v = new BigDecimal(e.getAsJsonPrimitive().getAsString()).longValueExact();
    } catch (ArithmeticException | NumberFormatException ex) {
      throw RpcException.invalidParams("'" + name + "' must be an integer between " + min + " and " + max
          + " but got " + e);
    }
    if (v < min || v > max) {
      throw RpcException.invalidParams("'" + name + "' must be between " + min + " and " + max + " but got " + v);
    }
    return OptionalLong.of(v);
  }

  /** A required array of strings (at most {@code max} of them). */
  List<String> strings(String name, int max) throws RpcException {
    if (!has(name)) {
      throw missing(name);
    }
    JsonElement e = values.get(name);
    if (!e.isJsonArray()) {
      throw RpcException.invalidParams("'" + name + "' must be an array of strings but got " + describe(e));
    }
    JsonArray arr = e.getAsJsonArray();
    if (arr.size() > max) {
      throw RpcException.invalidParams("'" + name + "' may hold at most " + max + " entries but has " + arr.size());
    }
    List<String> out = new java.util.ArrayList<>(arr.size());
    for (JsonElement item : arr) {
      if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
        throw RpcException.invalidParams("'" + name + "' must hold only strings but has " + describe(item));
      }
      out.add(item.getAsString());
    }
    return out;
  }

  boolean bool(String name, boolean fallback) throws RpcException {
    if (!has(name)) {
      return fallback;
    }
    JsonElement e = values.get(name);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
      throw RpcException.invalidParams("'" + name + "' must be true or false but got " + describe(e));
    }
    return e.getAsBoolean();
  }

  Hash hash(String name) throws RpcException {
    return optHash(name).orElseThrow(() -> missing(name));
  }

  Optional<Hash> optHash(String name) throws RpcException {
    Optional<String> s = optString(name);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Hash.parse(s.get()));
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParams(Reason.MALFORMED, "'" + name + "': " + e.getMessage());
    }
  }

  byte[] hex(String name) throws RpcException {
    String s = string(name);
    try {
      return Hex.decode(s);
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParams(Reason.MALFORMED, "'" + name + "': " + e.getMessage());
    }
  }

  Address address(String name) throws RpcException {
    return optAddress(name).orElseThrow(() -> missing(name));
  }

  Optional<Address> optAddress(String name) throws RpcException {
    Optional<String> s = optString(name);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Address.parse(s.get(), addressPrefix));
    } catch (RejectedException e) {
      throw RpcException.invalidParams(Reason.BAD_ADDRESS, "'" + name + "': " + e.getMessage());
    }
  }

  private RpcException missing(String name) {
    return RpcException.invalidParams("missing parameter '" + name + "' for " + method);
  }

  private static String describe(JsonElement e) {
    if (e.isJsonObject()) {
      return "an object";
    }
    if (e.isJsonArray()) {
      return "an array";
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    return p.isString() ? "a string" : p.isBoolean() ? "a boolean" : "the number " + p.getAsString();
  }
}
