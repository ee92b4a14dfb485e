package io.cairn.node.store;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Verifies a block's signatures on a worker pool (the caller owns it; size it to the cores), skipping
 * transactions already in the {@link VerifiedTxCache}, then answers the per-transaction checks of
 * {@code BlockRules.checkSignatures} from the cache. A transaction not in the cache (an invalid one)
 * is verified again directly, so the answer always equals {@link Transaction#verifySignature}.
 */
public final class ParallelSignatureCheck implements BatchSignatureCheck {
  private final ExecutorService pool;
  private final int parallelism;
  private final VerifiedTxCache cache;

  public ParallelSignatureCheck(ExecutorService pool, int parallelism, VerifiedTxCache cache) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be positive");
    }
    this.pool = pool;
    this.parallelism = parallelism;
    this.cache = cache;
  }

  @Override
  public void prepare(List<Transaction> txs, Hash genesis) {
    List<Transaction> todo = new ArrayList<>(txs.size());
    for (Transaction tx : txs) {
      if (!cache.contains(tx.txid())) {
        todo.add(tx);
      }
    }
    if (todo.isEmpty()) {
      return;
    }
    int chunks = Math.min(parallelism, todo.size());
    List<Future<List<Hash>>> futures = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      List<Transaction> part = todo.subList(todo.size() * c / chunks, todo.size() * (c + 1) / chunks);
      futures.add(pool.submit(() -> {
        List<Hash> ok = new ArrayList<>(part.size());
        for (Transaction tx : part) {
          if (tx.verifySignature(genesis)) {
            ok.add(tx.txid());
          }
        }
        return ok;
      }));
    }
    for (Future<List<Hash>> f : futures) {
      try {
        cache.addAll(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return; // the per-transaction checks verify directly what is not cached
      } catch (ExecutionException e) {
        throw new IllegalStateException("signature worker failed", e.getCause());
      }
    }
  }

  @Override
  public boolean valid(Transaction tx, Hash genesis) {
    Hash id = tx.txid();
    if (cache.contains(id)) {
      return true;
    }
    boolean ok = tx.verifySignature(genesis);
    if (ok) {
      cache.add(id);
    }
    return ok;
  }
}
