package io.cairn.node.p2p.wire;

import java.util.Objects;

/** A peer address as exchanged in {@link Message.Addrs}, with when it was last seen alive. */
public record NetAddress(PeerAddress address, long lastSeenMs) {
  public NetAddress {
    Objects.requireNonNull(address, "address");
    if (lastSeenMs < 0) {
      throw new IllegalArgumentException("lastSeenMs must not be negative");
    }
  }

  public String host() {
    return address.host();
  }

  public int port() {
    return address.port();
  }
}
