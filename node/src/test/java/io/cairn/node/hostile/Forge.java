package io.cairn.node.hostile;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Signature;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.CompactTarget;
import io.cairn.common.model.Merkle;
import io.cairn.common.model.Transaction;
import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.Genesis;
import io.cairn.node.consensus.HeaderRules;
import io.cairn.node.testing.MemoryHeaders;
import io.cairn.node.testing.TestKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Crafts blocks, headers and transactions on top of the victim's real chain (learnt over the wire),
 * each valid except for the one thing an attack gets wrong. Defaults give a valid block on the tip:
 * height tip + 1, the ASERT target, a timestamp after the median time past and not ahead of the
 * clock, the Merkle root of the transactions, solved proof of work.
 */
final class Forge {
  static final Address ATTACKER_MINER = TestKey.of(66).address();
  private final ChainSpec spec;
  private final Hash genesis;
  private final MemoryHeaders view = new MemoryHeaders();
  private final BlockHeader tip;

  /** {@code chain}: the victim's main-chain headers from height 1 up to its tip, in order. */
  Forge(ChainSpec spec, List<BlockHeader> chain) {
    this.spec = spec;
    Block g = Genesis.block(spec);
    this.genesis = g.hash();
    view.add(g.header());
    BlockHeader last = g.header();
    for (BlockHeader h : chain) {
      if (!h.prevHash().equals(last.hash())) {
        throw new IllegalArgumentException("headers do not form a chain at height " + h.height());
      }
      view.add(h);
      last = h;
    }
    this.tip = last;
  }

  BlockHeader tip() {
    return tip;
  }

  Hash genesis() {
    return genesis;
  }

  /** A transfer signed for this network. */
  Transaction transfer(TestKey from, Address to, Amount amount, long nonce) {
    return from.transfer(genesis, to, amount, spec.minFee(), nonce);
  }

  /** The same transfer with one bit of its signature flipped. */
  static Transaction withBadSignature(Transaction tx) {
    byte[] sig = tx.signature().toArray();
    sig[10] ^= 0x01;
    return new Transaction(tx.version(), tx.from(), tx.to(), tx.amount(), tx.fee(), tx.nonce(), tx.memo(),
        Signature.of(sig));
  }

  /** A transfer with a 64-byte memo (the largest a transaction gets), to fill blocks quickly. */
  Transaction bulky(TestKey from, Address to, long nonce) {
    return from.transfer(genesis, to, Amount.ofUnits(1), spec.minFee(), nonce, Bytes.of(new byte[Transaction.MAX_MEMO]));
  }

  Draft draft() {
    return new Draft(tip);
  }

  /** A block on {@code parent} (a header of a branch the caller built), otherwise like {@link #draft()}. */
  Draft draftOn(BlockHeader parent) {
    view.add(parent);
    return new Draft(parent);
  }

  /** One block being put together; set at most the one thing to get wrong. */
  final class Draft {
    private final BlockHeader parent;
    private final List<Transaction> txs = new ArrayList<>();
    private Long timestamp;
    private Integer bits;
    private Hash merkleRoot;
    private Address miner = ATTACKER_MINER;

    private Draft(BlockHeader parent) {
      this.parent = parent;
    }

    Draft tx(Transaction tx) {
      txs.add(tx);
      return this;
    }

    Draft timestamp(long ms) {
      timestamp = ms;
      return this;
    }

    Draft bits(int compact) {
      bits = compact;
      return this;
    }

    Draft merkleRoot(Hash root) {
      merkleRoot = root;
      return this;
    }

    Draft miner(Address address) {
      miner = address;
      return this;
    }

    int requiredBits() {
      return HeaderRules.requiredBits(parent, view, spec);
    }

    BlockHeader unsolved() {
      long mtp = HeaderRules.medianTimePast(parent, view);
      long ts = timestamp != null ? timestamp : Math.max(mtp + 1, System.currentTimeMillis());
      int b = bits != null ? bits : requiredBits();
      List<Hash> ids = txs.stream().map(Transaction::txid).toList();
      Hash root = merkleRoot != null ? merkleRoot : Merkle.root(ids);
      return new BlockHeader(BlockHeader.VERSION, parent.height() + 1, parent.hash(), root, ts, b, 0, miner);
    }

    /** Solves proof of work. */
    Block mine() {
      BlockHeader h = unsolved();
      BigInteger target = CompactTarget.expand(h.bits());
      long nonce = 0;
      while (!CompactTarget.meets(h.withNonce(nonce).hash(), target)) {
        nonce++;
      }
      return new Block(h.withNonce(nonce), List.copyOf(txs));
    }

    /** A block whose hash is above its (otherwise correct) target. */
    Block mineBadPow() {
      BlockHeader h = unsolved();
      BigInteger target = CompactTarget.expand(h.bits());
      long nonce = 0;
      while (CompactTarget.meets(h.withNonce(nonce).hash(), target)) {
        nonce++;
      }
      return new Block(h.withNonce(nonce), List.copyOf(txs));
    }
  }
}
