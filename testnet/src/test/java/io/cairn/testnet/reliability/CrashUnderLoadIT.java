package io.cairn.testnet.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.testnet.launcher.JavaCommand;
import io.cairn.testnet.launcher.NodeOps;
import io.cairn.testnet.launcher.NodeRpc;
import io.cairn.testnet.launcher.Stop;
import io.cairn.testnet.launcher.Testnet;
import io.cairn.testnet.launcher.TestnetException;
import io.cairn.testnet.launcher.TestnetFile.Node;
import io.cairn.testnet.launcher.Up;
import io.cairn.testnet.load.LoadReport;
import io.cairn.testnet.load.LoadRunner;
import io.cairn.testnet.plan.PlanOptions;
import io.cairn.testnet.plan.Topology;
import io.cairn.testnet.testing.TestPorts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety under load: a 3-node testnet of real node processes (2 miners, 1 s blocks) with signed
 * transfers flowing ({@link LoadRunner}, 4 tx/s to random live nodes), while random nodes are killed
 * with SIGKILL at random moments (seeded; 30 kills, 200 with {@code -Dcairn.slow=true}), some of them
 * again while the node is still opening its store and syncing. After every restart: the node serves,
 * its log shows no store trouble ({@link Invariants#STORE_TROUBLE}), and it catches up with the
 * others. At the end: every transaction confirmed at depth {@code >= K} on the majority chain at any
 * point ({@link DeepBlocks}) is confirmed on every node; every transfer the RPC acknowledged is
 * confirmed or refused with a reason; total supply = allocations + reward x height on every node.
 * Every node process is stopped by PID in the finally block.
 */
class CrashUnderLoadIT {
  static final boolean SLOW = Boolean.getBoolean("cairn.slow");
  static final int KILLS = Integer.getInteger("cairn.crash.kills", SLOW ? 200 : 30);
  static final long SEED = Long.getLong("cairn.crash.seed", 20_240_901L);
  /** Depth at which a transaction counts as confirmed. */
  static final int K = 3;
  static final Duration NODE_TIMEOUT = Duration.ofSeconds(90);
  static final Duration CATCH_UP = Duration.ofSeconds(60);

  @Test
  void sigkillUnderLoadLosesNothingConfirmed(@TempDir Path dir) throws Exception {
    SplittableRandom rnd = new SplittableRandom(SEED);
    StringWriter buf = new StringWriter();
    PrintWriter out = new PrintWriter(buf, true);
    Set<Long> pids = new HashSet<>();
    Testnet t = null;
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    long started = System.nanoTime();
    try {
      t = Up.run(dir, JavaCommand.current(), new Up.Request(new PlanOptions(3, 2, 1000, Topology.MESH, freeBase(3), 1,
          2000), false, NODE_TIMEOUT), System.currentTimeMillis(), out);
      Testnet net = t;
      net.nodes().forEach(n -> pids.add(n.pid()));
      List<Rpc> rpcs = net.nodes().stream().map(n -> (Rpc) net.rpc(n)::call).toList();
      DeepBlocks deep = new DeepBlocks(K, net.nodes().size());

      LoadRunner load = new LoadRunner(net, SEED, out);
      load.prepare();
      Thread loader = daemon("crash-load", () -> load.submit(4, Duration.ofHours(1), stop::get));
      Thread watcher = daemon("crash-watch", () -> {
        while (!stop.get()) {
          deep.poll(rpcs);
          pause(400);
        }
      });
      threads.add(loader);
      threads.add(watcher);
      loader.start();
      watcher.start();

      int kills = 0;
      int duringStartup = 0;
      long maxCatchUpMs = 0;
      while (kills < KILLS) {
        pause(200 + rnd.nextInt(1200));
        Node victim = net.nodes().get(rnd.nextInt(net.nodes().size()));
        long offset = Invariants.size(net.layout().logFile(victim.name()));
        NodeOps.kill(net, victim);
        kills++;
        if (kills < KILLS && rnd.nextInt(5) == 0) {
          // Again while it opens its store or syncs: a moment a steady-state kill never hits.
          Node again = net.start(net.node(victim.name()));
          pids.add(again.pid());
          pause(200 + rnd.nextInt(2500));
          try {
            NodeOps.kill(net, again);
            kills++;
            duringStartup++;
          } catch (TestnetException e) {
            throw new AssertionError(victim.name() + " died on its own while starting:\n"
                + net.logTail(again, 40), e);
          }
        }
        pause(rnd.nextInt(400));
        Node back = NodeOps.restart(net, net.node(victim.name()), NODE_TIMEOUT, new PrintWriter(PrintWriter.nullWriter()));
        pids.add(back.pid());
        long catchUp = awaitCaughtUp(net, back);
        maxCatchUpMs = Math.max(maxCatchUpMs, catchUp);
        List<String> trouble = Invariants.troubleSince(net.layout().logFile(back.name()), offset);
        assertTrue(trouble.isEmpty(), "kill " + kills + ": " + back.name() + " logged store trouble: " + trouble);
      }
      stop.set(true);
      for (Thread th : threads) {
        th.join(30_000);
      }
      out.printf(Locale.ROOT, "crash: %d SIGKILLs (%d while starting) in %.0f s, slowest catch-up %d ms%n", kills,
          duringStartup, (System.nanoTime() - started) / 1e9, maxCatchUpMs);

      LoadReport report = load.finish(Duration.ofSeconds(60));
      out.println("load: " + report.text());
      assertEquals(0, report.lost(), "acknowledged transfers lost: " + report.text());
      assertTrue(report.confirmed() > 0, "transfers were confirmed: " + report.text());

      awaitOneTip(net);
      deep.poll(rpcs);
      Map<String, DeepBlocks.Deep> confirmed = deep.transactions();
      int replaced = 0;
      for (Node n : net.nodes()) {
        NodeRpc rpc = net.rpc(n);
        for (Map.Entry<String, DeepBlocks.Deep> e : confirmed.entrySet()) {
          var st = ((Rpc) rpc::call).tx(e.getKey());
          assertEquals("confirmed", st.get("status").getAsString(), n.name() + " lost " + e.getKey() + " confirmed in "
              + e.getValue());
        }
        replaced = Math.max(replaced, deep.replacedOn(rpc::call).size());
        Invariants.Supply s = Invariants.supply(rpc::call, net.nodes().size());
        assertTrue(s.ok(), n.name() + ": " + s);
        out.printf(Locale.ROOT, "  %s: height %d, supply %d = %d%n", n.name(), s.height(), s.sum(), s.expected());
      }
      long txs = confirmed.size();
      out.printf(Locale.ROOT, "crash: %d transactions confirmed at depth >= %d (in %d blocks) checked on %d nodes: 0 lost;"
          + " %d deep blocks later replaced; total %.0f s%n", txs, K, deep.blocks().size(), net.nodes().size(), replaced,
          (System.nanoTime() - started) / 1e9);
      assertTrue(txs >= 20, "enough transactions reached depth " + K + " to mean something: " + txs);
      System.out.println(buf);
    } catch (AssertionError | RuntimeException e) {
      System.out.println(buf);
      if (t != null) {
        for (Node n : t.nodes()) {
          System.out.println("---- " + n.name() + " log tail\n" + t.logTail(n, 30));
        }
      }
      throw e;
    } finally {
      stop.set(true);
      if (t != null) {
        Stop.down(t);
      }
      for (long pid : pids) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  /** Waits until {@code n} has the block another node had as its tip when this began; ms taken. */
  private static long awaitCaughtUp(Testnet t, Node n) {
    long start = System.nanoTime();
    long targetHeight = -1;
    String targetHash = null;
    for (Node o : t.nodes()) {
      if (o.name().equals(n.name())) {
        continue;
      }
      try {
        var info = t.rpc(o).object("chain_info");
        if (info.get("height").getAsLong() > targetHeight) {
          targetHeight = info.get("height").getAsLong();
          targetHash = info.get("tipHash").getAsString();
        }
      } catch (NodeRpc.RpcException e) {
        // down
      }
    }
    long deadline = start + CATCH_UP.toNanos();
    Rpc rpc = t.rpc(n)::call;
    while (true) {
      try {
        long h = rpc.info().get("height").getAsLong();
        if (targetHash == null || h >= targetHeight && (rpc.block(targetHeight).get("hash").getAsString().equals(targetHash)
            || h > targetHeight + K)) {
          return (System.nanoTime() - start) / 1_000_000;
        }
      } catch (RuntimeException e) {
        // not yet
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(n.name() + " did not catch up with height " + targetHeight + " (" + targetHash + ") in "
            + CATCH_UP.toSeconds() + " s:\n" + t.logTail(n, 40));
      }
      pause(100);
    }
  }

  /** Every node reports the same tip (miners keep mining, so look until one moment agrees). */
  private static void awaitOneTip(Testnet t) {
    long deadline = System.nanoTime() + CATCH_UP.toNanos();
    List<String> tips = List.of();
    while (System.nanoTime() < deadline) {
      tips = t.nodes().stream().map(n -> {
        try {
          return t.rpc(n).object("chain_info").get("tipHash").getAsString();
        } catch (NodeRpc.RpcException e) {
          return "down " + n.name();
        }
      }).toList();
      if (tips.stream().distinct().count() == 1) {
        return;
      }
      pause(200);
    }
    throw new AssertionError("no single tip in " + CATCH_UP.toSeconds() + " s: " + tips);
  }

  static Thread daemon(String name, Runnable r) {
    Thread th = new Thread(r, name);
    th.setDaemon(true);
    return th;
  }

  static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A base port with 2n free ports above it, in this test's range 24000-26999 (see {@link TestPorts}). */
  static int freeBase(int nodes) {
    return TestPorts.freeBase(nodes, 24_000, 27_000);
  }
}
