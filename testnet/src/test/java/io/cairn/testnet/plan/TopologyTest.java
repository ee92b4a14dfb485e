package io.cairn.testnet.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TopologyTest {

  @Test
  void parsesTheThreeShapesAndRefusesOthers() {
    assertEquals(Topology.MESH, Topology.parse("mesh"));
    assertEquals(Topology.RING, Topology.parse(" Ring "));
    assertEquals(new Topology(Topology.Kind.RANDOM, 3), Topology.parse("random:3"));
    assertEquals("random:3", Topology.parse("random:3").toString());
    for (String bad : new String[] {"", "star", "random", "random:0", "random:-1", "random:x", "mesh:2"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Topology.parse(bad));
      assertTrue(e.getMessage().contains("mesh, ring or random:K"), e.getMessage());
    }
  }

  @Test
  void meshLinksEveryoneAndHigherIndexDials() {
    List<List<Integer>> n = Topology.MESH.neighbours(4, 0);
    assertEquals(List.of(1, 2, 3), n.get(0));
    assertEquals(List.of(0, 1, 2), n.get(3));
    assertEquals(List.of(), Topology.dialed(n, 0));
    assertEquals(List.of(0, 1, 2), Topology.dialed(n, 3));
  }

  @Test
  void ringLinksNeighboursOnly() {
    List<List<Integer>> n = Topology.RING.neighbours(5, 0);
    assertEquals(List.of(1, 4), n.get(0));
    assertEquals(List.of(1, 3), n.get(2));
    assertEquals(List.of(List.of(1), List.of(0)), Topology.RING.neighbours(2, 0));
    assertEquals(List.of(List.of()), Topology.RING.neighbours(1, 0));
  }

  @Property(tries = 200)
  void randomIsConnectedSymmetricWithAtLeastKAndSeeded(@ForAll @IntRange(min = 1, max = 30) int n,
      @ForAll @IntRange(min = 1, max = 6) int k, @ForAll long seed) {
    Topology t = new Topology(Topology.Kind.RANDOM, k);
    List<List<Integer>> adj = t.neighbours(n, seed);
    assertEquals(adj, t.neighbours(n, seed), "same seed, same graph");
    for (int i = 0; i < n; i++) {
      assertTrue(adj.get(i).size() >= Math.min(k, n - 1), "node " + i + " has " + adj.get(i));
      assertTrue(!adj.get(i).contains(i), "no self link");
      for (int j : adj.get(i)) {
        assertTrue(adj.get(j).contains(i), "links are symmetric");
      }
    }
    Set<Integer> seen = new HashSet<>(Set.of(0));
    ArrayDeque<Integer> todo = new ArrayDeque<>(List.of(0));
    while (!todo.isEmpty()) {
      for (int j : adj.get(todo.poll())) {
        if (seen.add(j)) {
          todo.add(j);
        }
      }
    }
    assertEquals(n, seen.size(), "connected");
  }
}
