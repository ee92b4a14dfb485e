package io.cairn.node.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.CompactTarget;
import java.math.BigInteger;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PowSearchTest {
  private static final BlockHeader HEADER = new BlockHeader(1, 7, Hash.parse("ab".repeat(32)),
      Hash.parse("cd".repeat(32)), 1_700_000_000_000L, 0x1f00ffff, 0, Address.ZERO);

  @Test
  void findsTheSameFirstNonceAsHashingFullHeaders() {
    BigInteger target = CompactTarget.expand(0x1f00ffff); // about 1 in 256 hashes
    long naive = 0;
    while (!CompactTarget.meets(HEADER.withNonce(naive).hash(), target)) {
      naive++;
    }
    PowSearch s = new PowSearch(HEADER.encode(), target);
    assertEquals(OptionalLong.of(naive), s.search(0, naive + 1));
    assertEquals(OptionalLong.empty(), s.search(0, naive));
    assertTrue(s.meets(naive));
  }

  @Test
  void agreesWithTheBlockHashOnManyNonces() {
    BigInteger target = CompactTarget.expand(0x2000ffff); // about 1 in 128
    PowSearch s = new PowSearch(HEADER.encode(), target);
    int hits = 0;
    for (long n = Long.MAX_VALUE - 500; n != Long.MIN_VALUE + 500; n++) {
      boolean expected = CompactTarget.meets(HEADER.withNonce(n).hash(), target);
      assertEquals(expected, s.meets(n), "nonce " + n);
      hits += expected ? 1 : 0;
    }
    assertTrue(hits > 0 && hits < 100, "hits " + hits);
  }

  @Test
  void theLeastTargetIsAlmostNeverMet() {
    PowSearch s = new PowSearch(HEADER.encode(), BigInteger.ONE);
    assertFalse(s.search(0, 1000).isPresent());
  }

  @Test
  void refusesWrongInput() {
    assertThrows(IllegalArgumentException.class, () -> new PowSearch(new byte[125], BigInteger.TEN));
    assertThrows(IllegalArgumentException.class, () -> new PowSearch(HEADER.encode(), BigInteger.ZERO));
  }
}
