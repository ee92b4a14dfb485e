package io.cairn.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Sha256;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MerkleTest {
  private static Hash h(int i) {
    return Sha256.hash(new byte[] {(byte) i, (byte) (i >> 8)});
  }

  private static Hash leaf(Hash txid) {
    return Hash.of(Sha256.digest(new byte[] {0}, txid.toArray()));
  }

  private static Hash node(Hash l, Hash r) {
    return Hash.of(Sha256.digest(new byte[] {1}, l.toArray(), r.toArray()));
  }

  @Test
  void emptyIsZero() {
    assertEquals(Hash.ZERO, Merkle.root(List.of()));
  }

  @Test
  void shapeFollowsTheDocumentedRule() {
    assertEquals(leaf(h(1)), Merkle.root(List.of(h(1))));
    assertEquals(node(leaf(h(1)), leaf(h(2))), Merkle.root(List.of(h(1), h(2))));
    // The odd last node is carried up unchanged, not duplicated.
    assertEquals(node(node(leaf(h(1)), leaf(h(2))), leaf(h(3))), Merkle.root(List.of(h(1), h(2), h(3))));
    Hash n12 = node(leaf(h(1)), leaf(h(2)));
    Hash n34 = node(leaf(h(3)), leaf(h(4)));
    assertEquals(node(node(n12, n34), leaf(h(5))), Merkle.root(List.of(h(1), h(2), h(3), h(4), h(5))));
  }

  @Test
  void orderMattersAndDuplicatingTheLastLeafChangesTheRoot() {
    assertNotEquals(Merkle.root(List.of(h(1), h(2))), Merkle.root(List.of(h(2), h(1))));
    // Bitcoin's CVE-2012-2459 ambiguity: [a, b, c] and [a, b, c, c] share a root there, not here.
    assertNotEquals(Merkle.root(List.of(h(1), h(2), h(3))), Merkle.root(List.of(h(1), h(2), h(3), h(3))));
    assertNotEquals(Merkle.root(List.of(h(1))), h(1), "a single leaf is hashed, not used as the root");
  }

  @Test
  void distinctSmallListsHaveDistinctRoots() {
    // Every list of length 0..5 over an alphabet of 3 txids (364 lists): all roots distinct.
    Map<Hash, List<Hash>> seen = new HashMap<>();
    List<List<Hash>> lists = new ArrayList<>();
    lists.add(List.of());
    List<List<Hash>> frontier = List.of(List.of());
    for (int len = 1; len <= 5; len++) {
      List<List<Hash>> next = new ArrayList<>();
      for (List<Hash> prefix : frontier) {
        for (int a = 0; a < 3; a++) {
          List<Hash> l = new ArrayList<>(prefix);
          l.add(h(a));
          next.add(l);
        }
      }
      lists.addAll(next);
      frontier = next;
    }
    for (List<Hash> l : lists) {
      List<Hash> previous = seen.put(Merkle.root(l), l);
      assertEquals(null, previous, "same root for " + previous + " and " + l);
    }
    assertEquals(364, seen.size());
  }

  @Property(tries = 100)
  void changingAnyTxidChangesTheRoot(@ForAll @IntRange(min = 1, max = 40) int n, @ForAll @IntRange(min = 0, max = 39) int at) {
    List<Hash> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(h(i));
    }
    Hash root = Merkle.root(ids);
    ids.set(at % n, h(1000 + at));
    assertNotEquals(root, Merkle.root(ids));
  }
}
