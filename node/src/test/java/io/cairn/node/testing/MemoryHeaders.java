package io.cairn.node.testing;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.BlockHeader;
import io.cairn.node.consensus.HeaderView;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An in-memory {@link HeaderView}: every header added, on any branch. */
public final class MemoryHeaders implements HeaderView {
  private final Map<Hash, BlockHeader> headers = new HashMap<>();

  public MemoryHeaders add(BlockHeader header) {
    headers.put(header.hash(), header);
    return this;
  }

  @Override
  public Optional<BlockHeader> header(Hash hash) {
    return Optional.ofNullable(headers.get(hash));
  }

  public int size() {
    return headers.size();
  }
}
