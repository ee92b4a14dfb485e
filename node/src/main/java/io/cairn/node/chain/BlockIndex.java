package io.cairn.node.chain;

import io.cairn.common.crypto.Hash;
import java.util.Collection;
import java.util.Optional;

/** Read access to the block index, as fork choice needs it. */
public interface BlockIndex {
  /** The entry for this hash, if known. */
  Optional<BlockIndexEntry> entry(Hash hash);

  /**
   * Blocks that may end the best chain. Must include every leaf of the block tree (a block no
   * known block builds on) that has a body, and may include any other entries: fork choice walks
   * down from each and stops below a block without body or an invalid one.
   */
  Collection<BlockIndexEntry> candidates();
}
