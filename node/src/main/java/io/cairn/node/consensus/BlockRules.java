package io.cairn.node.consensus;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.Merkle;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.Genesis;
import io.cairn.node.state.AccountView;
import io.cairn.node.state.ApplyResult;
import io.cairn.node.state.StateTransition;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rules on a whole block. Full validation of a block whose parent is the tip of {@code state} is,
 * in order:
 *
 * <ol>
 *   <li>{@link HeaderRules#check}: {@code bad-pow}, {@code unknown-parent}, {@code bad-height},
 *       {@code bad-target}, {@code time-too-old}, {@code time-too-new};
 *   <li>{@link #checkBody}: {@code block-too-large}, {@code bad-merkle-root}, {@code duplicate-tx};
 *   <li>{@link #checkSignatures}: {@code bad-signature} for the first transaction whose signature
 *       fails (a shell may verify them all on a pool first and pass a caching {@link
 *       SignatureCheck});
 *   <li>{@link StateTransition#apply}: every transaction valid in order, miner credited.
 * </ol>
 *
 * {@link #validate} runs all four.
 */
public final class BlockRules {
  private BlockRules() {}

  /** Header, body, signatures and state transition; the delta on success. */
  public static ApplyResult validate(Block block, HeaderView headers, AccountView state, ChainSpec spec,
      Hash genesis, SignatureCheck sigs, long nowMillis) {
    Optional<Rejected> r = HeaderRules.check(block.header(), headers, spec, nowMillis);
    if (r.isEmpty()) {
      r = checkBody(block, spec);
    }
    if (r.isPresent()) {
      return new ApplyResult.Failed(r.get(), -1);
    }
    List<Transaction> txs = block.transactions();
    for (int i = 0; i < txs.size(); i++) {
      Optional<Rejected> s = signatureOf(i, txs.get(i), genesis, sigs);
      if (s.isPresent()) {
        return new ApplyResult.Failed(s.get(), i);
      }
    }
    return StateTransition.apply(state, block, spec);
  }

  /** {@code bad-genesis} unless {@code block} is exactly the genesis block derived from {@code spec}. */
  public static Optional<Rejected> checkGenesis(Block block, ChainSpec spec) {
    Block expected = Genesis.block(spec);
    return block.equals(expected) ? Optional.empty()
        : reject(Reason.BAD_GENESIS, "block " + block.hash().toHex() + " is not the genesis " + expected.hash().toHex()
            + " of network " + spec.network());
  }

  /** Size, Merkle root and duplicate transactions: everything about a body that needs no state. */
  public static Optional<Rejected> checkBody(Block block, ChainSpec spec) {
    int size = block.encodedLength();
    if (size > spec.maxBlockSize()) {
      return reject(Reason.BLOCK_TOO_LARGE, "block of " + size + " bytes; the maximum is " + spec.maxBlockSize());
    }
    List<Hash> txids = block.txids();
    Hash root = Merkle.root(txids);
    if (!root.equals(block.header().merkleRoot())) {
      return reject(Reason.BAD_MERKLE_ROOT, "header says " + block.header().merkleRoot().toHex()
          + " but the transactions give " + root.toHex());
    }
    Set<Hash> seen = new HashSet<>();
    for (int i = 0; i < txids.size(); i++) {
      if (!seen.add(txids.get(i))) {
        return reject(Reason.DUPLICATE_TX, "tx " + i + " (" + txids.get(i).toHex() + ") appears earlier in the block");
      }
    }
    return Optional.empty();
  }

  /** {@code bad-signature} for the first transaction, in order, whose signature {@code sigs} refuses. */
  public static Optional<Rejected> checkSignatures(List<Transaction> txs, Hash genesis, SignatureCheck sigs) {
    for (int i = 0; i < txs.size(); i++) {
      Optional<Rejected> r = signatureOf(i, txs.get(i), genesis, sigs);
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }

  private static Optional<Rejected> signatureOf(int i, Transaction tx, Hash genesis, SignatureCheck sigs) {
    return TxRules.signature(tx, genesis, sigs)
        .map(r -> Rejected.of(r.reason(), "tx " + i + " (" + tx.txid().toHex() + "): " + r.detail()));
  }

  private static Optional<Rejected> reject(Reason reason, String detail) {
    return Optional.of(Rejected.of(reason, detail));
  }
}
