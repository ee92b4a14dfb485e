package io.cairn.testnet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.testnet.bench.cli.BenchCommand;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code cairn testnet bench --quick} end to end on real node processes: the table is printed and
 * written into the --out file's section (the rest of the file kept), and every figure is there and
 * plausible (not fast: speeds are never asserted).
 */
class BenchQuickIT {
  @TempDir Path dir;

  @Test
  void quickBenchProducesThePlausibleTable() throws Exception {
    Path doc = dir.resolve("benchmarks.md");
    Files.writeString(doc, "# Benchmarks\n\nintro\n\n## JMH\n\nkept\n", StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute("--quick", "--json", "--out", doc.toString(), "--base-port", Integer.toString(freeBase()));
    assertEquals(0, code, out + "\n" + err);
    String written = Files.readString(doc, StandardCharsets.UTF_8);
    assertTrue(written.startsWith("# Benchmarks\n\nintro\n\n## JMH\n\nkept\n"), written);
    assertTrue(written.contains(Report.HEADING), written);
    assertTrue(written.contains("| workload | figure | median |"), written);
    // --json: standard output is the JSON document alone (progress went to standard error).
    assertTrue(err.toString().contains("W1 run 1 done"), err.toString());
    JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertTrue(json.get("quick").getAsBoolean());
    Map<String, JsonObject> byKey = new HashMap<>();
    for (JsonElement e : json.getAsJsonArray("figures")) {
      byKey.put(e.getAsJsonObject().get("key").getAsString(), e.getAsJsonObject());
    }
    for (String key : new String[] {VerifyLimit.ONE, Relay.W1, Relay.W1_RSS, Relay.W2, Relay.W3, Sync.TXS_1, Sync.TXS_3,
        Sync.SPEEDUP, Sync.RSS, Sync.BYTES_PER_TX, Gossip.BYTES_MAX, Gossip.COMPACT_MS, Gossip.FULL_MS}) {
      JsonObject f = byKey.get(key);
      assertTrue(f != null && f.has("median") && f.get("median").getAsDouble() > 0, key + " missing or zero in " + json);
    }
    assertTrue(byKey.get(Relay.W1).has("met") && byKey.get(Relay.W1).has("ofLimit"), byKey.get(Relay.W1).toString());
    assertTrue(out.toString().contains("\"goal\": \">= 60%"), "readable, not HTML-escaped: " + out);

    Map<String, Double> medians = medians(written);
    for (String figure : new String[] {"Ed25519 verify, 1 thread", "accepted", "in 3 mempools", "1 peer",
        "3 peers", "speed-up", "peak RSS of the node", "peak RSS of the syncing node", "per transaction",
        "busiest node", "from the block's timestamp", "proof of work found to tip on 2 peers"}) {
      Double v = medians.entrySet().stream().filter(e -> e.getKey().contains(figure)).map(Map.Entry::getValue)
          .findFirst().orElse(null);
      assertTrue(v != null && v > 0, "figure '" + figure + "' missing or zero in\n" + written);
    }
    double rssMib = medians.entrySet().stream().filter(e -> e.getKey().contains("peak RSS of the node"))
        .findFirst().orElseThrow().getValue();
    assertTrue(rssMib > 16 && rssMib < 4096, "RSS of a JVM node in MiB: " + rssMib);
    double perTx = medians.entrySet().stream().filter(e -> e.getKey().contains("busiest node"))
        .findFirst().orElseThrow().getValue();
    assertTrue(perTx > 100 && perTx < 100_000, "a node must receive at least one transaction's bytes: " + perTx);
    assertTrue(written.contains("- w3.tips: tips after the proof of work was found: miner +"), written);
    for (String ms : new String[] {"compact", "mempools empty"}) {
      assertTrue(medians.keySet().stream().anyMatch(k -> k.contains(ms)), ms + " missing in\n" + written);
    }
  }

  /** Row label (workload + figure) to the median cell's number. */
  private static Map<String, Double> medians(String md) {
    Map<String, Double> m = new HashMap<>();
    for (String line : md.split("\n")) {
      String[] c = line.split("\\|");
      if (c.length > 4 && !line.startsWith("|---") && !c[1].strip().equals("workload")) {
        String cell = c[3].strip();
        if (!cell.isEmpty() && Character.isDigit(cell.charAt(0))) {
          m.put(c[1].strip() + " " + c[2].strip(), Double.parseDouble(cell.split(" ")[0].replace(",", "")));
        }
      }
    }
    return m;
  }

  /**
   * A free range of the bench's 160 ports in 28000-31999: below Linux's ephemeral ports (32768 and
   * up), which any client socket may take between the check and a node's bind, and above the
   * defaults of the testnet (17420) and the bench (27420).
   */
  private static int freeBase() {
    int first = 28000 + (int) (ProcessHandle.current().pid() % 20) * 200;
    for (int i = 0; i < 20; i++) {
      int base = 28000 + (first - 28000 + i * 200) % 4000;
      try {
        BenchNet.checkPorts(base);
        return base;
      } catch (IllegalStateException e) {
        // try the next range
      }
    }
    throw new IllegalStateException("no free port range");
  }
}
