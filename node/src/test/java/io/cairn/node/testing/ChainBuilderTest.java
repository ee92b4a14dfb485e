package io.cairn.node.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.common.amount.Amount;
import io.cairn.common.model.Block;
import io.cairn.node.consensus.BlockRules;
import io.cairn.node.consensus.SignatureCheck;
import io.cairn.node.state.ApplyResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainBuilderTest {
  @Test
  void buildsChainsThatPassEveryRule() {
    ChainBuilder chain = ChainBuilder.create();
    Block b1 = chain.on(chain.genesisHash())
        .transfer(0, TestKey.of(20).address(), Amount.ofCrn(3))
        .transfer(0, TestKey.of(21).address(), Amount.ofCrn(4))
        .mine();
    List<Block> rest = chain.extend(b1.hash(), 3);
    long now = rest.get(2).header().timestampMs();
    for (Block b : chain.chainTo(rest.get(2).hash())) {
      ApplyResult r = BlockRules.validate(b, chain, chain.state(b.header().prevHash()), chain.spec(),
          chain.genesisHash(), SignatureCheck.DIRECT, now);
      assertInstanceOf(ApplyResult.Applied.class, r, () -> r.toString());
    }
    assertEquals(2, chain.state(b1.hash()).account(TestKey.of(0).address()).nonce());
    assertEquals(Amount.ofCrn(4), chain.state(rest.get(0).hash()).account(TestKey.of(21).address()).balance());
  }

  @Test
  void isDeterministicAndForksFromAnyBlock() {
    ChainBuilder a = ChainBuilder.create();
    ChainBuilder b = ChainBuilder.create();
    Block a2 = a.extend(a.genesisHash(), 2).get(1);
    Block b2 = b.extend(b.genesisHash(), 2).get(1);
    assertEquals(a2, b2);
    Block fork = a.on(a.genesisHash()).timeAfterParent(3_000).mine();
    assertNotEquals(a.chainTo(a2.hash()).get(0), fork);
    assertEquals(1, fork.height());
  }

  @Test
  void refusesStateOfInvalidBlock() {
    ChainBuilder chain = ChainBuilder.create();
    Block bad = chain.on(chain.genesisHash())
        .tx(TestKey.of(0).transfer(chain.genesisHash(), TestKey.of(1).address(), Amount.ofCrn(1), chain.spec().minFee(), 7))
        .mine();
    assertThrows(IllegalStateException.class, () -> chain.state(bad.hash()));
  }
}
