package io.cairn.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.crypto.Ed25519;
import io.cairn.common.model.Block;
import io.cairn.common.model.CompactTarget;
import io.cairn.common.spec.Genesis;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared fixtures are deterministic and valid, so other modules can rely on them. */
class FixturesTest {
  @Test
  void keysAreDeterministicAndDistinct() {
    assertSame(Fixtures.key(3), Fixtures.key(3));
    assertEquals("1d5fd3e8b2f8730525b6c4632c83c556a9387a580a8cbd6b091b461135b006da", Fixtures.key(0).publicKey().toHex());
    assertNotEquals(Fixtures.address(0), Fixtures.address(1));
    assertEquals(Fixtures.key(5).publicKey().toHex(), io.cairn.common.bytes.Hex.encode(Ed25519.publicKey(Fixtures.key(5).seed())));
  }

  @Test
  void specFundsTheFirstTenKeys() {
    assertEquals(Fixtures.ACCOUNTS, Fixtures.spec().allocations().size());
    for (int i = 0; i < Fixtures.ACCOUNTS; i++) {
      assertEquals(Fixtures.address(i), Fixtures.spec().allocations().get(i).address());
      assertEquals(Fixtures.INITIAL_BALANCE, Fixtures.spec().allocations().get(i).amount());
    }
    assertEquals(Genesis.hash(Fixtures.spec()), Fixtures.genesisHash());
    assertEquals("tcairn", Fixtures.spec().addressPrefix());
  }

  @Test
  void minedChainLinksAndMeetsItsTargets() {
    List<Block> chain = Fixtures.emptyChain(5);
    assertEquals(chain, Fixtures.emptyChain(5), "deterministic");
    assertEquals(Fixtures.genesisHash(), chain.get(0).header().prevHash());
    for (int i = 0; i < chain.size(); i++) {
      Block b = chain.get(i);
      assertEquals(i + 1, b.height());
      assertTrue(CompactTarget.meets(b.hash(), CompactTarget.expand(b.header().bits())));
      if (i > 0) {
        assertEquals(chain.get(i - 1).hash(), b.header().prevHash());
        assertTrue(b.header().timestampMs() > chain.get(i - 1).header().timestampMs());
      }
    }
  }
}
