package io.cairn.node.chain;

import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.CompactTarget;
import java.math.BigInteger;

/** Cumulative proof of work: the sum over a chain of 2^256 / (target + 1). */
public final class ChainWork {
  private ChainWork() {}

  /** Work of the chain ending in {@code header} given its parent's cumulative work. */
  public static BigInteger cumulative(BigInteger parentWork, BlockHeader header) {
    return parentWork.add(CompactTarget.work(header.bits()));
  }

  /** Cumulative work of the chain consisting of only the genesis block. */
  public static BigInteger genesis(BlockHeader genesis) {
    return CompactTarget.work(genesis.bits());
  }
}
