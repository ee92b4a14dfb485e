package io.cairn.node.p2p.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShortTxidTest {
  private static Hash h(int i) {
    return Sha256.hash(("tx " + i).getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void takesTheFirstSixteenBytesAndComparesByBothHalves() {
    Hash txid = h(1);
    ShortTxid id = ShortTxid.of(txid);
    assertEquals(txid.toHex().substring(0, 32), id.toString());
    assertEquals(id, ShortTxid.of(Hash.parse(txid.toHex())));
    assertEquals(id.hashCode(), ShortTxid.of(Hash.parse(txid.toHex())).hashCode());
    assertNotEquals(id, new ShortTxid(id.hi(), id.lo() ^ 1));
    assertNotEquals(id, new ShortTxid(id.hi() ^ 1, id.lo()));
    assertNotEquals(id, (Object) txid);
  }

  @Test
  void distinctTxidsKeepDistinctKeys() {
    Set<ShortTxid> ids = new HashSet<>();
    Set<Integer> hashes = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      ShortTxid id = ShortTxid.of(h(i));
      ids.add(id);
      hashes.add(id.hashCode());
    }
    assertEquals(10_000, ids.size());
    assertTrue(hashes.size() > 9_990, "hash codes spread: " + hashes.size());
  }
}
