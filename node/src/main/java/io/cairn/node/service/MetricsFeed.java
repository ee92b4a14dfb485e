package io.cairn.node.service;

import io.cairn.node.mempool.verify.TxVerifier;
import io.cairn.node.metrics.NodeMetrics;
import io.cairn.node.p2p.P2pNetwork;
import io.cairn.node.p2p.P2pStats;
import io.cairn.node.p2p.wire.MessageType;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Copies the counters that other components keep themselves (P2P bytes and items per type, signature
 * verifications) into {@link NodeMetrics} as deltas, each time {@link #run} is called (every few
 * seconds, and once at shutdown).
 */
final class MetricsFeed implements Runnable {
  private final NodeMetrics metrics;
  private final P2pNetwork net;
  private final TxVerifier verifier;
  private final Map<MessageType, Long> lastIn = new EnumMap<>(MessageType.class);
  private final Map<MessageType, Long> lastOut = new EnumMap<>(MessageType.class);
  private long lastTx;
  private long lastTxDup;
  private long lastBlocks;
  private long lastBlockDup;
  private long lastVerified;

  MetricsFeed(NodeMetrics metrics, P2pNetwork net, TxVerifier verifier) {
    this.metrics = metrics;
    this.net = net;
    this.verifier = verifier;
  }

  @Override
  public synchronized void run() {
    P2pStats.Snapshot s = net.stats();
    s.bytesIn().forEach((type, n) -> {
      long d = n - lastIn.getOrDefault(type, 0L);
      if (d > 0) {
        metrics.bytesIn(label(type), d);
      }
      lastIn.put(type, n);
    });
    s.bytesOut().forEach((type, n) -> {
      long d = n - lastOut.getOrDefault(type, 0L);
      if (d > 0) {
        metrics.bytesOut(label(type), d);
      }
      lastOut.put(type, n);
    });
    items("tx", s.txReceived() - lastTx, s.txDuplicates() - lastTxDup);
    items("block", s.blocksReceived() - lastBlocks, s.blockDuplicates() - lastBlockDup);
    lastTx = s.txReceived();
    lastTxDup = s.txDuplicates();
    lastBlocks = s.blocksReceived();
    lastBlockDup = s.blockDuplicates();
    long verified = verifier.verifiedCount();
    if (verified > lastVerified) {
      metrics.signaturesVerified(verified - lastVerified, 0);
      lastVerified = verified;
    }
  }

  private void items(String kind, long received, long duplicates) {
    for (long i = 0; i < duplicates; i++) {
      metrics.itemReceived(kind, true);
    }
    for (long i = duplicates; i < received; i++) {
      metrics.itemReceived(kind, false);
    }
  }

  private static String label(MessageType t) {
    return t.name().toLowerCase(Locale.ROOT);
  }
}
