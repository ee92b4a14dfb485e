package io.cairn.node.consensus;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.BlockHeader;
import java.util.Optional;

/**
 * Read access to known headers, on any branch: what the header rules need about a new header's
 * ancestors (its parent, the previous 11 timestamps and the ASERT anchor). A store or an in-memory
 * fake implements it. {@link #ancestor} has a default that walks parent links; header checks ask
 * for the height-1 ancestor (the ASERT anchor) of every parent, so a store should override it
 * (e.g. walk back to the main chain, then use its height index), or every check costs O(height).
 */
public interface HeaderView {
  /** The header with this hash, if known. */
  Optional<BlockHeader> header(Hash hash);

  /**
   * The ancestor at {@code height} of the block {@code from} (the block itself when its height is
   * {@code height}), on {@code from}'s branch; empty when {@code from} is unknown, a link is
   * missing, or {@code height} is above {@code from}'s height.
   */
  default Optional<BlockHeader> ancestor(Hash from, long height) {
    Optional<BlockHeader> h = header(from);
    while (h.isPresent() && h.get().height() > height) {
      h = header(h.get().prevHash());
    }
    return h.filter(x -> x.height() == height);
  }
}
