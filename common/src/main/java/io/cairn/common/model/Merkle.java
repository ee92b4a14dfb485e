package io.cairn.common.model;

import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Sha256;
import java.util.List;

/**
 * Merkle root of txids with domain-separated leaves and nodes (as RFC 6962): leaf = SHA-256(0x00 ||
 * txid), node = SHA-256(0x01 || left || right); an odd node at the end of a level is carried up
 * unchanged. The root of no transactions is 32 zero bytes. Unlike Bitcoin's tree, no two different
 * transaction lists share a root (no duplicated-last-leaf ambiguity).
 */
public final class Merkle {
  private Merkle() {}

  public static Hash root(List<Hash> txids) {
    if (txids.isEmpty()) {
      return Hash.ZERO;
    }
    byte[][] level = new byte[txids.size()][];
    byte[] leafPrefix = {0};
    for (int i = 0; i < level.length; i++) {
      level[i] = Sha256.digest(leafPrefix, txids.get(i).toArray());
    }
    byte[] nodePrefix = {1};
    int n = level.length;
    while (n > 1) {
      int next = 0;
      for (int i = 0; i < n; i += 2) {
        level[next++] = i + 1 < n ? Sha256.digest(nodePrefix, level[i], level[i + 1]) : level[i];
      }
      n = next;
    }
    return Hash.of(level[0]);
  }
}
