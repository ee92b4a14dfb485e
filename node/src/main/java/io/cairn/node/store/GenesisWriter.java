package io.cairn.node.store;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.Genesis;
import io.cairn.node.chain.BlockIndexEntry;
import io.cairn.node.chain.ChainWork;
import io.cairn.node.state.StateDelta;
import io.cairn.node.state.StateTransition;

/** Writes a fresh store's first state: the genesis block as tip and the spec's allocations. */
final class GenesisWriter {
  private GenesisWriter() {}

  static Hash genesisHash(ChainSpec spec) {
    return Genesis.hash(spec);
  }

  /** The genesis row of the headers column: valid, first seen, its own work only. */
  static BlockIndexEntry genesisEntry(ChainSpec spec) {
    Block g = Genesis.block(spec);
    return new BlockIndexEntry(g.hash(), g.header(), ChainWork.genesis(g.header()), BlockIndexEntry.Status.VALID, 0);
  }

  /** One synced batch: genesis header, empty body, height 0, allocations, tip and metadata. */
  static void write(ChainStore store, ChainSpec spec) {
    Block g = Genesis.block(spec);
    Hash hash = g.hash();
    StateDelta delta = StateTransition.applyGenesis(spec);
    try (StoreUpdate u = store.update()) {
      u.put(Schema.HEADERS, hash, genesisEntry(spec));
      u.put(Schema.BODIES, hash, g.transactions());
      u.put(Schema.HEIGHT, 0L, hash);
      BlockWrites.writeAccounts(u, delta, false);
      u.put(Schema.TIP, hash);
      u.put(Schema.GENESIS_HASH, hash);
      u.put(Schema.SPEC_COMMITMENT, spec.commitment());
      u.put(Schema.NEXT_SEQ, 1L);
      u.put(Schema.SCHEMA_VERSION, Schema.VERSION);
      u.commit(true);
    }
  }
}
