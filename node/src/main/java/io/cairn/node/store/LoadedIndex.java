package io.cairn.node.store;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.BlockHeader;
import io.cairn.node.chain.BlockIndex;
import io.cairn.node.chain.BlockIndexEntry;
import io.cairn.node.consensus.HeaderView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The block index in memory, loaded from the headers column at start and kept in step with it by
 * {@link ChainEngine}: every known block, its children, the fork-choice candidates (blocks that can
 * be connected and have no child that can), and the main chain by height. Chain thread only.
 */
final class LoadedIndex implements BlockIndex, HeaderView {
  private final Map<Hash, BlockIndexEntry> entries = new HashMap<>();
  private final Map<Hash, List<Hash>> children = new HashMap<>();
  private final Set<Hash> candidates = new HashSet<>();
  private final List<Hash> main = new ArrayList<>();

  /** Adds a new entry or replaces one with a new status, keeping children and candidates right. */
  void put(BlockIndexEntry e) {
    BlockIndexEntry old = entries.put(e.hash(), e);
    if (old == null && e.height() > 0) {
      children.computeIfAbsent(e.prevHash(), k -> new ArrayList<>(1)).add(e.hash());
    }
    refreshCandidate(e.hash());
    if (e.height() > 0) {
      refreshCandidate(e.prevHash());
    }
  }

  private void refreshCandidate(Hash hash) {
    BlockIndexEntry e = entries.get(hash);
    if (e == null || !e.status().connectable()) {
      candidates.remove(hash);
      return;
    }
    for (Hash c : children.getOrDefault(hash, List.of())) {
      BlockIndexEntry child = entries.get(c);
      if (child != null && child.status().connectable()) {
        candidates.remove(hash);
        return;
      }
    }
    candidates.add(hash);
  }

  int size() {
    return entries.size();
  }

  List<Hash> children(Hash hash) {
    return children.getOrDefault(hash, List.of());
  }

  @Override
  public Optional<BlockIndexEntry> entry(Hash hash) {
    return Optional.ofNullable(entries.get(hash));
  }

  @Override
  public Collection<BlockIndexEntry> candidates() {
    List<BlockIndexEntry> out = new ArrayList<>(candidates.size());
    for (Hash h : candidates) {
      out.add(entries.get(h));
    }
    return out;
  }

  @Override
  public Optional<BlockHeader> header(Hash hash) {
    BlockIndexEntry e = entries.get(hash);
    return e == null ? Optional.empty() : Optional.of(e.header());
  }

  /** Walks down only until the branch meets the main chain, then answers from the height list. */
  @Override
  public Optional<BlockHeader> ancestor(Hash from, long height) {
    BlockIndexEntry e = entries.get(from);
    while (e != null && e.height() > height && !onMain(e)) {
      e = entries.get(e.prevHash());
    }
    if (e == null || e.height() < height) {
      return Optional.empty();
    }
    if (e.height() == height) {
      return Optional.of(e.header());
    }
    return header(main.get((int) height));
  }

  boolean onMain(BlockIndexEntry e) {
    long h = e.height();
    return h < main.size() && main.get((int) h).equals(e.hash());
  }

  /** Main-chain hash at {@code height} (chain thread's view). */
  Hash mainAt(long height) {
    return main.get((int) height);
  }

  long tipHeight() {
    return main.size() - 1L;
  }

  void pushMain(Hash hash) {
    BlockIndexEntry e = entries.get(hash);
    if (e == null || e.height() != main.size()) {
      throw new IllegalStateException("block " + hash + " does not extend the main chain");
    }
    main.add(hash);
  }

  void popMain() {
    if (main.size() <= 1) {
      throw new IllegalStateException("cannot pop genesis");
    }
    main.remove(main.size() - 1);
  }

  /** Rebuilds the main chain by walking down from {@code tip}. */
  void resetMain(Hash tip) {
    BlockIndexEntry e = entries.get(tip);
    if (e == null) {
      throw new IllegalStateException("tip " + tip + " is not in the block index");
    }
    Hash[] chain = new Hash[(int) e.height() + 1];
    while (true) {
      chain[(int) e.height()] = e.hash();
      if (e.height() == 0) {
        break;
      }
      BlockIndexEntry parent = entries.get(e.prevHash());
      if (parent == null) {
        throw new IllegalStateException("main chain broken below " + e.hash());
      }
      e = parent;
    }
    main.clear();
    main.addAll(List.of(chain));
  }
}
