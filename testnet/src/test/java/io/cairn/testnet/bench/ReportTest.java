package io.cairn.testnet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
  @Test
  void sampleMedianMinMax() {
    Sample s = Sample.of(5, 1, 3);
    assertEquals(3, s.median());
    assertEquals(1, s.min());
    assertEquals(5, s.max());
    assertEquals(2.5, Sample.of(4, 1).median());
  }

  @Test
  void replacesOnlyItsSection() {
    String doc = "# B\n\n## JMH\n\njmh\n\n" + Report.HEADING + "\n\nold\n\n## Peer-to-peer\n\np2p\n";
    String out = Report.replaceSection(doc, Report.HEADING + "\n\nnew\n");
    assertEquals("# B\n\n## JMH\n\njmh\n\n" + Report.HEADING + "\n\nnew\n\n## Peer-to-peer\n\np2p\n", out);
  }

  @Test
  void appendsTheSectionWhenMissingAndReplacesItAtTheEnd() {
    String out = Report.replaceSection("# B\n\n## JMH\n\nx\n", Report.HEADING + "\n\nnew\n");
    assertEquals("# B\n\n## JMH\n\nx\n\n" + Report.HEADING + "\n\nnew\n", out);
    assertEquals("# B\n\n" + Report.HEADING + "\n\nnewer\n", Report.replaceSection(out.replace("## JMH\n\nx\n\n", ""),
        Report.HEADING + "\n\nnewer\n"));
  }

  @Test
  void tableMarksGoalsAndRatios() {
    Results r = new Results();
    r.add(VerifyLimit.ALL, 10_000);
    r.add(Relay.W1, 7_000);
    r.add(Relay.W2, 1_000);
    String s = Report.section(r, new Report.Context("m", "2026-01-01", "-Xmx1g", true, 1, 1, 2, 20_000, 155));
    assertTrue(s.contains("| 7,000 tx/s | 7,000 | 7,000 | 70% | >= 60% of all-core limit (6,000 tx/s) | met |"), s);
    assertTrue(s.contains("| >= 5,000 tx/s | **missed** |"), s);
    assertTrue(s.contains("not measured"), s);
  }

  @Test
  void jsonCarriesEveryFigureWithItsKeyValuesAndVerdict() {
    Results r = new Results();
    r.add(VerifyLimit.ALL, 10_000);
    r.add(Relay.W1, 7_000);
    r.add(Relay.W1, 5_000);
    r.add(Relay.W1, 6_500);
    r.add(Relay.W2, 1_000);
    r.add(Sync.SPEEDUP, Double.POSITIVE_INFINITY); // a 3-peer sync that took no time: no valid JSON number
    r.note("w4.chain", "200 blocks");
    Report.Context c = new Report.Context("m", "2026-01-01", "-Xmx1g", false, 3, 1, 2, 20_000, 155);
    JsonObject o = Report.json(r, c);
    assertEquals("m", o.get("machine").getAsString());
    assertEquals(3, o.get("runs").getAsInt());
    Map<String, JsonObject> byKey = new HashMap<>();
    for (JsonElement e : o.getAsJsonArray("figures")) {
      byKey.put(e.getAsJsonObject().get("key").getAsString(), e.getAsJsonObject());
    }
    assertEquals(Report.rows(r, c).size(), byKey.size(), "one object per table row, keys distinct");
    JsonObject w1 = byKey.get(Relay.W1);
    assertEquals(6_500, w1.get("median").getAsDouble());
    assertEquals(5_000, w1.get("min").getAsDouble());
    assertEquals(3, w1.getAsJsonArray("values").size());
    assertEquals(0.65, w1.get("ofLimit").getAsDouble(), 1e-9);
    assertTrue(w1.get("met").getAsBoolean());
    assertFalse(byKey.get(Relay.W2).get("met").getAsBoolean());
    assertFalse(byKey.get(Relay.W3).has("median"), "not measured: no values");
    assertTrue(byKey.get(Sync.SPEEDUP).get("median").isJsonNull());
    assertEquals("200 blocks", o.getAsJsonObject("notes").get("w4.chain").getAsString());
    JsonParser.parseString(new Gson().toJson(o)); // serialisable as strict JSON
  }
}
