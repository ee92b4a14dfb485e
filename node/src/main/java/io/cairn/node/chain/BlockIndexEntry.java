package io.cairn.node.chain;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.BlockHeader;
import java.math.BigInteger;
import java.util.Objects;

/**
 * What the node knows about one block: its header, the cumulative work of the chain ending in it,
 * how far it has been checked, and when it was first seen.
 *
 * @param seq first-seen order: lower was seen earlier; breaks ties in fork choice
 */
public record BlockIndexEntry(Hash hash, BlockHeader header, BigInteger cumulativeWork, Status status, long seq) {

  /** How far a block has been checked. */
  public enum Status {
    /** Header valid (proof of work, target, linkage); body not stored. */
    HEADER_ONLY,
    /** Body stored, not yet validated against the state (not connected yet). */
    HAS_BODY,
    /** Connected at least once: fully valid. */
    VALID,
    /** Failed validation, or descends from a block that did. */
    INVALID;

    /** True when a block with this status may be part of the chain fork choice picks. */
    public boolean connectable() {
      return this == HAS_BODY || this == VALID;
    }
  }

  public BlockIndexEntry {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(cumulativeWork, "cumulativeWork");
    Objects.requireNonNull(status, "status");
    if (cumulativeWork.signum() <= 0) {
      throw new IllegalArgumentException("cumulative work must be positive");
    }
  }

  public long height() {
    return header.height();
  }

  public Hash prevHash() {
    return header.prevHash();
  }

  public BlockIndexEntry withStatus(Status newStatus) {
    return new BlockIndexEntry(hash, header, cumulativeWork, newStatus, seq);
  }
}
