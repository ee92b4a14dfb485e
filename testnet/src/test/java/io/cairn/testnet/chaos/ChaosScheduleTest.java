package io.cairn.testnet.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.testnet.chaos.ChaosSchedule.Event;
import io.cairn.testnet.chaos.ChaosSchedule.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ChaosScheduleTest {
  private static final List<String> NODES = List.of("node0", "node1", "node2", "node3");

  @Test
  void theSeedReproducesTheSchedule() {
    assertEquals(ChaosSchedule.generate(7, 60_000, NODES, true), ChaosSchedule.generate(7, 60_000, NODES, true));
    assertNotEquals(ChaosSchedule.generate(7, 60_000, NODES, true), ChaosSchedule.generate(8, 60_000, NODES, true));
    assertEquals("partition node0,node3 node1,node2", new Event(0, Kind.PARTITION, null,
        List.of(List.of("node0", "node3"), List.of("node1", "node2"))).describe());
  }

  @Property(tries = 200)
  void episodesPairUpDoNotOverlapAndEndInTime(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int n,
      @ForAll @IntRange(min = 0, max = 120_000) int durationMs, @ForAll boolean partitions) {
    List<String> nodes = NODES.subList(0, Math.min(n, 4));
    List<Event> s = ChaosSchedule.generate(seed, durationMs, nodes, partitions);
    assertEquals(0, s.size() % 2);
    long last = -1;
    for (int i = 0; i < s.size(); i += 2) {
      Event a = s.get(i);
      Event b = s.get(i + 1);
      assertTrue(a.atMs() > last && b.atMs() > a.atMs() && b.atMs() <= durationMs, s.toString());
      last = b.atMs();
      if (a.kind() == Kind.KILL) {
        assertEquals(Kind.RESTART, b.kind());
        assertEquals(a.node(), b.node());
        assertTrue(nodes.contains(a.node()));
      } else {
        assertTrue(partitions && nodes.size() > 1, "partitions only when allowed and possible");
        assertEquals(Kind.PARTITION, a.kind());
        assertEquals(Kind.HEAL, b.kind());
        Set<String> all = new HashSet<>();
        for (List<String> g : a.groups()) {
          assertFalse(g.isEmpty());
          assertTrue(all.addAll(g), "groups are disjoint");
        }
        assertEquals(new HashSet<>(nodes), all, "every node in a group");
      }
    }
  }

  @Test
  void aMinuteHoldsSeveralFaultsOfBothKinds() {
    List<Event> s = ChaosSchedule.generate(3, 60_000, NODES, true);
    assertTrue(s.size() >= 10, s.toString());
    assertTrue(s.stream().anyMatch(e -> e.kind() == Kind.KILL) && s.stream().anyMatch(e -> e.kind() == Kind.PARTITION));
  }
}
