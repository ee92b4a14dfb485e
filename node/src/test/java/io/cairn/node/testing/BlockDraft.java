package io.cairn.node.testing;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.CompactTarget;
import io.cairn.common.model.Merkle;
import io.cairn.common.model.Transaction;
import io.cairn.node.consensus.HeaderRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A block being put together by a {@link ChainBuilder}. Defaults give a valid block: height parent +
 * 1, timestamp parent + target block time, the ASERT target, the Merkle root of the transactions,
 * miner {@code TestKey.of(99)}. Overrides let tests build exactly one thing wrong.
 */
public final class BlockDraft {
  /** The default miner: a key with no allocation. */
  public static final TestKey DEFAULT_MINER = TestKey.of(99);

  private final ChainBuilder chain;
  private final Block parent;
  private final List<Transaction> txs = new ArrayList<>();
  private final Map<Address, Long> nextNonce = new HashMap<>();
  private Long height;
  private Long timestamp;
  private Integer bits;
  private Hash merkleRoot;
  private Address miner = DEFAULT_MINER.address();

  BlockDraft(ChainBuilder chain, Block parent) {
    this.chain = chain;
    this.parent = parent;
  }

  /** A transfer of {@code amount} from key {@code from} to {@code to}, min fee, next nonce. */
  public BlockDraft transfer(int from, Address to, Amount amount) {
    return transfer(TestKey.of(from), to, amount, chain.spec().minFee());
  }

  /** A transfer with this fee; the nonce is the sender's next one after earlier drafts' transfers. */
  public BlockDraft transfer(TestKey from, Address to, Amount amount, Amount fee) {
    long nonce = nextNonce.computeIfAbsent(from.address(), a -> {
      MemoryAccounts s = chain.parentState(parent.hash());
      if (s == null) {
        throw new IllegalStateException("parent " + parent.hash().toHex() + " has no valid state to take nonces from");
      }
      return s.account(a).nonce();
    });
    nextNonce.put(from.address(), nonce + 1);
    return tx(from.transfer(chain.genesisHash(), to, amount, fee, nonce, Bytes.EMPTY));
  }

  /** Any transaction, as is. */
  public BlockDraft tx(Transaction tx) {
    txs.add(tx);
    return this;
  }

  public BlockDraft height(long h) {
    this.height = h;
    return this;
  }

  public BlockDraft timestamp(long ms) {
    this.timestamp = ms;
    return this;
  }

  /** Timestamp = parent's timestamp + {@code ms}. */
  public BlockDraft timeAfterParent(long ms) {
    return timestamp(parent.header().timestampMs() + ms);
  }

  public BlockDraft bits(int compact) {
    this.bits = compact;
    return this;
  }

  public BlockDraft merkleRoot(Hash root) {
    this.merkleRoot = root;
    return this;
  }

  public BlockDraft miner(Address address) {
    this.miner = address;
    return this;
  }

  /** The header with nonce 0, before proof of work. */
  public BlockHeader header() {
    BlockHeader p = parent.header();
    long h = height != null ? height : p.height() + 1;
    long ts = timestamp != null ? timestamp : p.timestampMs() + chain.spec().targetBlockTimeMs();
    int b = bits != null ? bits : HeaderRules.requiredBits(p, chain, chain.spec());
    Hash root = merkleRoot != null ? merkleRoot : Merkle.root(txids());
    return new BlockHeader(BlockHeader.VERSION, h, p.hash(), root, ts, b, 0, miner);
  }

  /** Solves proof of work (nonce counting up from 0), records the block in the builder, returns it. */
  public Block mine() {
    BlockHeader h = header();
    java.math.BigInteger target = CompactTarget.expand(h.bits());
    long nonce = 0;
    while (!CompactTarget.meets(h.withNonce(nonce).hash(), target)) {
      nonce++;
    }
    return chain.record(new Block(h.withNonce(nonce), txs));
  }

  /** A block whose hash is above its target (the first failing nonce from 0), recorded as well. */
  public Block mineBadPow() {
    BlockHeader h = header();
    java.math.BigInteger target = CompactTarget.expand(h.bits());
    long nonce = 0;
    while (CompactTarget.meets(h.withNonce(nonce).hash(), target)) {
      nonce++;
    }
    return chain.record(new Block(h.withNonce(nonce), txs));
  }

  private List<Hash> txids() {
    List<Hash> ids = new ArrayList<>(txs.size());
    for (Transaction tx : txs) {
      ids.add(tx.txid());
    }
    return ids;
  }
}
