package io.cairn.node.mempool;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Rejected;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Mempool#accept} did with a transaction.
 *
 * @param txid the transaction's id
 * @param status {@code PENDING} (minable now), {@code QUEUED} (held until a nonce gap fills) or
 *     {@code REJECTED}
 * @param rejected the reason when rejected, else null
 * @param replaced the transaction it replaced by fee (same sender and nonce), else null
 * @param evicted transactions evicted to make room for it (reason {@code mempool-full})
 */
public record Admission(Hash txid, Status status, Rejected rejected, Transaction replaced, List<Removal> evicted) {

  /** Where the transaction ended up. */
  public enum Status { PENDING, QUEUED, REJECTED }

  public Admission {
    Objects.requireNonNull(txid, "txid");
    Objects.requireNonNull(status, "status");
    evicted = List.copyOf(evicted);
    if ((status == Status.REJECTED) != (rejected != null)) {
      throw new IllegalArgumentException("a rejection needs a reason and only a rejection has one");
    }
  }

  /** A rejection, for shells that refuse a transaction before it reaches the pool (e.g. a bad signature). */
  public static Admission rejected(Hash txid, Rejected why) {
    return new Admission(txid, Status.REJECTED, why, null, List.of());
  }

  public boolean accepted() {
    return status != Status.REJECTED;
  }

  public Optional<Rejected> rejection() {
    return Optional.ofNullable(rejected);
  }

  public Optional<Transaction> replacedTx() {
    return Optional.ofNullable(replaced);
  }
}
