package io.cairn.node.p2p;

import io.cairn.common.reason.Reason;
import io.cairn.node.p2p.wire.MessageType;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one network instance, safe to update from any thread. {@link #snapshot()} gives plain
 * values for metrics exporters.
 */
public final class P2pStats {
  private final Map<MessageType, LongAdder> bytesIn = new EnumMap<>(MessageType.class);
  private final Map<MessageType, LongAdder> bytesOut = new EnumMap<>(MessageType.class);
  private final Map<MessageType, LongAdder> messagesIn = new EnumMap<>(MessageType.class);
  final LongAdder txReceived = new LongAdder();
  final LongAdder txDuplicates = new LongAdder();
  final LongAdder blocksReceived = new LongAdder();
  final LongAdder blockDuplicates = new LongAdder();
  final LongAdder compactReconstructed = new LongAdder();
  final LongAdder compactMissingTxs = new LongAdder();
  final LongAdder bans = new LongAdder();
  private final Map<Reason, LongAdder> refused = new EnumMap<>(Reason.class);

  P2pStats() {
    for (MessageType t : MessageType.values()) {
      bytesIn.put(t, new LongAdder());
      bytesOut.put(t, new LongAdder());
      messagesIn.put(t, new LongAdder());
    }
    for (Reason r : Reason.values()) {
      refused.put(r, new LongAdder());
    }
  }

  void refused(Reason r) {
    refused.get(r).increment();
  }

  void in(MessageType t, int bytes) {
    bytesIn.get(t).add(bytes);
    messagesIn.get(t).increment();
  }

  void out(MessageType t, int bytes) {
    bytesOut.get(t).add(bytes);
  }

  /**
   * Plain values. Bytes count the message frames (type byte and body plus the 4-byte length).
   *
   * @param txReceived transaction bodies received; {@code txDuplicates} of them were already known
   * @param blocksReceived blocks received (full or rebuilt from a compact block); {@code
   *     blockDuplicates} of them were already known
   * @param refused links refused or dropped during or right after the handshake, by reason
   */
  public record Snapshot(Map<MessageType, Long> bytesIn, Map<MessageType, Long> bytesOut,
      Map<MessageType, Long> messagesIn, long txReceived, long txDuplicates, long blocksReceived,
      long blockDuplicates, long compactReconstructed, long compactMissingTxs, long bans,
      Map<Reason, Long> refused) {
    public long totalBytesIn() {
      return bytesIn.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalBytesOut() {
      return bytesOut.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  public Snapshot snapshot() {
    return new Snapshot(sum(bytesIn), sum(bytesOut), sum(messagesIn), txReceived.sum(), txDuplicates.sum(),
        blocksReceived.sum(), blockDuplicates.sum(), compactReconstructed.sum(), compactMissingTxs.sum(), bans.sum(), sumReasons());
  }

  private Map<Reason, Long> sumReasons() {
    Map<Reason, Long> out = new EnumMap<>(Reason.class);
    refused.forEach((k, v) -> {
      if (v.sum() > 0) {
        out.put(k, v.sum());
      }
    });
    return Map.copyOf(out);
  }

  private static Map<MessageType, Long> sum(Map<MessageType, LongAdder> m) {
    Map<MessageType, Long> out = new EnumMap<>(MessageType.class);
    m.forEach((k, v) -> out.put(k, v.sum()));
    return Map.copyOf(out);
  }
}
