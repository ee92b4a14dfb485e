package io.cairn.node.service;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.BlockHeader;
import io.cairn.node.chain.BlockIndexEntry;
import io.cairn.node.consensus.HeaderView;
import io.cairn.node.store.ChainStore;
import java.util.Optional;

/**
 * Headers from the chain store, for building block templates: {@link #ancestor} walks back to the
 * main chain and then jumps by its height index, so ASERT's anchor lookup costs O(1) on the tip.
 */
final class StoreHeaders implements HeaderView {
  private final ChainStore store;

  StoreHeaders(ChainStore store) {
    this.store = store;
  }

  @Override
  public Optional<BlockHeader> header(Hash hash) {
    return store.entry(hash).map(BlockIndexEntry::header);
  }

  @Override
  public Optional<BlockHeader> ancestor(Hash from, long height) {
    Optional<BlockHeader> h = header(from);
    while (h.isPresent() && h.get().height() > height) {
      BlockHeader x = h.get();
      if (store.hashAt(x.height()).filter(x.hash()::equals).isPresent()) {
        return store.hashAt(height).flatMap(this::header);
      }
      h = header(x.prevHash());
    }
    return h.filter(x -> x.height() == height);
  }
}
