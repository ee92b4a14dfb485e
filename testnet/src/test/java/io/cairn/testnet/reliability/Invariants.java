package io.cairn.testnet.reliability;

import io.cairn.testnet.plan.TestnetPlan;
import io.cairn.wallet.keys.DevAccounts;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks shared by the reliability tests: total supply on one node, and store trouble in a node log. */
final class Invariants {
  /**
   * A log line that means the store was not fine: an ERROR line, or any mention of repair, recovery,
   * corruption, inconsistency, a store exception or RocksDB trouble. (Finishing an interrupted
   * reorganisation on open is normal and logs none of these.)
   */
  static final Pattern STORE_TROUBLE = Pattern.compile(
      "(?i)( ERROR |repair|recover|corrupt|inconsisten|StoreException|RocksDBException)");

  private Invariants() {}

  /** Supply at one tip of one node. */
  record Supply(long height, String tip, long sum, long expected) {
    boolean ok() {
      return sum == expected;
    }
  }

  /**
   * The sum of balances over the dev accounts 0-9 (every allocation, and the only senders and
   * recipients of the tests' transfers) and the miner addresses of nodes 0..nodes-1, at one tip (read
   * again until the tip did not move while summing), next to allocations + height x reward.
   */
  static Supply supply(Rpc rpc, int nodes) {
    List<String> addrs = new ArrayList<>();
    DevAccounts.addresses().forEach(a -> addrs.add(a.encode(TestnetPlan.PREFIX)));
    for (int i = 0; i < nodes; i++) {
      addrs.add(TestnetPlan.minerAddress(i).encode(TestnetPlan.PREFIX));
    }
    for (int attempt = 0; ; attempt++) {
      var before = rpc.info();
      long sum = 0;
      for (String a : addrs) {
        sum = Math.addExact(sum, rpc.balance(a));
      }
      var after = rpc.info();
      if (before.get("tipHash").equals(after.get("tipHash")) || attempt == 20) {
        long h = before.get("height").getAsLong();
        long expected = TestnetPlan.DEV_ALLOCATION.units() * DevAccounts.COUNT + h * TestnetPlan.BLOCK_REWARD.units();
        return new Supply(h, before.get("tipHash").getAsString(), sum, expected);
      }
    }
  }

  /** The size of a log file now (0 when missing), to scan only what is written after. */
  static long size(Path log) {
    try {
      return Files.size(log);
    } catch (IOException e) {
      return 0;
    }
  }

  /** The lines of {@code log} from byte {@code offset} on that match {@link #STORE_TROUBLE}. */
  static List<String> troubleSince(Path log, long offset) {
    List<String> hits = new ArrayList<>();
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      f.seek(Math.min(offset, f.length()));
      String line;
      while ((line = f.readLine()) != null) {
        if (STORE_TROUBLE.matcher(line).find()) {
          hits.add(new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).strip());
        }
      }
    } catch (IOException e) {
      // no log yet: nothing logged
    }
    return hits;
  }
}
