package io.cairn.node.state;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.consensus.TxRules;
import java.util.Optional;

/**
 * The state transition: a pure function from (account state, block) to the block's {@link
 * StateDelta} or the reason it is invalid.
 *
 * <p>For each transaction in order: the stateless rules other than the signature ({@link
 * TxRules#body}), then the stateful ones against the sender's account as left by the transactions
 * before it ({@link TxRules#stateful}); then the sender pays amount + fee and its nonce goes up by
 * one, and the recipient is credited the amount ({@code balance-overflow} if that overflows).
 * Finally the header's miner is credited the block reward plus all fees. Signatures are NOT
 * checked here: callers check them first, e.g. with {@code BlockRules.checkSignatures}, so that a
 * shell can verify a block's signatures on a worker pool. The header itself is not checked either
 * (see {@code HeaderRules} and {@code BlockRules}).
 */
public final class StateTransition {
  private StateTransition() {}

  /** Applies the transactions and the miner's credit of {@code block} to {@code view}. */
  public static ApplyResult apply(AccountView view, Block block, ChainSpec spec) {
    WorkingState state = new WorkingState(view);
    Amount fees = Amount.ZERO;
    for (int i = 0; i < block.transactions().size(); i++) {
      Transaction tx = block.transactions().get(i);
      Optional<Rejected> r = applyTx(state, tx, spec);
      if (r.isPresent()) {
        Rejected why = r.get();
        return new ApplyResult.Failed(
            Rejected.of(why.reason(), "tx " + i + " (" + tx.txid().toHex() + "): " + why.detail()), i);
      }
      try {
        fees = fees.plus(tx.fee());
      } catch (ArithmeticException e) {
        return new ApplyResult.Failed(Rejected.of(Reason.BALANCE_OVERFLOW, "the block's fees overflow"), -1);
      }
    }
    Address miner = block.header().miner();
    Account m = state.get(miner);
    try {
      state.put(miner, new Account(m.balance().plus(spec.blockReward()).plus(fees), m.nonce()));
    } catch (ArithmeticException e) {
      return new ApplyResult.Failed(Rejected.of(Reason.BALANCE_OVERFLOW,
          "crediting reward + fees to miner " + miner.key().toHex() + " overflows its balance"), -1);
    }
    return new ApplyResult.Applied(state.delta(), fees);
  }

  /** One transaction on the working state; empty on success. */
  static Optional<Rejected> applyTx(WorkingState state, Transaction tx, ChainSpec spec) {
    Optional<Rejected> r = TxRules.body(tx, spec);
    if (r.isPresent()) {
      return r;
    }
    Address from = tx.sender();
    Account sender = state.get(from);
    r = TxRules.stateful(tx, sender);
    if (r.isPresent()) {
      return r;
    }
    state.put(from, new Account(sender.balance().minus(tx.totalCost()), sender.nonce() + 1));
    Account to = state.get(tx.to());
    try {
      state.put(tx.to(), new Account(to.balance().plus(tx.amount()), to.nonce()));
    } catch (ArithmeticException e) {
      return Optional.of(Rejected.of(Reason.BALANCE_OVERFLOW,
          "crediting " + tx.amount().units() + " overflows the balance of " + tx.to().key().toHex()));
    }
    return Optional.empty();
  }

  /** The genesis allocations as a delta from the empty state. */
  public static StateDelta applyGenesis(ChainSpec spec) {
    WorkingState state = new WorkingState(address -> Account.EMPTY);
    for (ChainSpec.Allocation a : spec.allocations()) {
      Account cur = state.get(a.address());
      state.put(a.address(), new Account(cur.balance().plus(a.amount()), cur.nonce()));
    }
    return state.delta();
  }
}
