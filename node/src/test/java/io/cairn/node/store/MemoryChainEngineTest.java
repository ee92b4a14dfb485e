package io.cairn.node.store;

import io.cairn.node.testing.ChainBuilder;

/** The engine contract on the in-memory key-value store. */
class MemoryChainEngineTest extends ChainEngineContract {
  @Override
  ChainStore newStore(ChainBuilder chain) {
    return ChainStore.inMemory(chain.spec());
  }
}
