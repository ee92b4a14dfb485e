package io.cairn.node.store;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.BlockHeader;
import java.math.BigInteger;
import java.util.Objects;

/** An immutable snapshot of the main chain's tip, published after every change; safe to share. */
public record ChainHead(Hash hash, BlockHeader header, BigInteger cumulativeWork) {
  public ChainHead {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(cumulativeWork, "cumulativeWork");
  }

  public long height() {
    return header.height();
  }
}
