package io.cairn.node.store;

import io.cairn.common.crypto.Hash;
import java.util.Objects;

/** One confirmed transaction touching an address (as sender or recipient), newest first in pages. */
public record HistoryEntry(long height, int position, Hash txid) {
  public HistoryEntry {
    Objects.requireNonNull(txid, "txid");
  }
}
