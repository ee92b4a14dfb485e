package io.cairn.node.state;

import io.cairn.common.amount.Amount;
import io.cairn.common.reason.Rejected;
import java.util.Objects;

/** What applying a block to a state gives: its delta, or why it is invalid. */
public sealed interface ApplyResult permits ApplyResult.Applied, ApplyResult.Failed {

  /** The block is valid on this state; {@code fees} is what its transactions paid the miner. */
  record Applied(StateDelta delta, Amount fees) implements ApplyResult {
    public Applied {
      Objects.requireNonNull(delta, "delta");
      Objects.requireNonNull(fees, "fees");
    }
  }

  /**
   * The block is invalid. {@code txIndex} is the position of the first invalid transaction (its
   * detail names the index and txid), or -1 when the block as a whole is at fault.
   */
  record Failed(Rejected rejected, int txIndex) implements ApplyResult {
    public Failed {
      Objects.requireNonNull(rejected, "rejected");
      if (txIndex < -1) {
        throw new IllegalArgumentException("txIndex must be -1 or an index");
      }
    }
  }
}
