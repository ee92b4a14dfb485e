package io.cairn.node.chain;

import io.cairn.common.crypto.Hash;
import java.util.List;
import java.util.Objects;

/**
 * What the store must do to move to the best chain: disconnect {@code disconnect} in order (the
 * current tip first, down to just above the fork point), then connect {@code connect} in order
 * (just above the fork point first, up to {@code target}). Empty when the current tip is best.
 */
public record ReorgPlan(Hash forkPoint, List<Hash> disconnect, List<Hash> connect, Hash target) {
  public ReorgPlan {
    Objects.requireNonNull(forkPoint, "forkPoint");
    Objects.requireNonNull(target, "target");
    disconnect = List.copyOf(disconnect);
    connect = List.copyOf(connect);
  }

  /** The plan that keeps {@code tip}. */
  public static ReorgPlan stay(Hash tip) {
    return new ReorgPlan(tip, List.of(), List.of(), tip);
  }

  public boolean isEmpty() {
    return disconnect.isEmpty() && connect.isEmpty();
  }

  /** True when blocks of the current chain are disconnected (a reorganisation, not an extension). */
  public boolean isReorg() {
    return !disconnect.isEmpty();
  }
}
