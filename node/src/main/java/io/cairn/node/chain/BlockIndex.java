package io.cairn.node.chain;

import io.cairn.common.crypto.Hash;
import java.util.Collection;
import java.util.Optional;

/** Read access to the block index, as fork choice needs it. */
public interface BlockIndex {
  /** The entry for this hash, if known. */
  Optional<BlockIndexEntry> entry(Hash hash);

  /**
   * Blocks that may end the best chain. Must include at least every block whose status is {@code
   * HAS_BODY} or {@code VALID} and none of whose children has one of those statuses (the best
   * block is always one of them); may include any other entries (all leaves of the block tree, or
   * all entries, are also correct). Fork choice skips those with no more work than the current
   * tip and walks down from the others to the current chain, stopping below any block that is
   * INVALID or has no body, so a small set keeps {@link ForkChoice#plan} cheap.
   */
  Collection<BlockIndexEntry> candidates();
}
