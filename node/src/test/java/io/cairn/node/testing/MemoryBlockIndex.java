package io.cairn.node.testing;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.BlockHeader;
import io.cairn.node.chain.BlockIndex;
import io.cairn.node.chain.BlockIndexEntry;
import io.cairn.node.chain.ChainWork;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory {@link BlockIndex}: entries in first-seen order ({@code seq} counts up from 0), work
 * summed from the parent's entry; {@link #candidates()} returns every entry.
 */
public final class MemoryBlockIndex implements BlockIndex {
  private final Map<Hash, BlockIndexEntry> entries = new LinkedHashMap<>();
  private long nextSeq;

  /** Adds a header whose parent is already present (or a genesis header). */
  public BlockIndexEntry add(BlockHeader header, BlockIndexEntry.Status status) {
    Hash hash = header.hash();
    if (entries.containsKey(hash)) {
      throw new IllegalArgumentException("already indexed: " + hash.toHex());
    }
    BigInteger work;
    if (header.height() == 0) {
      work = ChainWork.genesis(header);
    } else {
      BlockIndexEntry parent = entries.get(header.prevHash());
      if (parent == null) {
        throw new IllegalArgumentException("parent not indexed: " + header.prevHash().toHex());
      }
      work = ChainWork.cumulative(parent.cumulativeWork(), header);
    }
    BlockIndexEntry e = new BlockIndexEntry(hash, header, work, status, nextSeq++);
    entries.put(hash, e);
    return e;
  }

  public void setStatus(Hash hash, BlockIndexEntry.Status status) {
    BlockIndexEntry e = entries.get(hash);
    if (e == null) {
      throw new IllegalArgumentException("not indexed: " + hash.toHex());
    }
    entries.put(hash, e.withStatus(status));
  }

  @Override
  public Optional<BlockIndexEntry> entry(Hash hash) {
    return Optional.ofNullable(entries.get(hash));
  }

  @Override
  public Collection<BlockIndexEntry> candidates() {
    return new ArrayList<>(entries.values());
  }
}
