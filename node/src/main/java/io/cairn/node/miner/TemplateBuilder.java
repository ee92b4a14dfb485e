package io.cairn.node.miner;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.Merkle;
import io.cairn.common.model.Transaction;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.consensus.HeaderRules;
import io.cairn.node.consensus.HeaderView;
import io.cairn.node.mempool.Mempool;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds block templates (pure): the child of {@code parent} with
 *
 * <ul>
 *   <li>transactions from the mempool, highest fee first, each sender's in nonce order
 *       ({@link Mempool#selectForBlock}), within {@link #maxTxBytes} = max block size - 126-byte
 *       header - 4-byte count;
 *   <li>timestamp = max(now, median time past + 1), the earliest the rules accept and no later than
 *       the miner's clock when it is ahead of the median;
 *   <li>bits = the ASERT target ({@link HeaderRules#requiredBits});
 *   <li>the Merkle root of the txids, nonce 0, and the miner address (credited reward + fees).
 * </ul>
 */
public final class TemplateBuilder {
  private TemplateBuilder() {}

  /** Room for transaction encodings in a block of this chain. */
  public static long maxTxBytes(ChainSpec spec) {
    return spec.maxBlockSize() - BlockHeader.ENCODED_LENGTH - 4L;
  }

  /** A template filled from {@code mempool} (which must be at {@code parent}'s state). */
  public static BlockTemplate fromMempool(ChainSpec spec, BlockHeader parent, HeaderView headers, Mempool mempool,
      Address miner, long nowMillis) {
    return build(spec, parent, headers, mempool.selectForBlock(maxTxBytes(spec)), miner, nowMillis);
  }

  /**
   * A template with exactly {@code txs}; IllegalArgumentException when they exceed the block size.
   * {@code headers} must hold {@code parent} and its ancestors back to height 1 (for ASERT and the
   * median time past).
   */
  public static BlockTemplate build(ChainSpec spec, BlockHeader parent, HeaderView headers, List<Transaction> txs,
      Address miner, long nowMillis) {
    long size = 0;
    Amount fees = Amount.ZERO;
    List<Hash> txids = new ArrayList<>(txs.size());
    for (Transaction tx : txs) {
      size += tx.encodedLength();
      fees = fees.plus(tx.fee());
      txids.add(tx.txid());
    }
    if (size > maxTxBytes(spec)) {
      throw new IllegalArgumentException("transactions of " + size + " bytes exceed the " + maxTxBytes(spec)
          + " bytes a block of this chain can hold");
    }
    long timestamp = Math.max(nowMillis, HeaderRules.medianTimePast(parent, headers) + 1);
    int bits = HeaderRules.requiredBits(parent, headers, spec);
    BlockHeader header = new BlockHeader(BlockHeader.VERSION, parent.height() + 1, parent.hash(), Merkle.root(txids),
        timestamp, bits, 0, miner);
    return new BlockTemplate(header, txs, fees, spec.blockReward().plus(fees));
  }

}
