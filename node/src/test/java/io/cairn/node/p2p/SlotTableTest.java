package io.cairn.node.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlotTableTest {
  @Test
  void findsEverySlotAndNothingElse() {
    Random r = new Random(3);
    int n = 6_450;
    CompactBlocks.SlotTable t = new CompactBlocks.SlotTable(n);
    Map<Long, Integer> ref = new HashMap<>();
    for (int i = 0; i < n; i++) {
      long k = r.nextLong() & 0xffff_ffff_ffffL;
      t.put(k, i);
      ref.put(k, i);
    }
    for (Map.Entry<Long, Integer> e : ref.entrySet()) {
      assertEquals(e.getValue(), t.get(e.getKey()));
    }
    for (int i = 0; i < 10_000; i++) {
      long k = r.nextLong() & 0xffff_ffff_ffffL;
      assertEquals(ref.containsKey(k) ? ref.get(k) : -1, t.get(k));
    }
  }

  @Test
  void aShortIdInTwoSlotsMapsToNeitherAndEmptyTablesWork() {
    CompactBlocks.SlotTable t = new CompactBlocks.SlotTable(3);
    t.put(5, 0);
    t.put(9, 1);
    t.put(5, 2);
    t.put(5, 3);
    assertEquals(-1, t.get(5));
    assertEquals(1, t.get(9));
    assertEquals(-1, new CompactBlocks.SlotTable(0).get(5));
  }
}
