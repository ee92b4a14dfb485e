package io.cairn.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cairn.common.amount.Amount;
import io.cairn.common.codec.Writer;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.node.testing.ChainBuilder;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: a child JVM ({@link CrashChild}) connects a scripted chain with forks, reorgs and
 * an invalid branch, and is killed with SIGKILL at random points (at least 20 times; 100 with
 * {@code -Dcairn.slow=true}). After every kill the store must reopen and pass
 * {@link StoreChecks#assertConsistent} (tip fully applied, indexes agree with the tip chain,
 * accounts equal a replay from genesis, supply invariant), with the same accounts the builder
 * computed for that tip, and the engine must reopen on it.
 */
class ChainStoreCrashIT {
  private static final long SEED = Long.getLong("cairn.crash.seed", 20260101L);
  private static final int KILLS = Boolean.getBoolean("cairn.slow") ? 100 : 20;

  @TempDir
  Path dir;

  @Test
  void storeIsConsistentAfterEverySigkill() throws Exception {
    Random random = new Random(SEED);
    ChainBuilder chain = ChainBuilder.create(TestSpecs.easy());
    List<Block> script = script(chain, random, KILLS * 12);
    Path scriptFile = dir.resolve("script.bin");
    Writer w = new Writer();
    for (Block b : script) {
      w.bytes32(b.encode());
    }
    Files.write(scriptFile, w.toByteArray());
    Path db = dir.resolve("db");

    int kills = 0;
    long lastHeaders = 0;
    boolean done = false;
    while (kills < KILLS && !done) {
      int blocksBeforeKill = random.nextInt(9);
      long extraMicros = random.nextInt(30_000);
      done = runChildAndKill(db, scriptFile, blocksBeforeKill, extraMicros);
      if (!done) {
        kills++;
      }
      try (ChainStore store = ChainStore.open(db, chain.spec())) {
        var state = StoreChecks.assertConsistent(store);
        Hash tip = store.tipHash();
        assertEquals(chain.state(tip), state, "accounts at tip " + tip + " after kill " + kills);
        long headers = store.count(Schema.HEADERS);
        assertTrue(headers >= lastHeaders, "stored headers went down from " + lastHeaders + " to " + headers);
        lastHeaders = headers;
        ChainEngine.open(store, io.cairn.node.consensus.SignatureCheck.DIRECT);
        StoreChecks.assertConsistent(store);
      }
    }
    assertTrue(kills >= KILLS, "the script ran out after " + kills + " kills; make it longer");
    assertTrue(lastHeaders > KILLS, "the child made too little progress: " + lastHeaders + " headers");
  }

  /**
   * Runs the child until it printed {@code blocks} block lines after ready, lets it run on for
   * {@code extraMicros} (the random moment of the kill inside the next block's writes; not a wait
   * for anything), then SIGKILLs it. True if it finished the script instead.
   */
  private boolean runChildAndKill(Path db, Path script, int blocks, long extraMicros) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), db.toString(), script.toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    List<String> seen = new ArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException e) {
        // the child was killed; the stream ends
      }
      lines.add("<eof>");
    }, "crash-child-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      int blockLines = 0;
      boolean ready = false;
      while (!ready || blockLines < blocks) {
        String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (line == null) {
          fail("child made no progress within 30 s; output: " + seen);
        }
        seen.add(line);
        if (line.startsWith("ready")) {
          ready = true;
        } else if (line.startsWith("block ")) {
          blockLines++;
        } else if (line.equals("done")) {
          return true;
        } else if (line.equals("<eof>")) {
          fail("child exited early; output: " + seen);
        }
      }
      TimeUnit.MICROSECONDS.sleep(extraMicros);
      return false;
    } finally {
      p.destroyForcibly();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        fail("child did not die after SIGKILL");
      }
      reader.join(5_000);
    }
  }

  /**
   * A deterministic script of about {@code n} blocks: mostly blocks with transfers extending the
   * best chain, sometimes a heavier fork from up to 3 blocks down (a reorg), sometimes a heavier
   * fork holding an invalid block (marked invalid, then back to the main chain).
   */
  static List<Block> script(ChainBuilder chain, Random random, int n) {
    List<Block> out = new ArrayList<>();
    List<Block> best = new ArrayList<>(List.of(chain.genesis()));
    int salt = 0;
    while (out.size() < n) {
      int roll = random.nextInt(10);
      Block tip = best.get(best.size() - 1);
      if (roll < 7 || best.size() < 5) {
        Block b = busy(chain, tip.hash(), salt++);
        out.add(b);
        best.add(b);
      } else if (roll < 9) {
        int depth = 1 + random.nextInt(3);
        Block fork = best.get(best.size() - 1 - depth);
        List<Block> branch = new ArrayList<>();
        Hash p = fork.hash();
        for (int i = 0; i <= depth; i++) {
          Block b = busy(chain, p, salt++);
          branch.add(b);
          p = b.hash();
        }
        out.addAll(branch);
        best = new ArrayList<>(best.subList(0, best.size() - depth));
        best.addAll(branch);
      } else {
        Block fork = best.get(best.size() - 3);
        Block ok = busy(chain, fork.hash(), salt++);
        Block bad = chain.on(ok).transfer(TestKey.of(77), TestKey.of(1).address(), Amount.ofCrn(1),
            chain.spec().minFee()).mine();
        out.add(ok);
        out.add(bad);
        out.addAll(chain.extend(bad.hash(), 2));
      }
    }
    return out;
  }

  private static Block busy(ChainBuilder chain, Hash parent, int salt) {
    return chain.on(parent)
        .transfer(salt % 10, TestKey.of(20 + salt % 13).address(), Amount.ofUnits(100_000 + salt))
        .transfer((salt + 5) % 10, TestKey.of(30 + salt % 3).address(), Amount.ofUnits(7 + salt))
        .mine();
  }
}
