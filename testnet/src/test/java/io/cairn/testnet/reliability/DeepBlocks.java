package io.cairn.testnet.reliability;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the crash test counts as <em>confirmed</em>: a transaction in a block at depth {@code >= k}
 * (that block and {@code k - 1} blocks on top of it) on the majority chain, i.e. the same block hash
 * at that height on a strict majority of all nodes, each of them at least {@code k - 1} blocks above
 * it. Each {@link #poll} walks up from the last recorded height and records every block that now
 * qualifies, with its transactions. A transaction only ever seen in a shallower block, or in a block
 * that was reorganised away before reaching depth {@code k}, is not counted (it may be re-mined or
 * still pending).
 */
final class DeepBlocks {
  /** Where a transaction was confirmed. */
  record Deep(long height, String blockHash) {}

  private final int k;
  private final int nodes;
  private final Map<Long, String> blocks = new HashMap<>();
  private final Map<String, Deep> txs = new LinkedHashMap<>();
  private long next = 1;

  DeepBlocks(int k, int nodes) {
    this.k = k;
    this.nodes = nodes;
  }

  /** Looks at the nodes now (unreachable ones are skipped but still count in the majority's size). */
  synchronized void poll(List<Rpc> rpcs) {
    Map<Rpc, Long> heights = new LinkedHashMap<>();
    for (Rpc r : rpcs) {
      try {
        heights.put(r, r.info().get("height").getAsLong());
      } catch (RuntimeException e) {
        // down or starting: not a vote
      }
    }
    while (true) {
      long h = next;
      Map<String, Integer> votes = new HashMap<>();
      JsonObject sample = null;
      for (Map.Entry<Rpc, Long> e : heights.entrySet()) {
        if (e.getValue() < h + k - 1) {
          continue;
        }
        try {
          JsonObject b = e.getKey().block(h);
          String hash = b.get("hash").getAsString();
          if (votes.merge(hash, 1, Integer::sum) > nodes / 2) {
            sample = b;
          }
        } catch (RuntimeException x) {
          // went down meanwhile
        }
      }
      if (sample == null) {
        return;
      }
      String hash = sample.get("hash").getAsString();
      blocks.put(h, hash);
      for (JsonElement id : sample.getAsJsonArray("txids")) {
        txs.putIfAbsent(id.getAsString(), new Deep(h, hash));
      }
      next = h + 1;
    }
  }

  synchronized Map<String, Deep> transactions() {
    return new LinkedHashMap<>(txs);
  }

  synchronized Map<Long, String> blocks() {
    return new HashMap<>(blocks);
  }

  /** Recorded blocks that {@code r}'s main chain no longer has at their height. */
  synchronized List<Long> replacedOn(Rpc r) {
    List<Long> out = new ArrayList<>();
    for (Map.Entry<Long, String> e : blocks.entrySet()) {
      if (!e.getValue().equals(r.block(e.getKey()).get("hash").getAsString())) {
        out.add(e.getKey());
      }
    }
    return out;
  }
}
