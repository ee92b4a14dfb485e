package io.cairn.node.consensus;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;

/**
 * The seam through which every consensus path checks transaction signatures. {@link #DIRECT}
 * verifies on the calling thread; the node shell plugs in one that verifies a whole block on a
 * worker pool first and then answers from a cache keyed by txid, so that {@link
 * BlockRules#checkSignatures} (which calls this once per transaction, in order) only does lookups.
 * Implementations must be deterministic: the same transaction and genesis always give the same
 * answer as {@link Transaction#verifySignature}.
 */
@FunctionalInterface
public interface SignatureCheck {
  SignatureCheck DIRECT = Transaction::verifySignature;

  boolean valid(Transaction tx, Hash genesis);
}
