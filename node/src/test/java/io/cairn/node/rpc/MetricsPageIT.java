package io.cairn.node.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.reason.Reason;
import io.cairn.node.metrics.NodeMetrics;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /metrics over real HTTP is valid Prometheus text and reports what the node told NodeMetrics. */
class MetricsPageIT {
  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
  private static final Pattern SAMPLE = Pattern.compile(
      "(" + NAME + ")(\\{(?:" + LABEL + ")(?:," + LABEL + ")*,?\\})? "
          + "([-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?Inf|NaN)( -?[0-9]+)?");
  private static final Pattern COMMENT = Pattern.compile("# (HELP " + NAME + " .*|TYPE " + NAME
      + " (counter|gauge|histogram|summary|untyped))|#.*");

  @TempDir Path dir;

  /**
   * Checks the text exposition format line by line: comments, or {@code name{labels} value
   * [timestamp]}; returns the samples by their {@code name{labels}}.
   */
  static Map<String, Double> parse(String page) {
    Map<String, Double> samples = new HashMap<>();
    assertTrue(page.endsWith("\n"), "the page ends with a newline");
    int lineNo = 0;
    for (String line : page.split("\n", -1)) {
      lineNo++;
      if (line.isEmpty() || line.startsWith("#")) {
        assertTrue(line.isEmpty() || COMMENT.matcher(line).matches(), "line " + lineNo + ": " + line);
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      assertTrue(m.matches(), "line " + lineNo + " is not 'name{labels} value': " + line);
      String key = m.group(1) + (m.group(2) == null ? "" : m.group(2));
      assertFalse(samples.containsKey(key), "duplicate sample " + key);
      String v = m.group(3);
      samples.put(key, v.endsWith("Inf") ? (v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
          : Double.parseDouble(v));
    }
    return samples;
  }

  @Test
  void pageParsesAndCarriesTheNodesFigures() throws Exception {
    NodeMetrics metrics = new NodeMetrics()
        .bindHeight(() -> 42)
        .bindPeers(() -> 3)
        .bindMempool(() -> 17, () -> 3_400);
    metrics.txAccepted();
    metrics.txAccepted();
    metrics.txRejected(Reason.FEE_TOO_LOW);
    metrics.txRejected(Reason.NONCE_TOO_LOW);
    metrics.txRejected(Reason.NONCE_TOO_LOW);
    metrics.blockConnected(42, 1_000, 50_000);
    metrics.reorg(2);
    metrics.bytesIn("tx", 500);
    metrics.bytesOut("block", 1_000_000);
    metrics.itemReceived("tx", false);
    metrics.itemReceived("tx", true);
    metrics.signaturesVerified(1_000, 40_000_000);

    FakeNode node = new FakeNode();
    try (RpcServer server = RpcServer.start(RpcTestClient.testConfig(dir), node, node, metrics)) {
      RpcTestClient rpc = new RpcTestClient(server);
      rpc.result("node_version", null);
      rpc.call("no_such_method", null);
      HttpResponse<String> r = rpc.get("/metrics", true);
      assertEquals(200, r.statusCode());
      assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/plain; version=0.0.4"));
      Map<String, Double> s = parse(r.body());
      assertEquals(42.0, s.get("cairn_chain_height"));
      assertEquals(3.0, s.get("cairn_peers"));
      assertEquals(17.0, s.get("cairn_mempool_transactions"));
      assertEquals(3_400.0, s.get("cairn_mempool_bytes"));
      assertEquals(2.0, s.get("cairn_tx_accepted_total"));
      assertEquals(1.0, s.get("cairn_tx_rejected_total{reason=\"fee-too-low\"}"));
      assertEquals(2.0, s.get("cairn_tx_rejected_total{reason=\"nonce-too-low\"}"));
      assertEquals(1.0, s.get("cairn_blocks_connected_total"));
      assertEquals(1_000.0, s.get("cairn_block_transactions_total"));
      assertEquals(20_000.0, s.get("cairn_block_verify_tx_per_second"));
      assertEquals(1.0, s.get("cairn_block_connect_seconds_count"));
      assertEquals(1.0, s.get("cairn_block_connect_seconds_bucket{le=\"0.05\"}"));
      assertEquals(0.0, s.get("cairn_block_connect_seconds_bucket{le=\"0.025\"}"));
      assertEquals(1.0, s.get("cairn_reorgs_total"));
      assertEquals(2.0, s.get("cairn_reorg_depth_sum"));
      assertEquals(500.0, s.get("cairn_p2p_bytes_in_total{type=\"tx\"}"));
      assertEquals(1_000_000.0, s.get("cairn_p2p_bytes_out_total{type=\"block\"}"));
      assertEquals(2.0, s.get("cairn_p2p_items_received_total{kind=\"tx\"}"));
      assertEquals(1.0, s.get("cairn_p2p_duplicates_received_total{kind=\"tx\"}"));
      assertEquals(1_000.0, s.get("cairn_signatures_verified_total"));
      assertEquals(0.04, s.get("cairn_signature_verify_seconds_total"), 1e-9);
      assertEquals(1.0, s.get("cairn_rpc_requests_total{method=\"node_version\",outcome=\"ok\"}"));
      assertEquals(1.0, s.get("cairn_rpc_requests_total{method=\"unknown\",outcome=\"error\"}"));
    }
  }

  @Test
  void aFailingSupplierDropsOnlyItsGauge() {
    NodeMetrics metrics = new NodeMetrics().bindPeers(() -> {
      throw new IllegalStateException("peer manager stopped");
    });
    Map<String, Double> s = parse(metrics.scrape());
    assertFalse(s.containsKey("cairn_peers"));
    assertEquals(0.0, s.get("cairn_chain_height"));
  }

  @Test
  void checkerRejectsWhatIsNotPrometheusText() {
    for (String bad : new String[] {"cairn_x\n", "cairn x 1\n", "cairn_x{a=b} 1\n", "cairn_x 1", "cairn_x one\n"}) {
      AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> parse(bad), bad);
      assertTrue(e.getMessage() != null);
    }
    assertEquals(1.5, parse("# TYPE a gauge\na{b=\"c\"} 1.5\n").get("a{b=\"c\"}"));
  }
}
