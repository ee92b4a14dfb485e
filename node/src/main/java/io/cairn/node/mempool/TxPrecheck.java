package io.cairn.node.mempool;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Rejected;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.consensus.SignatureCheck;
import io.cairn.node.consensus.TxRules;
import java.util.Optional;

/**
 * The stateless checks a transaction must pass before the mempool looks at its sender's state:
 * signature, amount, minimum fee, memo size, no overflow of amount + fee. The node uses
 * {@link #consensus} with the verified-transaction cache as its {@link SignatureCheck}; policy tests
 * may pass {@code tx -> Optional.empty()}.
 */
@FunctionalInterface
public interface TxPrecheck {
  Optional<Rejected> check(Transaction tx);

  /** The consensus stateless rules ({@link TxRules#stateless}) for this network. */
  static TxPrecheck consensus(ChainSpec spec, Hash genesis, SignatureCheck sigs) {
    return tx -> TxRules.stateless(tx, spec, genesis, sigs);
  }
}
