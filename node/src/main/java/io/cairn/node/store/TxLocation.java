package io.cairn.node.store;

import io.cairn.common.crypto.Hash;
import java.util.Objects;

/** Where a confirmed transaction sits on the main chain: its block, that block's height, its index. */
public record TxLocation(Hash blockHash, long height, int position) {
  public TxLocation {
    Objects.requireNonNull(blockHash, "blockHash");
    if (height < 0 || position < 0) {
      throw new IllegalArgumentException("height and position must not be negative");
    }
  }
}
