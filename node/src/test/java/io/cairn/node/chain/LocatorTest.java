package io.cairn.node.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.crypto.Hash;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocatorTest {
  @Test
  void shortChainsAreListedInFull() {
    assertEquals(List.of(0L), Locator.heights(0));
    assertEquals(List.of(5L, 4L, 3L, 2L, 1L, 0L), Locator.heights(5));
  }

  @Test
  void tenDenseThenDoublingAlwaysEndingAtGenesis() {
    List<Long> h = Locator.heights(1_000);
    assertEquals(List.of(1000L, 999L, 998L, 997L, 996L, 995L, 994L, 993L, 992L, 991L, 989L, 985L, 977L, 961L),
        h.subList(0, 14));
    assertEquals(0L, h.get(h.size() - 1));
    for (int i = 1; i < h.size(); i++) {
      assertTrue(h.get(i) < h.get(i - 1));
    }
    assertTrue(Locator.heights(Long.MAX_VALUE / 2).size() < 80);
  }

  @Test
  void buildLooksUpEachHeight() {
    List<Hash> l = Locator.build(3, h -> Hash.of(new byte[] {(byte) h, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
    assertEquals(4, l.size());
    assertEquals(3, l.get(0).get(0));
    assertThrows(IllegalArgumentException.class, () -> Locator.heights(-1));
  }
}
