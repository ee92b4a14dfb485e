package io.cairn.node.miner;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.reason.Rejected;
import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.Genesis;
import io.cairn.node.consensus.BlockRules;
import io.cairn.node.consensus.SignatureCheck;
import io.cairn.node.mempool.Mempool;
import io.cairn.node.mempool.MempoolConfig;
import io.cairn.node.mempool.TxPrecheck;
import io.cairn.node.state.ApplyResult;
import io.cairn.node.state.StateTransition;
import io.cairn.node.testing.MemoryAccounts;
import io.cairn.node.testing.MemoryHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A minimal in-memory node for miner tests: one chain (no forks), validated with the consensus
 * {@link BlockRules} and applied with the state transition, plus a mempool kept at its tip. Methods
 * are synchronized because mining threads call them.
 */
public final class TestChain {
  public final ChainSpec spec;
  public final Hash genesis;
  final MemoryHeaders headers = new MemoryHeaders();
  public final MemoryAccounts state;
  public final Mempool mempool;
  private final List<Block> blocks = new ArrayList<>();
  private BlockHeader tip;

  public TestChain(ChainSpec spec) {
    this.spec = spec;
    Block g = Genesis.block(spec);
    this.genesis = g.hash();
    headers.add(g.header());
    blocks.add(g);
    tip = g.header();
    state = new MemoryAccounts().apply(StateTransition.applyGenesis(spec));
    mempool = new Mempool(MempoolConfig.DEFAULT, TxPrecheck.consensus(spec, genesis, SignatureCheck.DIRECT), state);
  }

  public synchronized BlockTemplate template(Address miner, long nowMillis) {
    return TemplateBuilder.fromMempool(spec, tip, headers, mempool, miner, nowMillis);
  }

  /** Validates and connects {@code b} on the tip; the rejection otherwise (a stale block too). */
  public synchronized Optional<Rejected> submit(Block b, long nowMillis) {
    if (!b.header().prevHash().equals(tip.hash())) {
      return Optional.of(Rejected.of(io.cairn.common.reason.Reason.UNKNOWN_PARENT, "not on the tip"));
    }
    ApplyResult r = BlockRules.validate(b, headers, state, spec, genesis, SignatureCheck.DIRECT, nowMillis);
    if (r instanceof ApplyResult.Failed f) {
      return Optional.of(f.rejected());
    }
    state.apply(((ApplyResult.Applied) r).delta());
    headers.add(b.header());
    blocks.add(b);
    tip = b.header();
    mempool.onBlockConnected(b, state);
    return Optional.empty();
  }

  public synchronized long height() {
    return tip.height();
  }

  public synchronized List<Block> blocks() {
    return List.copyOf(blocks);
  }
}
