package io.cairn.testnet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
