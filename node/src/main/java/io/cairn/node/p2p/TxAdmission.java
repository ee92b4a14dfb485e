package io.cairn.node.p2p;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.node.p2p.wire.ShortTxid;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Received transaction bodies on their way into the mempool, for {@link TxRelay}. They queue in
 * arrival order; one batch at a time (at most {@link #MAX_BATCH}) goes to {@link
 * P2pBackend#acceptTxsAsync}, which checks the signatures in parallel and admits them in order; what
 * arrives meanwhile forms the next batch. So batches are admitted in arrival order (a sender's
 * consecutive nonces stay in order) while the network thread goes on fetching. The answers come back
 * on the network thread, one {@link Outcome#admitted} call per transaction, in order. Network thread
 * only.
 */
final class TxAdmission {
  /** Most transactions handed to the backend in one batch. */
  static final int MAX_BATCH = 5_000;
  /** Received transactions waiting (queued or with the backend) past which fetching should pause. */
  static final int MAX_WAITING = 2 * MAX_BATCH;

  /** A received body with its ids and the peer that delivered it (to ban for a bad one). */
  record Received(Transaction tx, Hash txid, ShortTxid id, Peer from) {}

  /** What the relay does with the answers. */
  interface Outcome {
    /** The backend's answer for one transaction: empty when it entered the mempool. */
    void admitted(Received r, Optional<Rejected> result);

    /** A batch was answered: room for more fetching. */
    void batchDone();
  }

  private final Network net;
  private final Outcome outcome;
  private final ArrayDeque<Received> queue = new ArrayDeque<>();
  /** Ids queued or with the backend. */
  private final HashSet<ShortTxid> waiting = new HashSet<>();
  /** A batch is with the backend. */
  private boolean busy;

  TxAdmission(Network net, Outcome outcome) {
    this.net = net;
    this.outcome = outcome;
  }

  boolean contains(ShortTxid id) {
    return waiting.contains(id);
  }

  /** True when fetching should pause until a batch is answered. */
  boolean full() {
    return waiting.size() >= MAX_WAITING;
  }

  /** Queues a body (not already {@link #contains contained}); call {@link #submit} after a burst. */
  void add(Received r) {
    waiting.add(r.id());
    queue.add(r);
  }

  /** Hands the queued bodies to the backend when no batch is with it. */
  void submit() {
    if (busy || queue.isEmpty()) {
      return;
    }
    List<Received> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
    while (batch.size() < MAX_BATCH && !queue.isEmpty()) {
      batch.add(queue.poll());
    }
    busy = true;
    CompletableFuture<List<Optional<Rejected>>> result;
    try {
      result = net.backend.acceptTxsAsync(batch.stream().map(Received::tx).toList());
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    result.whenComplete((rs, e) -> net.execute(() -> answered(batch, rs, e)));
  }

  private void answered(List<Received> batch, List<Optional<Rejected>> results, Throwable failure) {
    busy = false;
    boolean failed = failure != null || results == null || results.size() != batch.size();
    Optional<Rejected> unavailable = Optional.of(Rejected.of(Reason.BUSY, "the node could not take transactions"));
    for (int i = 0; i < batch.size(); i++) {
      Received r = batch.get(i);
      waiting.remove(r.id());
      outcome.admitted(r, failed ? unavailable : results.get(i));
    }
    submit();
    outcome.batchDone();
  }
}
