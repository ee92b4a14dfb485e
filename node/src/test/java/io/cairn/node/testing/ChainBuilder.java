package io.cairn.node.testing;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.Genesis;
import io.cairn.node.consensus.HeaderView;
import io.cairn.node.state.AccountView;
import io.cairn.node.state.ApplyResult;
import io.cairn.node.state.StateDelta;
import io.cairn.node.state.StateTransition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds valid test chains deterministically: blocks on any known block (so forks are easy), with
 * transfers whose nonces are filled in from the parent's state, timestamps on ASERT's schedule, the
 * ASERT target, and proof of work solved by counting the nonce up from 0. Remembers every block it
 * built, its header (it is a {@link HeaderView}) and the state after it.
 *
 * <pre>
 * ChainBuilder chain = ChainBuilder.create();
 * Block b1 = chain.on(chain.genesisHash()).transfer(0, TestKey.of(5).address(), Amount.ofCrn(3)).mine();
 * List&lt;Block&gt; fork = chain.extend(chain.genesisHash(), 3);
 * </pre>
 */
public final class ChainBuilder implements HeaderView {
  private final ChainSpec spec;
  private final Block genesis;
  private final Hash genesisHash;
  private final MemoryHeaders headers = new MemoryHeaders();
  private final Map<Hash, Block> blocks = new HashMap<>();
  private final Map<Hash, MemoryAccounts> states = new HashMap<>();
  private final Map<Hash, StateDelta> deltas = new HashMap<>();
  /** Each block's height-1 ancestor (the ASERT anchor), so header checks stay O(1) on long chains. */
  private final Map<Hash, Hash> anchors = new HashMap<>();

  private ChainBuilder(ChainSpec spec) {
    this.spec = spec;
    this.genesis = Genesis.block(spec);
    this.genesisHash = genesis.hash();
    headers.add(genesis.header());
    blocks.put(genesisHash, genesis);
    StateDelta g = StateTransition.applyGenesis(spec);
    deltas.put(genesisHash, g);
    states.put(genesisHash, new MemoryAccounts().apply(g));
  }

  /** A builder on {@link TestSpecs#easy()}. */
  public static ChainBuilder create() {
    return new ChainBuilder(TestSpecs.easy());
  }

  public static ChainBuilder create(ChainSpec spec) {
    return new ChainBuilder(spec);
  }

  public ChainSpec spec() {
    return spec;
  }

  public Block genesis() {
    return genesis;
  }

  public Hash genesisHash() {
    return genesisHash;
  }

  /** A draft of a block on {@code parent} (any block this builder knows). */
  public BlockDraft on(Hash parent) {
    return new BlockDraft(this, block(parent));
  }

  /** A draft of a block on {@code parent}. */
  public BlockDraft on(Block parent) {
    return on(parent.hash());
  }

  /** Mines an empty block on {@code parent}. */
  public Block next(Hash parent) {
    return on(parent).mine();
  }

  /** Mines {@code n} empty blocks in a row on {@code parent}; returns them lowest first. */
  public List<Block> extend(Hash parent, int n) {
    List<Block> out = new ArrayList<>(n);
    Hash p = parent;
    for (int i = 0; i < n; i++) {
      Block b = next(p);
      out.add(b);
      p = b.hash();
    }
    return out;
  }

  /** The block with this hash; IllegalArgumentException if this builder did not build it. */
  public Block block(Hash hash) {
    Block b = blocks.get(hash);
    if (b == null) {
      throw new IllegalArgumentException("unknown block " + hash.toHex());
    }
    return b;
  }

  /** The blocks from height 1 up to {@code tip}, lowest first (the chain to feed a node). */
  public List<Block> chainTo(Hash tip) {
    List<Block> out = new ArrayList<>();
    Block b = block(tip);
    while (b.height() > 0) {
      out.add(0, b);
      b = block(b.header().prevHash());
    }
    return out;
  }

  /** The state after {@code hash}; IllegalStateException when that block's transactions were invalid. */
  public MemoryAccounts state(Hash hash) {
    block(hash);
    MemoryAccounts s = states.get(hash);
    if (s == null) {
      throw new IllegalStateException("block " + hash.toHex() + " is not valid on its parent's state");
    }
    return s.copy();
  }

  /** The state delta of {@code hash} (genesis: the allocations). */
  public StateDelta delta(Hash hash) {
    state(hash);
    return deltas.get(hash);
  }

  /** True when the block's transactions applied cleanly on its parent's state. */
  public boolean hasState(Hash hash) {
    return states.containsKey(hash);
  }

  @Override
  public Optional<BlockHeader> header(Hash hash) {
    return headers.header(hash);
  }

  @Override
  public Optional<BlockHeader> ancestor(Hash from, long height) {
    Hash anchor = anchors.get(from);
    if (height == 1 && anchor != null) {
      return headers.header(anchor);
    }
    return HeaderView.super.ancestor(from, height);
  }

  /** Records a block (built by a draft, maybe deliberately invalid); computes its state if it can. */
  Block record(Block block) {
    Hash h = block.hash();
    headers.add(block.header());
    blocks.put(h, block);
    if (block.height() == 1) {
      anchors.put(h, h);
    } else if (anchors.containsKey(block.header().prevHash())) {
      anchors.put(h, anchors.get(block.header().prevHash()));
    }
    AccountView parentState = states.get(block.header().prevHash());
    if (parentState != null) {
      ApplyResult r = StateTransition.apply(parentState, block, spec);
      if (r instanceof ApplyResult.Applied a) {
        deltas.put(h, a.delta());
        states.put(h, states.get(block.header().prevHash()).copy().apply(a.delta()));
      }
    }
    return block;
  }

  MemoryAccounts parentState(Hash parent) {
    MemoryAccounts s = states.get(parent);
    return s == null ? null : s.copy();
  }
}
