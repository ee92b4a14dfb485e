package io.cairn.node.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.testing.BlockDraft;
import io.cairn.node.testing.ChainBuilder;
import io.cairn.node.testing.MemoryAccounts;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateTransitionTest {
  private final ChainBuilder chain = ChainBuilder.create();
  private final ChainSpec spec = chain.spec();
  private final Hash g = chain.genesisHash();
  private final Address miner = BlockDraft.DEFAULT_MINER.address();
  private final Amount fee = spec.minFee();

  private StateDelta applied(AccountView view, Block b, ChainSpec s) {
    ApplyResult r = StateTransition.apply(view, b, s);
    return assertInstanceOf(ApplyResult.Applied.class, r, () -> r.toString()).delta();
  }

  @Test
  void transferMovesFundsBumpsNonceAndPaysTheMiner() {
    TestKey alice = TestKey.of(0);
    Address carol = TestKey.of(33).address();
    Block b = chain.on(g).transfer(alice, carol, Amount.ofCrn(7), Amount.ofUnits(2_500)).mine();
    MemoryAccounts after = chain.state(g).apply(applied(chain.state(g), b, spec));
    assertEquals(new Account(TestSpecs.ALLOCATION.minus(Amount.ofCrn(7)).minus(Amount.ofUnits(2_500)), 1),
        after.account(alice.address()));
    assertEquals(new Account(Amount.ofCrn(7), 0), after.account(carol));
    assertEquals(new Account(spec.blockReward().plus(Amount.ofUnits(2_500)), 0), after.account(miner));
  }

  @Test
  void deltaListsEachTouchedAddressOnceInAddressOrder() {
    Block b = chain.on(g)
        .transfer(0, TestKey.of(1).address(), Amount.ofCrn(1))
        .transfer(1, TestKey.of(0).address(), Amount.ofCrn(1))
        .transfer(0, TestKey.of(2).address(), Amount.ofCrn(1))
        .mine();
    StateDelta d = applied(chain.state(g), b, spec);
    List<Address> expected = new ArrayList<>(List.of(TestKey.of(0).address(), TestKey.of(1).address(),
        TestKey.of(2).address(), miner));
    expected.sort(null);
    List<Address> got = new ArrayList<>();
    d.changes().forEach(c -> got.add(c.address()));
    assertEquals(expected, got);
    assertEquals(Optional.empty(), d.changes().stream().filter(c -> c.address().equals(miner)).findFirst().orElseThrow().before());
  }

  @Test
  void laterTransactionsSeeEarlierOnes() {
    TestKey fresh = TestKey.of(60);
    Block b = chain.on(g)
        .transfer(0, fresh.address(), Amount.ofCrn(2))
        .transfer(fresh, TestKey.of(61).address(), Amount.ofCrn(1), fee)
        .mine();
    MemoryAccounts after = chain.state(g).apply(applied(chain.state(g), b, spec));
    assertEquals(new Account(Amount.ofCrn(1).minus(fee), 1), after.account(fresh.address()));
  }

  @Test
  void selfTransferCostsOnlyTheFee() {
    TestKey alice = TestKey.of(0);
    Block b = chain.on(g).transfer(alice, alice.address(), Amount.ofCrn(5), fee).mine();
    MemoryAccounts after = chain.state(g).apply(applied(chain.state(g), b, spec));
    assertEquals(new Account(TestSpecs.ALLOCATION.minus(fee), 1), after.account(alice.address()));
  }

  @Test
  void emptyBlockCreditsTheRewardOnly() {
    Block b = chain.next(g);
    StateDelta d = applied(chain.state(g), b, spec);
    assertEquals(1, d.changes().size());
    assertEquals(spec.blockReward().units(), d.supplyChange());
  }

  @Test
  void missingFundsFailWithIndexAndTxid() {
    Transaction t = TestKey.of(70).transfer(g, TestKey.of(1).address(), Amount.ofCrn(1), fee, 0);
    Block b = chain.on(g).transfer(0, TestKey.of(1).address(), Amount.ofCrn(1)).tx(t).mine();
    ApplyResult.Failed f = assertInstanceOf(ApplyResult.Failed.class, StateTransition.apply(chain.state(g), b, spec));
    assertEquals(Reason.INSUFFICIENT_FUNDS, f.rejected().reason());
    assertEquals(1, f.txIndex());
    assertTrue(f.rejected().detail().startsWith("tx 1 (" + t.txid().toHex() + "): "), f.rejected().detail());
  }

  @Test
  void recipientOverflowIsBalanceOverflow() {
    // Allocations fit a long; rewards paid to key 0 then push a transfer to key 1 past it.
    ChainSpec rich = new ChainSpec("rich", "tcairn", 2_000, 0x207fffff, 60_000, 1_000_000, Amount.ofCrn(50),
        Amount.ofUnits(1_000), TestSpecs.GENESIS_TIME_MS, true, List.of(
            new ChainSpec.Allocation(TestKey.of(0).address(), Amount.ofCrn(10)),
            new ChainSpec.Allocation(TestKey.of(1).address(), Amount.ofUnits(Long.MAX_VALUE - Amount.ofCrn(100).units()))));
    ChainBuilder c = ChainBuilder.create(rich);
    Hash tip = c.genesisHash();
    for (int i = 0; i < 3; i++) {
      tip = c.on(tip).miner(TestKey.of(0).address()).mine().hash();
    }
    Block b = c.on(tip).transfer(0, TestKey.of(1).address(), Amount.ofCrn(150)).mine();
    ApplyResult.Failed f = assertInstanceOf(ApplyResult.Failed.class, StateTransition.apply(c.state(tip), b, rich));
    assertEquals(Reason.BALANCE_OVERFLOW, f.rejected().reason());
    assertEquals(0, f.txIndex());
  }

  @Test
  void minerOverflowIsBalanceOverflow() {
    ChainSpec rich = new ChainSpec("rich", "tcairn", 2_000, 0x207fffff, 60_000, 1_000_000, Amount.ofCrn(50),
        Amount.ofUnits(1_000), TestSpecs.GENESIS_TIME_MS, true, List.of(
            new ChainSpec.Allocation(TestKey.of(1).address(), Amount.ofUnits(Long.MAX_VALUE - 10))));
    ChainBuilder c = ChainBuilder.create(rich);
    Block b = c.on(c.genesisHash()).miner(TestKey.of(1).address()).mine();
    ApplyResult.Failed f = assertInstanceOf(ApplyResult.Failed.class, StateTransition.apply(c.state(c.genesisHash()), b, rich));
    assertEquals(Reason.BALANCE_OVERFLOW, f.rejected().reason());
    assertEquals(-1, f.txIndex());
  }

  @Test
  void failureLeavesTheViewUntouched() {
    MemoryAccounts before = chain.state(g);
    Transaction bad = TestKey.of(0).transfer(g, TestKey.of(1).address(), Amount.ofCrn(1), fee, 9);
    Block b = chain.on(g).transfer(0, TestKey.of(1).address(), Amount.ofCrn(1)).tx(bad).mine();
    MemoryAccounts view = chain.state(g);
    assertInstanceOf(ApplyResult.Failed.class, StateTransition.apply(view, b, spec));
    assertEquals(before, view);
  }

  @Test
  void genesisDeltaHoldsTheAllocations() {
    StateDelta d = StateTransition.applyGenesis(spec);
    assertEquals(TestSpecs.FUNDED_KEYS, d.changes().size());
    for (StateDelta.Change c : d.changes()) {
      assertEquals(Optional.empty(), c.before());
      assertEquals(Optional.of(new Account(TestSpecs.ALLOCATION, 0)), c.after());
    }
    assertEquals(spec.totalAllocated().units(), d.supplyChange());
  }

  @Test
  void zeroAllocationsLeaveNoAccount() {
    ChainSpec s = TestSpecs.withAllocations(3, Amount.ZERO);
    assertEquals(StateDelta.EMPTY, StateTransition.applyGenesis(s));
  }
}
