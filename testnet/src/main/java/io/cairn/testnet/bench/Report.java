package io.cairn.testnet.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Markdown table of a benchmark run: one row per figure with its median, min and max over the
 * runs, its ratio to the all-core verify limit where that is meaningful, the goal from the issues and
 * whether it was met. Pure: results in, text out.
 */
final class Report {
  static final String HEADING = "## Network workloads (cairn testnet bench)";
  private static final double MIB = 1024 * 1024;

  /** What the table is about, printed above it. */
  record Context(String machine, String date, String nodeJvm, boolean quick, int runs, double loadBefore,
      double loadAfter, int txs, int txSize) {}

  /** How the figures are produced (fixed text, part of the section). */
  static final String HOW = """
      Every workload runs on fresh node processes started by the benchmark (own temp directory, ports
      from `--base-port`, default 27420) on a dev chain whose genesis funds deterministic senders
      (seeds SHA-256("cairn-bench-sender/" + i), not the dev phrase); blocks are mined on demand with
      `miner_mine`. Each transfer is 1 input to 1 recipient, 155 bytes. Full run: 20,000 transfers,
      W4 chain 200 blocks x 500, upload cap 400 kB/s per peer (low enough that bandwidth, not CPU, bounds
      the 3-peer run), W5 6,000 per block; `--quick`: 2,000, 20 x 100, 50 kB/s, 1,000, one run.

      - **limit**: strict `Ed25519.verify` (Bouncy Castle) in the benchmark's own JVM, 1 thread and one per core.
        The nodes verify in batches (`Ed25519Batch`, 1.6-1.9x that rate per core on the same field
        arithmetic), so a workload could pass 100% of this limit; it stays the issue's single verify.
      - **W1**: one node; the pre-signed transfers from distinct senders as JSON-RPC batches of 100
        `tx_submit`, 4 requests in flight; accepted per second from first request to last answer.
      - **W2**: 3 fully connected nodes; the same transfers to one of them; from the first request until
        every mempool holds all (the end is the last of the nodes' `mempool_info.changedMs`, read by
        polling every 100 ms). **W3**: `miner_mine` there; from the moment the proof of work is found
        (`miner_mine`'s `foundMs`) until both others have the block as tip, by their `tipSinceMs`
        (`chain_info`; one clock, 1 ms steps). The miner checks, stores and pushes the block, then connects it.
      - **W4**: 3 fully connected servers hold the chain; a fresh node is given 1, then 3 of them with
        `net_addPeer`; from the first `net_addPeer` until its height is the tip's (every signature verified;
        the end is the node's own `tipSinceMs`, read by polling `chain_info` every 100 ms).
        Then the servers restart with `max-upload-rate` and the 1-vs-3 pair is repeated. RSS: VmHWM of
        the syncing node; data directory: its size after a stop, divided by the transactions.
      - **W5** (issue 3): 5 fully connected nodes; P2P bytes received (`cairn_p2p_bytes_in_total`, all
        message types, before TLS) per transaction per node during a burst to one node; then the block
        of that burst mined there (compact relay, transactions already in every mempool), and a second
        block mined while that node was cut off (`net_setBlocked`), timed from reconnecting (handshake,
        headers and the full block: the others' mempools are empty).

      `--json` prints the same figures as JSON for scripts: one object per row with a stable `key`
      (e.g. `w1`, `w4.txs.3`), every run's value, median, min, max, `ofLimit` (a fraction), goal and `met`.
      """;

  private Report() {}

  /** One table row; {@code key}: the figure's stable name (in the JSON report). */
  record Row(String key, String workload, String figure, Optional<Sample> sample, String unit, boolean ratio,
      String goal, Optional<Boolean> met) {}

  static List<Row> rows(Results r, Context c) {
    double allCore = r.sample(VerifyLimit.ALL).map(Sample::median).orElse(Double.NaN);
    List<Row> rows = new ArrayList<>();
    rows.add(row(r, VerifyLimit.ONE, "limit", "Ed25519 verify, 1 thread", "/s", 1, false, "", null));
    rows.add(row(r, VerifyLimit.ALL, "limit", "Ed25519 verify, all " + Machine.cores() + " cores", "/s", 1, false, "", null));
    double w1Goal = 0.6 * allCore;
    rows.add(row(r, Relay.W1, "W1 mempool", c.txs() + " transfers, batches of 100, accepted", "tx/s", 1, true,
        String.format(Locale.ROOT, ">= 60%% of all-core limit (%,.0f tx/s)", w1Goal), m -> m >= w1Goal));
    rows.add(row(r, Relay.W1_RSS, "W1 mempool", "peak RSS of the node (VmHWM)", "MiB", 1 / MIB, false, "< 134 MiB",
        m -> m < 134));
    rows.add(row(r, Relay.W2, "W2 relay", "all " + c.txs() + " in 3 mempools, end to end", "tx/s", 1, true,
        ">= 5,000 tx/s", m -> m >= 5000));
    Optional<Sample> bytes = r.sample(Relay.W3_BYTES);
    boolean full = bytes.isPresent() && bytes.get().median() >= 900_000;
    rows.add(row(r, Relay.W3, "W3 block", "block of " + fmt(r.sample(Relay.W3_TXS)) + " txs, "
        + fmt(bytes.map(s -> Sample.of(s.median() / 1000))) + " kB: proof of work found to tip on 2 peers", "ms", 1, false,
        "< 50 ms (full 1 MB block)", full ? m -> m < 50 : null));
    rows.add(row(r, Relay.W3_STAMP, "W3 block", "from the block's timestamp (its template and the mining included) to "
        + "tip on 2 peers", "ms", 1, false, "", null));
    for (int p : new int[] {1, 3}) {
      String sfx = p == 1 ? "1 peer" : "3 peers";
      rows.add(row(r, p == 1 ? Sync.TXS_1 : Sync.TXS_3, "W4 sync", r.noteOf("w4.chain").orElse("chain") + ", " + sfx,
          "tx/s", 1, true, ">= 20,000 tx/s", m -> m >= 20_000));
      rows.add(row(r, p == 1 ? Sync.BLOCKS_1 : Sync.BLOCKS_3, "W4 sync", sfx, "blocks/s", 1, false, "", null));
      rows.add(row(r, p == 1 ? Sync.SECONDS_1 : Sync.SECONDS_3, "W4 sync", sfx + ", time to tip", "s", 1, false, "",
          null));
    }
    rows.add(row(r, Sync.CAPPED_1, "W4 capped", r.noteOf("w4.cap").orElse("upload capped") + ", 1 peer, time to tip", "s",
        1, false, "", null));
    rows.add(row(r, Sync.CAPPED_3, "W4 capped", "3 peers, time to tip", "s", 1, false, "", null));
    rows.add(row(r, Sync.SPEEDUP, "W4 capped", "speed-up 3 peers over 1", "x", 1, false, ">= 2.4x", m -> m >= 2.4));
    rows.add(row(r, Sync.RSS, "W4 sync", "peak RSS of the syncing node (VmHWM)", "MiB", 1 / MIB, false, "< 116 MiB",
        m -> m < 116));
    rows.add(row(r, Sync.BYTES_PER_TX, "W4 sync", "data directory after sync, per transaction", "B/tx", 1, false,
        "< 400 B/tx", m -> m < 400));
    double p2pGoal = 1.5 * c.txSize();
    rows.add(row(r, Gossip.BYTES_MAX, "W5 P2P", "5-node mesh: P2P bytes received per tx, busiest node", "B/tx", 1,
        false, String.format(Locale.ROOT, "< 1.5 x tx size (%.0f B)", p2pGoal), m -> m < p2pGoal));
    rows.add(row(r, Gossip.BYTES_MEAN, "W5 P2P", "P2P bytes received per tx, mean of the 5 nodes", "B/tx", 1, false,
        "", null));
    rows.add(row(r, Gossip.COMPACT_MS, "W5 P2P", "block of " + fmt(r.sample(Gossip.BLOCK_TXS))
        + " txs, proof of work found to tip on all 4 peers, txs in their mempools (compact)", "ms", 1, false, "", null));
    rows.add(row(r, Gossip.FULL_MS, "W5 P2P", "same size, their mempools empty (from reconnect)", "ms", 1, false, "",
        null));
    return rows;
  }

  private static Row row(Results r, String key, String w, String figure, String unit, double scale, boolean ratio,
      String goal, java.util.function.DoublePredicate met) {
    Optional<Sample> s = r.sample(key).map(x -> new Sample(x.values().stream().map(v -> v * scale).toList()));
    Optional<Boolean> m = met == null || s.isEmpty() ? Optional.empty() : Optional.of(met.test(s.get().median()));
    return new Row(key, w, figure, s, unit, ratio, goal, m);
  }

  /** The section text: heading, context, table, notes. */
  static String section(Results r, Context c) {
    double allCore = r.sample(VerifyLimit.ALL).map(Sample::median).orElse(Double.NaN);
    StringBuilder sb = new StringBuilder(HEADING).append("\n\n");
    sb.append("Written by `./cairn testnet bench").append(c.quick() ? " --quick" : "").append(" --out docs/benchmarks.md`")
        .append(" (").append(c.date()).append("; ").append(c.runs()).append(c.runs() == 1 ? " run" : " runs")
        .append(" per figure: median, min, max").append(c.quick() ? "; --quick: reduced sizes, not the published figures" : "")
        .append(").\n\n");
    sb.append(HOW).append('\n');
    sb.append("- machine: ").append(c.machine()).append('\n');
    sb.append(String.format(Locale.ROOT, "- load average (1 min): %.2f before, %.2f after%n", c.loadBefore(),
        c.loadAfter()));
    sb.append("- node JVM: `").append(c.nodeJvm()).append("`\n");
    sb.append("- \"of limit\": the median divided by the all-core Ed25519 verify rate measured in this run\n\n");
    sb.append("| workload | figure | median | min | max | of limit | goal | met |\n");
    sb.append("|---|---|---:|---:|---:|---:|---|---|\n");
    for (Row row : rows(r, c)) {
      sb.append("| ").append(row.workload()).append(" | ").append(row.figure()).append(" | ");
      if (row.sample().isPresent()) {
        Sample s = row.sample().get();
        sb.append(num(s.median())).append(' ').append(row.unit()).append(" | ").append(num(s.min())).append(" | ")
            .append(num(s.max())).append(" | ");
        sb.append(row.ratio() && allCore > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * s.median() / allCore) : "");
      } else {
        sb.append("not measured | | | ");
      }
      sb.append(" | ").append(row.goal()).append(" | ")
          .append(row.met().map(b -> b ? "met" : "**missed**").orElse(row.goal().isEmpty() ? "" : "n/a")).append(" |\n");
    }
    if (!r.notes().isEmpty()) {
      sb.append('\n');
      r.notes().forEach((k, v) -> sb.append("- ").append(k).append(": ").append(v).append('\n'));
    }
    return sb.toString();
  }

  /**
   * The same run as JSON for scripts: the context, one object per figure (stable {@code key}, the
   * values of every run, median, min, max, {@code ofLimit} as a fraction where the table shows it,
   * goal and {@code met}; figures not measured have no values) and the notes.
   */
  static JsonObject json(Results r, Context c) {
    double allCore = r.sample(VerifyLimit.ALL).map(Sample::median).orElse(Double.NaN);
    JsonObject o = new JsonObject();
    o.addProperty("machine", c.machine());
    o.addProperty("date", c.date());
    o.addProperty("quick", c.quick());
    o.addProperty("runs", c.runs());
    o.addProperty("loadBefore", c.loadBefore());
    o.addProperty("loadAfter", c.loadAfter());
    o.addProperty("nodeJvm", c.nodeJvm());
    JsonArray figures = new JsonArray();
    for (Row row : rows(r, c)) {
      JsonObject f = new JsonObject();
      f.addProperty("key", row.key());
      f.addProperty("workload", row.workload());
      f.addProperty("figure", row.figure());
      f.addProperty("unit", row.unit());
      row.sample().ifPresent(s -> {
        JsonArray values = new JsonArray();
        s.values().forEach(v -> values.add(finite(v)));
        f.add("values", values);
        f.add("median", finite(s.median()));
        f.add("min", finite(s.min()));
        f.add("max", finite(s.max()));
        if (row.ratio() && allCore > 0) {
          f.add("ofLimit", finite(s.median() / allCore));
        }
      });
      if (!row.goal().isEmpty()) {
        f.addProperty("goal", row.goal());
      }
      row.met().ifPresent(m -> f.addProperty("met", m));
      figures.add(f);
    }
    o.add("figures", figures);
    JsonObject notes = new JsonObject();
    r.notes().forEach(notes::addProperty);
    o.add("notes", notes);
    return o;
  }

  /** JSON has no NaN or infinity: such a value (a failed measurement) is null. */
  private static JsonElement finite(double v) {
    return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
  }

  static String num(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    double a = Math.abs(v);
    return a >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : a >= 10 ? String.format(Locale.ROOT, "%.1f", v)
        : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String fmt(Optional<Sample> s) {
    return s.map(x -> num(x.median())).orElse("?");
  }

  /**
   * {@code doc} with its {@value #HEADING} section (up to the next level-2 heading) replaced by
   * {@code section}, or with {@code section} appended when it has none. The rest is kept byte for byte.
   */
  static String replaceSection(String doc, String section) {
    String body = section.endsWith("\n") ? section : section + "\n";
    int start = doc.startsWith(HEADING) ? 0 : doc.indexOf("\n" + HEADING);
    if (start < 0) {
      return doc + (doc.endsWith("\n") ? "\n" : "\n\n") + body;
    }
    if (start > 0) {
      start++;
    }
    int next = doc.indexOf("\n## ", start + HEADING.length());
    String rest = next < 0 ? "" : "\n" + doc.substring(next + 1);
    return doc.substring(0, start) + body + rest;
  }
}
