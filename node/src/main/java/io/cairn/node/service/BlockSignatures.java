package io.cairn.node.service;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.node.mempool.verify.TxVerifier;
import io.cairn.node.store.BatchSignatureCheck;
import java.util.List;

/**
 * Block connection's signature check over the mempool's {@link TxVerifier}: one verified-txid cache
 * for both, so a block's transactions that passed the mempool are not verified again, and the rest
 * of a block is verified on the verifier's pool before the rules look at it one by one.
 */
final class BlockSignatures implements BatchSignatureCheck {
  private final TxVerifier verifier;

  BlockSignatures(TxVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public void prepare(List<Transaction> txs, Hash genesis) {
    if (!txs.isEmpty()) {
      verifier.verifyAll(txs);
    }
  }

  @Override
  public boolean valid(Transaction tx, Hash genesis) {
    return verifier.valid(tx, genesis);
  }
}
