package io.cairn.node.p2p.wire;

import java.util.Objects;

/**
 * Where a node listens: a host (IP literal or name; {@code local} for the in-memory transport) and a
 * port. Text form {@code host:port}.
 */
public record PeerAddress(String host, int port) {
  public PeerAddress {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty() || host.length() > 255) {
      throw new IllegalArgumentException("Expected a host of 1 to 255 characters but got " + host.length());
    }
    if (port < 1 || port > 0xffff) {
      throw new IllegalArgumentException("Expected a port from 1 to 65535 but got " + port);
    }
  }

  /** Parses {@code host:port} (IPv6 as {@code [::1]:7420}); IllegalArgumentException says what is wrong. */
  public static PeerAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("Expected host:port but got '" + text + "'");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Expected a numeric port in '" + text + "'");
    }
    return new PeerAddress(host, port);
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
