package io.cairn.node.mempool.verify;

import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.node.mempool.Admission;
import io.cairn.node.mempool.Mempool;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * The way transactions from RPC and peers enter the mempool (shell): a batch's signatures are
 * verified in parallel on the {@link TxVerifier}'s pool, then one task on the chain thread applies
 * the mempool policy to each transaction in order (its signature check is then a cache hit). The
 * mempool is only ever touched on {@code chainThread}.
 */
public final class TxIntake {
  private final TxVerifier verifier;
  private final Mempool mempool;
  private final Executor chainThread;
  private final LongSupplier clockMillis;
  /** The admission of the batch submitted last; the next one runs after it. */
  private CompletableFuture<?> previous = CompletableFuture.completedFuture(null);

  /**
   * @param chainThread runs tasks one at a time on the thread that owns {@code mempool}
   * @param clockMillis the node's clock (admission time, for expiry)
   */
  public TxIntake(TxVerifier verifier, Mempool mempool, Executor chainThread, LongSupplier clockMillis) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.mempool = Objects.requireNonNull(mempool, "mempool");
    this.chainThread = Objects.requireNonNull(chainThread, "chainThread");
    this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
  }

  /**
   * Verifies the batch in parallel, then admits it in order; one {@link Admission} per input.
   * Batches are admitted in the order they were submitted (a sender's nonce sequence split over
   * several batches stays in order), while their verification overlaps.
   */
  public synchronized CompletableFuture<List<Admission>> submitBatch(List<Transaction> txs) {
    List<Transaction> batch = List.copyOf(txs);
    CompletableFuture<boolean[]> verified = verifier.verifyAllAsync(batch);
    CompletableFuture<List<Admission>> admitted = previous.handle((x, e) -> null)
        .thenCombineAsync(verified, (ignored, ok) -> admit(batch, ok), chainThread);
    previous = admitted;
    return admitted;
  }

  public CompletableFuture<Admission> submit(Transaction tx) {
    return submitBatch(List.of(tx)).thenApply(list -> list.get(0));
  }

  private List<Admission> admit(List<Transaction> batch, boolean[] ok) {
    long now = clockMillis.getAsLong();
    List<Admission> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Transaction tx = batch.get(i);
      out.add(ok[i] ? mempool.accept(tx, now) : Admission.rejected(tx.txid(),
          Rejected.of(Reason.BAD_SIGNATURE, "signature does not verify for sender " + tx.from().toHex())));
    }
    return out;
  }
}
