package io.cairn.node.p2p.wire;

import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.PublicKey;
import io.cairn.common.crypto.Sha256;
import java.util.Objects;

/** A node's identity: SHA-256 of its Ed25519 node public key, shown as 64 hex digits. */
public record NodeId(Hash hash) implements Comparable<NodeId> {
  public NodeId {
    Objects.requireNonNull(hash, "hash");
  }

  public static NodeId of(PublicKey nodeKey) {
    return new NodeId(Sha256.hash(nodeKey.toArray()));
  }

  public static NodeId parse(String hex) {
    return new NodeId(Hash.parse(hex));
  }

  /** First 8 hex digits, for logs. */
  public String shortHex() {
    return hash.shortHex();
  }

  @Override
  public int compareTo(NodeId o) {
    return hash.compareTo(o.hash);
  }

  @Override
  public String toString() {
    return hash.toHex();
  }
}
