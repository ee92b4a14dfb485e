package io.cairn.node.store;

import io.cairn.common.model.Block;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ChainEngine} did with a header or block.
 *
 * <p>{@code disconnected} (tip first) and then {@code connected} (lowest first) are the net changes
 * of the main chain this call made; a listener (mempool, relay) applies them in that order. They
 * may be non-empty even when the offered block itself was rejected (e.g. a reorg that stopped at an
 * invalid block).
 *
 * @param outcome {@code ACCEPTED} when new data was stored, {@code DUPLICATE} when it was known
 * @param rejected why the header or block was refused (UNKNOWN_PARENT for an orphan)
 */
public record ImportResult(
    Outcome outcome, Optional<Rejected> rejected, List<Block> disconnected, List<Block> connected, ChainHead head) {

  public enum Outcome { ACCEPTED, DUPLICATE, REJECTED }

  public ImportResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(rejected, "rejected");
    Objects.requireNonNull(head, "head");
    disconnected = List.copyOf(disconnected);
    connected = List.copyOf(connected);
    if ((outcome == Outcome.REJECTED) != rejected.isPresent()) {
      throw new IllegalArgumentException("a rejection needs a reason, and only a rejection");
    }
  }

  public boolean isRejected() {
    return outcome == Outcome.REJECTED;
  }

  /** The rejection reason, or null. */
  public Reason reason() {
    return rejected.map(Rejected::reason).orElse(null);
  }

  /** True when the main chain changed. */
  public boolean tipChanged() {
    return !connected.isEmpty() || !disconnected.isEmpty();
  }

  public boolean isReorg() {
    return !disconnected.isEmpty();
  }
}
