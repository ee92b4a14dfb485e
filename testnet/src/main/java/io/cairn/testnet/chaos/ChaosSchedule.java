package io.cairn.testnet.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The faults of a chaos run, decided up front from the seed (pure: the same seed, duration and nodes
 * give the same schedule). Faults come in episodes that do not overlap: kill a node with SIGKILL and
 * start it again 2-5 s later, or split the nodes into two random groups and heal 3-7 s later; 1-3 s
 * pass between episodes. With one node there is nothing to partition, so only kills.
 */
public final class ChaosSchedule {
  private ChaosSchedule() {}

  /** What happens. */
  public enum Kind { KILL, RESTART, PARTITION, HEAL }

  /**
   * One fault at {@code atMs} after the start.
   *
   * @param node the node killed or restarted (else null)
   * @param groups the partition's groups (else empty)
   */
  public record Event(long atMs, Kind kind, String node, List<List<String>> groups) {
    public Event {
      groups = groups.stream().map(List::copyOf).toList();
    }

    public String describe() {
      return switch (kind) {
        case KILL -> "kill " + node + " (SIGKILL)";
        case RESTART -> "restart " + node;
        case PARTITION -> "partition " + String.join(" ", groups.stream().map(g -> String.join(",", g)).toList());
        case HEAL -> "heal";
      };
    }
  }

  /**
   * The schedule.
   *
   * @param partitions whether partitions may be used (the nodes support them)
   */
  public static List<Event> generate(long seed, long durationMs, List<String> nodes, boolean partitions) {
    SplittableRandom r = new SplittableRandom(seed); // java.util.Random repeats the same victim for some seeds
    List<Event> out = new ArrayList<>();
    long t = 1_000 + r.nextInt(2_000);
    while (true) {
      boolean coin = r.nextBoolean();
      boolean partition = partitions && nodes.size() > 1 && coin;
      long length = partition ? 3_000 + r.nextInt(4_001) : 2_000 + r.nextInt(3_001);
      if (t + length > durationMs) {
        break;
      }
      if (partition) {
        List<String> shuffled = new ArrayList<>(nodes);
        for (int i = shuffled.size() - 1; i > 0; i--) {
          int j = r.nextInt(i + 1);
          shuffled.set(i, shuffled.set(j, shuffled.get(i)));
        }
        int cut = 1 + r.nextInt(nodes.size() - 1);
        List<List<String>> groups = List.of(sorted(shuffled.subList(0, cut)), sorted(shuffled.subList(cut, shuffled.size())));
        out.add(new Event(t, Kind.PARTITION, null, groups));
        out.add(new Event(t + length, Kind.HEAL, null, List.of()));
      } else {
        String victim = nodes.get(r.nextInt(nodes.size()));
        out.add(new Event(t, Kind.KILL, victim, List.of()));
        out.add(new Event(t + length, Kind.RESTART, victim, List.of()));
      }
      t += length + 1_000 + r.nextInt(2_001);
    }
    return List.copyOf(out);
  }

  private static List<String> sorted(List<String> l) {
    List<String> s = new ArrayList<>(l);
    s.sort(null);
    return s;
  }
}
