package io.cairn.node.mempool;

import io.cairn.common.address.Address;
import io.cairn.common.model.Transaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of the mempool: per sender (ordered by address), the pending transactions
 * (consecutive nonces from the sender's nonce at the tip) and the queued ones (behind a gap), each
 * in nonce order.
 */
public record MempoolContent(Map<Address, SenderTxs> senders) {

  /** One sender's held transactions. */
  public record SenderTxs(List<Transaction> pending, List<Transaction> queued) {
    public SenderTxs {
      pending = List.copyOf(pending);
      queued = List.copyOf(queued);
    }
  }

  public MempoolContent {
    senders = Collections.unmodifiableMap(new TreeMap<>(senders));
  }

  static MempoolContent of(Collection<SenderQueue> queues) {
    Map<Address, SenderTxs> out = new TreeMap<>();
    for (SenderQueue q : queues) {
      out.put(q.sender(), new SenderTxs(txs(q.pendingList()), txs(q.queuedList())));
    }
    return new MempoolContent(out);
  }

  private static List<Transaction> txs(List<PoolEntry> entries) {
    List<Transaction> out = new ArrayList<>(entries.size());
    for (PoolEntry e : entries) {
      out.add(e.tx());
    }
    return out;
  }

  public int pendingCount() {
    return senders.values().stream().mapToInt(s -> s.pending().size()).sum();
  }

  public int queuedCount() {
    return senders.values().stream().mapToInt(s -> s.queued().size()).sum();
  }
}
