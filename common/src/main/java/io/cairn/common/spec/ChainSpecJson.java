package io.cairn.common.spec;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.reason.RejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Chain spec files in JSON. Unknown fields, missing fields and wrong types are errors that name the
 * field. Amounts are decimal strings of base units; {@code initialTarget} is a compact target in hex.
 *
 * <pre>
 * {
 *   "network": "testnet", "addressPrefix": "tcairn", "targetBlockTimeMs": 2000,
 *   "initialTarget": "0x1f0fffff", "asertHalfLifeMs": 3600000, "maxBlockSize": 1000000,
 *   "blockReward": "5000000000", "minFee": "1000", "genesisTimestampMs": 1767225600000,
 *   "dev": true, "allocations": [ { "address": "tcairn1...", "amount": "100000000000" } ]
 * }
 * </pre>
 */
public final class ChainSpecJson {
  /** Names accepted by {@code --chain} for the built-in specs. */
  public static final Set<String> BUILT_IN = Set.of("testnet");

  private static final Set<String> FIELDS = Set.of("network", "addressPrefix", "targetBlockTimeMs", "initialTarget",
      "asertHalfLifeMs", "maxBlockSize", "blockReward", "minFee", "genesisTimestampMs", "dev", "allocations");
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private ChainSpecJson() {}

  /** Thrown for an invalid spec file; the message names the field. */
  public static final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SpecException(String message) {
      super(message);
    }
  }

  public static ChainSpec parse(String json) {
    JsonObject o;
    try {
      JsonElement e = JsonParser.parseString(json);
      if (!e.isJsonObject()) {
        throw new SpecException("chain spec must be a JSON object");
      }
      o = e.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new SpecException("chain spec is not valid JSON: " + e.getMessage());
    }
    for (String key : o.keySet()) {
      if (!FIELDS.contains(key)) {
        throw new SpecException("unknown chain spec field '" + key + "'");
      }
    }
    String prefix = str(o, "addressPrefix");
    List<ChainSpec.Allocation> allocs = new ArrayList<>();
    JsonElement ae = o.get("allocations");
    if (ae != null && !ae.isJsonNull()) {
      if (!ae.isJsonArray()) {
        throw new SpecException("'allocations' must be an array");
      }
      int i = 0;
      for (JsonElement el : ae.getAsJsonArray()) {
        if (!el.isJsonObject()) {
          throw new SpecException("allocations[" + i + "] must be an object");
        }
        JsonObject a = el.getAsJsonObject();
        for (String key : a.keySet()) {
          if (!key.equals("address") && !key.equals("amount")) {
            throw new SpecException("allocations[" + i + "]: unknown field '" + key + "'");
          }
        }
        try {
          allocs.add(new ChainSpec.Allocation(
              Address.parse(str(a, "address"), prefix), Amount.parseUnits(str(a, "amount"))));
        } catch (RejectedException ex) {
          throw new SpecException("allocations[" + i + "]: " + ex.getMessage());
        }
        i++;
      }
    }
    try {
      return new ChainSpec(str(o, "network"), prefix, num(o, "targetBlockTimeMs"), bits(o), num(o, "asertHalfLifeMs"),
          (int) Math.min(Integer.MAX_VALUE, num(o, "maxBlockSize")), units(o, "blockReward"), units(o, "minFee"),
          num(o, "genesisTimestampMs"), o.has("dev") && bool(o, "dev"), allocs);
    } catch (IllegalArgumentException e) {
      throw new SpecException("invalid chain spec: " + e.getMessage());
    }
  }

  public static String toJson(ChainSpec spec) {
    JsonObject o = new JsonObject();
    o.addProperty("network", spec.network());
    o.addProperty("addressPrefix", spec.addressPrefix());
    o.addProperty("targetBlockTimeMs", spec.targetBlockTimeMs());
    o.addProperty("initialTarget", String.format("0x%08x", spec.initialBits()));
    o.addProperty("asertHalfLifeMs", spec.asertHalfLifeMs());
    o.addProperty("maxBlockSize", spec.maxBlockSize());
    o.addProperty("blockReward", Long.toString(spec.blockReward().units()));
    o.addProperty("minFee", Long.toString(spec.minFee().units()));
    o.addProperty("genesisTimestampMs", spec.genesisTimestampMs());
    o.addProperty("dev", spec.dev());
    JsonArray arr = new JsonArray();
    for (ChainSpec.Allocation a : spec.allocations()) {
      JsonObject j = new JsonObject();
      j.addProperty("address", a.address().encode(spec.addressPrefix()));
      j.addProperty("amount", Long.toString(a.amount().units()));
      arr.add(j);
    }
    o.add("allocations", arr);
    return GSON.toJson(o) + "\n";
  }

  /** A built-in spec by name (see {@link #BUILT_IN}). */
  public static ChainSpec builtIn(String name) {
    if (!BUILT_IN.contains(name)) {
      throw new SpecException("no built-in chain spec named '" + name + "'; built in: " + BUILT_IN);
    }
    try (InputStream in = ChainSpecJson.class.getResourceAsStream(name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("built-in spec resource missing: " + name);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonPrimitive prim(JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) {
      throw new SpecException("missing chain spec field '" + key + "'");
    }
    if (!e.isJsonPrimitive()) {
      throw new SpecException("chain spec field '" + key + "' must be a string, number or boolean");
    }
    return e.getAsJsonPrimitive();
  }

  private static String str(JsonObject o, String key) {
    JsonPrimitive p = prim(o, key);
    if (!p.isString()) {
      throw new SpecException("chain spec field '" + key + "' must be a string");
    }
    return p.getAsString();
  }

  private static long num(JsonObject o, String key) {
    JsonPrimitive p = prim(o, key);
    if (!p.isNumber()) {
      throw new SpecException("chain spec field '" + key + "' must be a number");
    }
    try {
      return p.getAsBigDecimal().longValueExact();
    } catch (ArithmeticException e) {
      throw new SpecException("chain spec field '" + key + "' must be a whole number in range");
    }
  }

  private static boolean bool(JsonObject o, String key) {
    JsonPrimitive p = prim(o, key);
    if (!p.isBoolean()) {
      throw new SpecException("chain spec field '" + key + "' must be true or false");
    }
    return p.getAsBoolean();
  }

  private static Amount units(JsonObject o, String key) {
    try {
      return Amount.parseUnits(str(o, key));
    } catch (RejectedException e) {
      throw new SpecException("chain spec field '" + key + "': " + e.getMessage());
    }
  }

  private static int bits(JsonObject o) {
    String s = str(o, "initialTarget");
    if (!s.matches("0x[0-9a-fA-F]{1,8}")) {
      throw new SpecException("chain spec field 'initialTarget' must be a compact target like 0x1f0fffff");
    }
    return (int) Long.parseLong(s.substring(2), 16);
  }
}
