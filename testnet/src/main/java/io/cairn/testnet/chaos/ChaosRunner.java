package io.cairn.testnet.chaos;

import io.cairn.testnet.chaos.ChaosSchedule.Event;
import io.cairn.testnet.chaos.Verdict.Check;
import io.cairn.testnet.launcher.NodeOps;
import io.cairn.testnet.launcher.Partitions;
import io.cairn.testnet.launcher.Testnet;
import io.cairn.testnet.launcher.TestnetException;
import io.cairn.testnet.launcher.TestnetFile.Node;
import io.cairn.testnet.load.LoadReport;
import io.cairn.testnet.load.LoadRunner;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code cairn testnet chaos}: runs {@link LoadRunner} while injecting the {@link ChaosSchedule}'s
 * faults, then heals everything (restarts dead nodes, lifts partitions), waits for one tip and checks:
 * one tip everywhere; every acknowledged transfer confirmed or refused with a reason; total supply =
 * allocations + rewards; no store needed repair.
 */
public final class ChaosRunner {
  /**
   * Run options.
   *
   * @param duration how long faults and load go on
   * @param seed reproduces the schedule and the load
   * @param tps load rate
   * @param settle how long to wait for convergence and confirmations afterwards
   */
  public record Options(Duration duration, long seed, double tps, Duration settle) {}

  private static final Duration NODE_TIMEOUT = Duration.ofSeconds(60);

  private ChaosRunner() {}

  public static Verdict run(Testnet t, Options o, PrintWriter out) {
    List<Node> running = t.runningNodes();
    if (running.size() != t.nodes().size()) {
      throw new TestnetException(TestnetException.STATE, "chaos needs every node running; down: "
          + t.nodes().stream().filter(n -> !t.running(n)).map(Node::name).toList() + " (start with 'cairn testnet up')");
    }
    List<String> names = t.nodes().stream().map(Node::name).toList();
    boolean partitions = Partitions.supported(t);
    if (!partitions) {
      out.println("chaos: NOTE: these nodes do not offer net_setBlocked, so this run kills and restarts nodes but"
          + " makes no partitions");
    }
    List<Event> schedule = ChaosSchedule.generate(o.seed(), o.duration().toMillis(), names, partitions);
    out.printf(Locale.ROOT, "chaos: seed %d, %d s, %d faults planned, load %.1f tx/s over %s%n", o.seed(),
        o.duration().toSeconds(), schedule.size(), o.tps(), names);
    out.flush();
    Map<String, Long> offsets = Checks.logOffsets(t);
    LoadRunner load = new LoadRunner(t, o.seed(), out);
    load.prepare();
    AtomicBoolean stop = new AtomicBoolean();
    Thread loader = new Thread(() -> load.submit(o.tps(), o.duration(), stop::get), "chaos-load");
    loader.setDaemon(true);
    List<String> done = new ArrayList<>();
    int restarts = 0;
    long start = System.nanoTime();
    loader.start();
    try {
      for (Event e : schedule) {
        long wait = e.atMs() - (System.nanoTime() - start) / 1_000_000;
        if (wait > 0) {
          Checks.sleep(wait);
        }
        out.printf(Locale.ROOT, "  %5.1f s  %s%n", (System.nanoTime() - start) / 1e9, e.describe());
        out.flush();
        done.add(e.describe());
        switch (e.kind()) {
          case KILL -> NodeOps.kill(t, t.node(e.node()));
          case RESTART -> {
            NodeOps.restart(t, t.node(e.node()), NODE_TIMEOUT, new PrintWriter(PrintWriter.nullWriter()));
            restarts++;
          }
          case PARTITION -> Partitions.partition(t, e.groups().stream().map(g -> g.stream().map(t::node).toList()).toList());
          case HEAL -> Partitions.heal(t);
          default -> throw new IllegalStateException();
        }
      }
      long left = o.duration().toMillis() - (System.nanoTime() - start) / 1_000_000;
      if (left > 0) {
        Checks.sleep(left);
      }
    } finally {
      stop.set(true);
      join(loader);
    }
    out.println("  faults over; healing and waiting for the network to agree...");
    out.flush();
    for (Node n : t.nodes()) {
      if (!t.running(n)) {
        NodeOps.restart(t, n, NODE_TIMEOUT, new PrintWriter(PrintWriter.nullWriter()));
        restarts++;
      }
    }
    if (partitions) {
      Partitions.heal(t);
    } else {
      t.runningNodes().forEach(n -> NodeOps.dialPlanned(t, n));
    }
    List<Check> checks = new ArrayList<>();
    LoadReport report = load.finish(o.settle());
    Check tip = Checks.oneTip(t, o.settle());
    checks.add(tip);
    checks.add(new Check("acknowledged transfers confirmed or refused with a reason", report.lost() == 0,
        report.accepted() + " acknowledged: " + report.confirmed() + " confirmed, "
            + report.rejectedLater().values().stream().mapToLong(Long::longValue).sum() + " refused with a reason when sent"
            + " again " + report.rejectedLater() + ", " + report.lost() + " lost"));
    checks.add(Checks.supply(t));
    checks.add(Checks.noRepair(t, offsets, restarts));
    if (!partitions) {
      checks.add(new Check("partitions", true, "skipped: the nodes do not offer net_setBlocked"));
    }
    return new Verdict(o.seed(), done, checks, report);
  }

  private static void join(Thread th) {
    try {
      th.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
