package io.cairn.node.mempool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.Transaction;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.consensus.TxRules;
import io.cairn.node.state.Account;
import io.cairn.node.state.ApplyResult;
import io.cairn.node.state.StateDelta;
import io.cairn.node.state.StateTransition;
import io.cairn.node.testing.MemoryAccounts;
import io.cairn.node.testing.TestSpecs;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of submissions, mined blocks, expiries and reorganisations (undoing the last
 * block) against a real state transition. After every step: each sender's pending nonces run
 * consecutively from its account nonce, queued ones lie beyond, its held spends fit its balance,
 * the counts and bytes add up, and the template selection applies cleanly as a block.
 */
class MempoolPropertyTest {
  private static final int SENDERS = 4;
  private static final Address MINER = PoolFixture.addr(9);

  sealed interface Op permits Submit, Mine, Expire, Undo {}

  record Submit(int sender, int to, int nonceOffset, long amount, long fee, int memo) implements Op {}

  record Mine(int maxBytes) implements Op {}

  record Expire(long dt) implements Op {}

  record Undo() implements Op {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> submit = Combinators.combine(Arbitraries.integers().between(1, SENDERS),
        Arbitraries.integers().between(0, SENDERS), Arbitraries.integers().between(-2, 9).map(n -> n >= 4 ? 0 : n),
        Arbitraries.longs().between(1, 3_000), Arbitraries.longs().between(1_000, 1_400),
        Arbitraries.integers().between(0, 3)).as(Submit::new);
    Arbitrary<Op> mine = Arbitraries.integers().between(0, 1_500).map(Mine::new);
    Arbitrary<Op> expire = Arbitraries.longs().between(0, 400).map(Expire::new);
    Arbitrary<Op> undo = Arbitraries.just(new Undo());
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, submit), net.jqwik.api.Tuple.of(3, mine),
        net.jqwik.api.Tuple.of(1, expire), net.jqwik.api.Tuple.of(2, undo)).list().ofMaxSize(120);
  }

  @Property(tries = 1000)
  void invariantsHoldThroughAnyHistory(@ForAll("ops") List<Op> ops) {
    ChainSpec spec = TestSpecs.easy();
    PoolFixture f = new PoolFixture();
    MemoryAccounts state = new MemoryAccounts(Map.of(
        PoolFixture.addr(1), new Account(Amount.ofUnits(20_000), 0),
        PoolFixture.addr(2), new Account(Amount.ofUnits(5_000), 3),
        PoolFixture.addr(3), new Account(Amount.ofUnits(1_200), 0),
        PoolFixture.addr(4), new Account(Amount.ofUnits(60_000), 7)));
    MempoolConfig config = new MempoolConfig(25, 25 * 170L, 6, 4, 1_000);
    Mempool pool = new Mempool(config, tx -> TxRules.body(tx, spec), state);
    Deque<Block> mined = new ArrayDeque<>();
    Deque<StateDelta> deltas = new ArrayDeque<>();
    long now = 0;
    for (Op op : ops) {
      if (op instanceof Submit s) {
        Address from = PoolFixture.addr(s.sender());
        long nonce = Math.max(0, pool.pendingNonce(from) + s.nonceOffset());
        Address to = s.to() == 0 ? PoolFixture.RECIPIENT : PoolFixture.addr(s.to());
        Transaction tx = Transaction.unsigned(PoolFixture.key(s.sender()), to, Amount.ofUnits(s.amount()),
            Amount.ofUnits(s.fee()), nonce, Bytes.utf8("m".repeat(s.memo() * 20)));
        pool.accept(tx, now);
      } else if (op instanceof Mine m) {
        List<Transaction> txs = pool.selectForBlock(m.maxBytes());
        assertTrue(txs.stream().mapToLong(Transaction::encodedLength).sum() <= m.maxBytes());
        Block b = new Block(new BlockHeader(1, mined.size() + 1, Hash.ZERO, Hash.ZERO, now, 0x207fffff, 0, MINER), txs);
        ApplyResult r = StateTransition.apply(state, b, spec);
        assertTrue(r instanceof ApplyResult.Applied, () -> "selection must be a valid block: " + r);
        StateDelta d = ((ApplyResult.Applied) r).delta();
        state.apply(d);
        mined.push(b);
        deltas.push(d);
        pool.onBlockConnected(b, state);
        txs.forEach(t -> assertTrue(!pool.contains(t.txid())));
      } else if (op instanceof Expire e) {
        now += e.dt();
        pool.expire(now);
      } else if (!mined.isEmpty()) {
        state.apply(deltas.pop().undo());
        pool.onReorg(List.of(mined.pop()), List.of(), state, now);
      }
      checkInvariants(pool, state, config);
    }
  }

  private static void checkInvariants(Mempool pool, MemoryAccounts state, MempoolConfig config) {
    int count = 0;
    long bytes = 0;
    for (Map.Entry<Address, MempoolContent.SenderTxs> e : pool.content().senders().entrySet()) {
      Account acc = state.account(e.getKey());
      List<Transaction> pending = e.getValue().pending();
      List<Transaction> queued = e.getValue().queued();
      assertTrue(!pending.isEmpty() || !queued.isEmpty(), "no empty sender entries");
      long next = acc.nonce();
      long cost = 0;
      for (Transaction t : pending) {
        assertEquals(next++, t.nonce(), "pending nonces are consecutive from the account nonce");
        cost += t.totalCost().units();
      }
      long last = next;
      for (Transaction t : queued) {
        assertTrue(t.nonce() > last, "queued nonces lie beyond a gap, ascending");
        last = t.nonce();
        cost += t.totalCost().units();
      }
      assertTrue(cost <= acc.balance().units(), "held spends " + cost + " fit the balance " + acc.balance());
      assertTrue(pending.size() + queued.size() <= config.maxPerSender());
      assertEquals(next, pool.pendingNonce(e.getKey()));
      count += pending.size() + queued.size();
      for (Transaction t : pending) {
        bytes += t.encodedLength();
      }
      for (Transaction t : queued) {
        bytes += t.encodedLength();
        assertTrue(pool.contains(t.txid()));
      }
    }
    assertEquals(count, pool.size());
    assertEquals(bytes, pool.bytes());
    assertTrue(pool.size() <= config.maxCount() && pool.bytes() <= config.maxBytes());
  }
}
