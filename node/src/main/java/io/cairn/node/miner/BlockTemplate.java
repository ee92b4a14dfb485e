package io.cairn.node.miner;

import io.cairn.common.amount.Amount;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.CompactTarget;
import io.cairn.common.model.Transaction;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A block ready for proof of work: the header (nonce 0) and its transactions. The state transition
 * credits {@code minerCredit} (block reward + {@code fees}) to the header's miner address; there is
 * no coinbase transaction.
 */
public record BlockTemplate(BlockHeader header, List<Transaction> transactions, Amount fees, Amount minerCredit) {
  public BlockTemplate {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(fees, "fees");
    Objects.requireNonNull(minerCredit, "minerCredit");
    transactions = List.copyOf(transactions);
  }

  /** The full target the block hash must not exceed. */
  public BigInteger target() {
    return CompactTarget.expand(header.bits());
  }

  /** The block with {@code nonce} in its header. */
  public Block solved(long nonce) {
    return new Block(header.withNonce(nonce), transactions);
  }

  public long height() {
    return header.height();
  }
}
