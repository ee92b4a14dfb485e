package io.cairn.node.consensus;

import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.state.Account;
import java.util.List;
import java.util.Optional;

/**
 * Transaction rules, each a small function returning the reason it refuses a transaction.
 *
 * <ul>
 *   <li>stateless (need only the transaction and the chain spec): {@code bad-signature},
 *       {@code zero-amount}, {@code fee-too-low}, {@code memo-too-long}, {@code amount-overflow};
 *   <li>stateful (need the sender's account): {@code nonce-too-low}, {@code nonce-too-high},
 *       {@code insufficient-funds}.
 * </ul>
 *
 * The signature rule is kept apart ({@link #signature}) so a block's signatures can be checked in a
 * batch before the state transition, which applies {@link #body} and {@link #stateful}.
 */
public final class TxRules {
  /** A stateless rule on the unsigned content of a transaction. */
  @FunctionalInterface
  interface BodyRule {
    Optional<Rejected> check(Transaction tx, ChainSpec spec);
  }

  /** A rule on a transaction against its sender's current account. */
  @FunctionalInterface
  interface StateRule {
    Optional<Rejected> check(Transaction tx, Account sender);
  }

  static final List<BodyRule> BODY = List.of(
      TxRules::positiveAmount, TxRules::minimumFee, TxRules::memoSize, TxRules::costFits);
  static final List<StateRule> STATE = List.of(TxRules::nonceMatches, TxRules::fundsCover);

  private TxRules() {}

  /** Every stateless rule: the signature (through {@code sigs}) and then {@link #body}. */
  public static Optional<Rejected> stateless(Transaction tx, ChainSpec spec, Hash genesis, SignatureCheck sigs) {
    Optional<Rejected> r = signature(tx, genesis, sigs);
    return r.isPresent() ? r : body(tx, spec);
  }

  /** {@code bad-signature} unless the signature verifies over this network's genesis. */
  public static Optional<Rejected> signature(Transaction tx, Hash genesis, SignatureCheck sigs) {
    return sigs.valid(tx, genesis)
        ? Optional.empty()
        : reject(Reason.BAD_SIGNATURE, "signature does not verify for sender " + tx.from().toHex());
  }

  /** The stateless rules other than the signature, in order. */
  public static Optional<Rejected> body(Transaction tx, ChainSpec spec) {
    for (BodyRule rule : BODY) {
      Optional<Rejected> r = rule.check(tx, spec);
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }

  /** The rules against the sender's account (nonce, then funds), in order. */
  public static Optional<Rejected> stateful(Transaction tx, Account sender) {
    for (StateRule rule : STATE) {
      Optional<Rejected> r = rule.check(tx, sender);
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }

  static Optional<Rejected> positiveAmount(Transaction tx, ChainSpec spec) {
    return tx.amount().isZero() ? reject(Reason.ZERO_AMOUNT, "amount must be at least 1 base unit") : Optional.empty();
  }

  static Optional<Rejected> minimumFee(Transaction tx, ChainSpec spec) {
    return tx.fee().compareTo(spec.minFee()) < 0
        ? reject(Reason.FEE_TOO_LOW, "fee " + tx.fee().units() + " is below the minimum " + spec.minFee().units())
        : Optional.empty();
  }

  static Optional<Rejected> memoSize(Transaction tx, ChainSpec spec) {
    return tx.memo().length() > Transaction.MAX_MEMO
        ? reject(Reason.MEMO_TOO_LONG, "memo of " + tx.memo().length() + " bytes; at most " + Transaction.MAX_MEMO)
        : Optional.empty();
  }

  static Optional<Rejected> costFits(Transaction tx, ChainSpec spec) {
    try {
      tx.totalCost();
      return Optional.empty();
    } catch (ArithmeticException e) {
      return reject(Reason.AMOUNT_OVERFLOW, "amount " + tx.amount().units() + " + fee " + tx.fee().units() + " overflows");
    }
  }

  static Optional<Rejected> nonceMatches(Transaction tx, Account sender) {
    if (tx.nonce() < sender.nonce()) {
      return reject(Reason.NONCE_TOO_LOW, "nonce " + tx.nonce() + " but the sender's next nonce is " + sender.nonce());
    }
    if (tx.nonce() > sender.nonce()) {
      return reject(Reason.NONCE_TOO_HIGH, "nonce " + tx.nonce() + " but the sender's next nonce is " + sender.nonce());
    }
    return Optional.empty();
  }

  static Optional<Rejected> fundsCover(Transaction tx, Account sender) {
    Amount cost;
    try {
      cost = tx.totalCost();
    } catch (ArithmeticException e) {
      return reject(Reason.AMOUNT_OVERFLOW, "amount + fee overflows");
    }
    return sender.balance().compareTo(cost) < 0
        ? reject(Reason.INSUFFICIENT_FUNDS,
            "balance " + sender.balance().units() + " does not cover amount + fee " + cost.units())
        : Optional.empty();
  }

  private static Optional<Rejected> reject(Reason reason, String detail) {
    return Optional.of(Rejected.of(reason, detail));
  }
}
