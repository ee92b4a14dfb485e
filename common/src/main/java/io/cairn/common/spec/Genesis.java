package io.cairn.common.spec;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import java.util.List;

/**
 * The genesis block, derived from a chain spec alone: height 0, previous hash zero, Merkle-root field
 * = the spec's commitment, timestamp and bits from the spec, nonce 0, miner the zero address, no
 * transactions. It is not mined; allocations are its state.
 */
public final class Genesis {
  private Genesis() {}

  public static Block block(ChainSpec spec) {
    BlockHeader h = new BlockHeader(BlockHeader.VERSION, 0, Hash.ZERO, spec.commitment(),
        spec.genesisTimestampMs(), spec.initialBits(), 0, Address.ZERO);
    return new Block(h, List.of());
  }

  public static Hash hash(ChainSpec spec) {
    return block(spec).hash();
  }
}
