package io.cairn.node.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.model.Block;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.testing.BlockDraft;
import io.cairn.node.testing.ChainBuilder;
import io.cairn.node.testing.MemoryAccounts;
import io.cairn.node.testing.TestKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Random chains with forks: undo is the exact inverse and supply is allocations + rewards. */
class StatePropertiesTest {
  private static final int KEYS = 16; // 0..9 funded at genesis, 10..15 start empty

  @Property(tries = 30)
  void applyThenUndoRestoresTheExactStateAndSupplyHolds(@ForAll long seed) {
    Random rnd = new Random(seed);
    ChainBuilder chain = ChainBuilder.create();
    ChainSpec spec = chain.spec();
    List<Block> valid = new ArrayList<>(List.of(chain.genesis()));
    for (int step = 0; step < 12; step++) {
      Block parent = rnd.nextInt(3) == 0 ? valid.get(rnd.nextInt(valid.size())) : valid.get(valid.size() - 1);
      MemoryAccounts before = chain.state(parent.hash());
      boolean spoil = rnd.nextInt(5) == 0;
      Block b = randomBlock(chain, parent, before, rnd, spoil);
      ApplyResult r = StateTransition.apply(before, b, spec);
      if (spoil) {
        assertInstanceOf(ApplyResult.Failed.class, r);
        assertEquals(chain.state(parent.hash()), before, "a failed block changes nothing");
        continue;
      }
      StateDelta d = assertInstanceOf(ApplyResult.Applied.class, r, () -> r.toString()).delta();
      assertEquals(d, StateDelta.decode(d.encode()));
      MemoryAccounts after = before.copy().apply(d);
      assertEquals(chain.state(b.hash()), after);
      assertEquals(before, after.copy().apply(d.undo()), "undo restores the parent state exactly");
      assertEquals(supply(spec, b.height()), after.totalSupply());
      valid.add(b);
    }
    // Connect a whole branch from the empty state, then disconnect it all again.
    Block tip = valid.get(rnd.nextInt(valid.size()));
    MemoryAccounts s = new MemoryAccounts().apply(chain.delta(chain.genesisHash()));
    List<Block> path = chain.chainTo(tip.hash());
    for (Block b : path) {
      s.apply(chain.delta(b.hash()));
    }
    assertEquals(chain.state(tip.hash()), s);
    for (int i = path.size() - 1; i >= 0; i--) {
      s.apply(chain.delta(path.get(i).hash()).undo());
    }
    assertEquals(chain.state(chain.genesisHash()), s);
    s.apply(chain.delta(chain.genesisHash()).undo());
    assertEquals(new MemoryAccounts(), s);
  }

  private static long supply(ChainSpec spec, long height) {
    return spec.totalAllocated().units() + spec.blockReward().units() * height;
  }

  /** Random affordable transfers; with {@code spoil}, one of them is made invalid. */
  private static Block randomBlock(ChainBuilder chain, Block parent, MemoryAccounts state, Random rnd, boolean spoil) {
    ChainSpec spec = chain.spec();
    BlockDraft d = chain.on(parent.hash()).timeAfterParent(500 + rnd.nextInt(4_000))
        .miner(TestKey.of(rnd.nextInt(KEYS + 2)).address());
    Map<Address, Long> spendable = new HashMap<>();
    int n = rnd.nextInt(7);
    int spoilAt = spoil ? rnd.nextInt(n + 1) : -1;
    for (int i = 0; i <= n; i++) {
      if (i == spoilAt) {
        TestKey k = TestKey.of(rnd.nextInt(KEYS));
        long nonce = state.account(k.address()).nonce() + 100 + rnd.nextInt(3); // nonce-too-high
        d.tx(k.transfer(chain.genesisHash(), TestKey.of(0).address(), Amount.ofUnits(1), spec.minFee(), nonce));
        continue;
      }
      if (i == n) {
        break;
      }
      TestKey from = TestKey.of(rnd.nextInt(KEYS));
      long balance = spendable.computeIfAbsent(from.address(), a -> state.account(a).balance().units());
      long fee = spec.minFee().units() + rnd.nextInt(5_000);
      if (balance <= fee + 1) {
        continue;
      }
      long amount = 1 + (long) (rnd.nextDouble() * ((balance - fee) / 2));
      spendable.put(from.address(), balance - fee - amount);
      Address to = TestKey.of(rnd.nextInt(KEYS)).address();
      spendable.computeIfPresent(to, (a, v) -> v + amount);
      d.transfer(from, to, Amount.ofUnits(amount), Amount.ofUnits(fee));
    }
    return d.mine();
  }

  @Property(tries = 50)
  void deltaCodecRoundTripsRandomDeltas(@ForAll long seed) {
    Random rnd = new Random(seed);
    Map<Address, StateDelta.Change> byAddress = new java.util.TreeMap<>();
    int n = rnd.nextInt(20);
    for (int i = 0; i < n; i++) {
      Address a = TestKey.of(rnd.nextInt(40)).address();
      Account before = rnd.nextBoolean() ? Account.EMPTY : randomAccount(rnd);
      Account after = randomAccount(rnd);
      if (!before.equals(after)) {
        byAddress.put(a, StateDelta.Change.of(a, before, after));
      }
    }
    StateDelta d = new StateDelta(new ArrayList<>(byAddress.values()));
    assertEquals(d, StateDelta.decode(d.encode()));
    assertEquals(d.undo(), StateDelta.decode(d.undo().encode()));
    assertEquals(-d.supplyChange(), d.undo().supplyChange());
  }

  /**
   * Balances below 2^55: a delta's 20 changes then sum within a long, as a real state's supply does
   * (below 2^60 each, the sum overflowed and {@link StateDelta#supplyChange} rightly threw).
   */
  private static Account randomAccount(Random rnd) {
    return new Account(Amount.ofUnits(1 + (rnd.nextLong() >>> 9)), rnd.nextInt(1_000));
  }

}
