package io.cairn.node.mempool;

import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Rejected;
import java.util.Optional;

/**
 * The stateless checks a transaction must pass before the mempool looks at its sender's state:
 * signature, amount, minimum fee, memo size, no overflow of amount + fee. The node passes the
 * consensus rules here (with a signature check backed by the verified-transaction cache); unit tests
 * may pass {@code tx -> Optional.empty()}.
 */
@FunctionalInterface
public interface TxPrecheck {
  Optional<Rejected> check(Transaction tx);
}
