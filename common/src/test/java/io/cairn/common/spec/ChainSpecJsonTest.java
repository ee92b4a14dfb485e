package io.cairn.common.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.common.amount.Amount;
import io.cairn.common.testing.Fixtures;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChainSpecJsonTest {

  @Test
  void builtInTestnetParses() {
    ChainSpec t = ChainSpecJson.builtIn("testnet");
    assertEquals("testnet", t.network());
    assertEquals("tcairn", t.addressPrefix());
    assertEquals(2000, t.targetBlockTimeMs());
    assertEquals(0x1f0fffff, t.initialBits());
    assertEquals(1_000_000, t.maxBlockSize());
    assertEquals(Amount.ofCrn(50), t.blockReward());
    assertEquals(Amount.ofUnits(1000), t.minFee());
    assertTrue(t.dev());
    assertEquals(t, ChainSpecJson.builtIn("testnet"));
    ChainSpecJson.SpecException e = assertThrows(ChainSpecJson.SpecException.class, () -> ChainSpecJson.builtIn("mainnet"));
    assertTrue(e.getMessage().contains("no built-in chain spec named 'mainnet'"), e.getMessage());
  }

  @Test
  void jsonRoundTrip() {
    ChainSpec spec = Fixtures.spec();
    String json = ChainSpecJson.toJson(spec);
    assertEquals(spec, ChainSpecJson.parse(json));
    assertEquals(json, ChainSpecJson.toJson(ChainSpecJson.parse(json)));
    assertTrue(json.contains("\"initialTarget\": \"0x207fffff\""), json);
    assertTrue(json.contains("\"amount\": \"100000000000\""), json);
  }

  @Test
  void devAndAllocationsAreOptional() {
    JsonObject o = base();
    o.remove("dev");
    o.remove("allocations");
    ChainSpec spec = ChainSpecJson.parse(o.toString());
    assertEquals(false, spec.dev());
    assertEquals(0, spec.allocations().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"network", "addressPrefix", "targetBlockTimeMs", "initialTarget", "asertHalfLifeMs",
      "maxBlockSize", "blockReward", "minFee", "genesisTimestampMs"})
  void missingFieldIsNamed(String field) {
    assertError(o -> o.remove(field), "missing chain spec field '" + field + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"targetBlockTimeMs", "asertHalfLifeMs", "maxBlockSize", "genesisTimestampMs"})
  void numberFieldOfWrongTypeIsNamed(String field) {
    assertError(o -> o.addProperty(field, "2000"), "chain spec field '" + field + "' must be a number");
    assertError(o -> o.addProperty(field, 1.5), "chain spec field '" + field + "' must be a whole number in range");
    assertError(o -> o.add(field, new JsonArray()), "chain spec field '" + field + "' must be a string, number or boolean");
  }

  @ParameterizedTest
  @ValueSource(strings = {"network", "addressPrefix", "initialTarget", "blockReward", "minFee"})
  void stringFieldOfWrongTypeIsNamed(String field) {
    assertError(o -> o.addProperty(field, 5), "chain spec field '" + field + "' must be a string");
  }

  @Test
  void badValuesAreNamed() {
    assertError(o -> o.addProperty("dev", "yes"), "chain spec field 'dev' must be true or false");
    assertError(o -> o.addProperty("blockReward", "1.5"), "chain spec field 'blockReward'");
    assertError(o -> o.addProperty("minFee", "-1"), "chain spec field 'minFee'");
    assertError(o -> o.addProperty("initialTarget", "1f0fffff"), "chain spec field 'initialTarget' must be a compact target");
    assertError(o -> o.addProperty("initialTarget", "0x2100ffff"), "initialTarget must be a valid compact target no easier than 0x207fffff");
    assertError(o -> o.addProperty("initialTarget", "0x00000000"), "initialTarget must be a valid compact target");
    assertError(o -> o.addProperty("targetBlockTimeMs", 5), "targetBlockTimeMs must be between 10 and 86400000");
    assertError(o -> o.addProperty("asertHalfLifeMs", 999), "asertHalfLifeMs must be between");
    assertError(o -> o.addProperty("maxBlockSize", 999), "maxBlockSize must be between 1000 and 4000000");
    assertError(o -> o.addProperty("maxBlockSize", 5_000_000_000L), "maxBlockSize must be between");
    assertError(o -> {
      o.remove("allocations");
      o.addProperty("addressPrefix", "TCAIRN");
    }, "addressPrefix must be 1 to 16 lower-case letters or digits");
    assertError(o -> o.addProperty("network", ""), "network must be 1 to 64 characters");
    assertError(o -> o.addProperty("genesisTimestampMs", -1), "genesisTimestampMs must not be negative");
    assertError(o -> o.addProperty("colour", "blue"), "unknown chain spec field 'colour'");
  }

  @Test
  void badAllocationsAreNamed() {
    assertError(o -> o.addProperty("allocations", 5), "'allocations' must be an array");
    assertError(o -> allocations(o).add(5), "allocations[10] must be an object");
    assertError(o -> allocations(o).get(0).getAsJsonObject().remove("amount"), "missing chain spec field 'amount'");
    assertError(o -> allocations(o).get(0).getAsJsonObject().addProperty("amount", "1.5"), "allocations[0]: ");
    assertError(o -> allocations(o).get(0).getAsJsonObject().addProperty("note", "x"), "allocations[0]: unknown field 'note'");
    String otherNetwork = Fixtures.address(3).encode("cairn");
    assertError(o -> allocations(o).get(0).getAsJsonObject().addProperty("address", otherNetwork), "allocations[0]: wrong prefix");
    assertError(o -> allocations(o).add(allocations(o).get(0).deepCopy()), "allocation listed twice");
  }

  @Test
  void allocationsThatOverflowAreRefused() {
    assertError(o -> {
      JsonArray a = allocations(o);
      a.get(0).getAsJsonObject().addProperty("amount", Long.toString(Long.MAX_VALUE));
      a.get(1).getAsJsonObject().addProperty("amount", "1");
    }, "allocations overflow the amount range");
  }

  @Test
  void notJsonOrNotAnObject() {
    ChainSpecJson.SpecException e = assertThrows(ChainSpecJson.SpecException.class, () -> ChainSpecJson.parse("{"));
    assertTrue(e.getMessage().startsWith("chain spec is not valid JSON"), e.getMessage());
    e = assertThrows(ChainSpecJson.SpecException.class, () -> ChainSpecJson.parse("[]"));
    assertEquals("chain spec must be a JSON object", e.getMessage());
  }

  private static JsonObject base() {
    return JsonParser.parseString(ChainSpecJson.toJson(Fixtures.spec())).getAsJsonObject();
  }

  private static JsonArray allocations(JsonObject o) {
    return o.getAsJsonArray("allocations");
  }

  private static void assertError(Consumer<JsonObject> edit, String message) {
    JsonObject o = base();
    edit.accept(o);
    ChainSpecJson.SpecException e = assertThrows(ChainSpecJson.SpecException.class, () -> ChainSpecJson.parse(o.toString()));
    assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
  }
}
