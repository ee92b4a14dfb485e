package io.cairn.node.store;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.node.consensus.SignatureCheck;
import java.util.List;

/**
 * A {@link SignatureCheck} that is told a block's transactions before they are checked one by one,
 * so it can verify them all at once (on a pool) and answer the per-transaction calls from a cache.
 */
public interface BatchSignatureCheck extends SignatureCheck {
  void prepare(List<Transaction> txs, Hash genesis);
}
