package io.cairn.common.testing;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Sha256;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.CompactTarget;
import io.cairn.common.model.Merkle;
import io.cairn.common.model.Transaction;
import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.Genesis;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Deterministic, shared test data (published in the common test-jar): seeded keys, a small dev
 * chain spec funding the first {@link #ACCOUNTS} keys, signed transfers and (cheaply mined) blocks.
 * The same index always gives the same key, address, transaction and hash, in every module.
 *
 * <pre>
 *   TestKey alice = Fixtures.key(0);
 *   Transaction tx = Fixtures.transfer(0, 1, Amount.ofCrn(5), 0);   // signed for Fixtures.spec()
 *   Block b1 = Fixtures.mine(Fixtures.block(Fixtures.genesisHash(), 1, Fixtures.GENESIS_TIME_MS + 1000, List.of(tx)));
 * </pre>
 */
public final class Fixtures {
  public static final String PREFIX = "tcairn";
  /** Number of keys funded by {@link #spec()}. */
  public static final int ACCOUNTS = 10;
  public static final Amount INITIAL_BALANCE = Amount.ofCrn(1_000);
  public static final Amount BLOCK_REWARD = Amount.ofCrn(50);
  public static final Amount MIN_FEE = Amount.ofUnits(1_000);
  /** 2026-01-01T00:00:00Z. */
  public static final long GENESIS_TIME_MS = 1_767_225_600_000L;
  public static final long BLOCK_TIME_MS = 1_000;
  /** The easiest target: about every second hash meets it, so {@link #mine} is instant. */
  public static final int EASY_BITS = CompactTarget.POW_LIMIT_BITS;

  private static final ConcurrentMap<Integer, TestKey> KEYS = new ConcurrentHashMap<>();
  private static final ChainSpec SPEC = buildSpec();
  private static final Hash GENESIS_HASH = Genesis.hash(SPEC);

  private Fixtures() {}

  /** Key number {@code i}: seed = SHA-256("cairn/test-key/" + i). */
  public static TestKey key(int i) {
    if (i < 0) {
      throw new IllegalArgumentException("key index must not be negative: " + i);
    }
    return KEYS.computeIfAbsent(i, n -> new TestKey(Sha256.digest(("cairn/test-key/" + n).getBytes(StandardCharsets.US_ASCII))));
  }

  public static Address address(int i) {
    return key(i).address();
  }

  /** A dev spec: prefix {@code tcairn}, 1 s blocks, easiest target, keys 0..9 funded with 1,000 CRN each. */
  public static ChainSpec spec() {
    return SPEC;
  }

  public static Hash genesisHash() {
    return GENESIS_HASH;
  }

  public static Block genesis() {
    return Genesis.block(SPEC);
  }

  /** A transfer of {@code amount} from key {@code from} to key {@code to}, minimum fee, no memo, signed for {@link #spec()}. */
  public static Transaction transfer(int from, int to, Amount amount, long nonce) {
    return transfer(key(from), address(to), amount, MIN_FEE, nonce, Bytes.EMPTY, GENESIS_HASH);
  }

  /** A fully specified transfer signed by {@code from} for the network with {@code genesis}. */
  public static Transaction transfer(TestKey from, Address to, Amount amount, Amount fee, long nonce, Bytes memo, Hash genesis) {
    return from.sign(Transaction.unsigned(from.publicKey(), to, amount, fee, nonce, memo), genesis);
  }

  /**
   * {@code count} valid transfers in chain order: key i (round robin over the funded keys) sends
   * 1 CRN to key i + 1, nonces counting up per sender from 0.
   */
  public static List<Transaction> transfers(int count) {
    List<Transaction> out = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      int from = n % ACCOUNTS;
      out.add(transfer(from, (from + 1) % ACCOUNTS, Amount.ofCrn(1), n / ACCOUNTS));
    }
    return out;
  }

  /** An unmined block on {@code prev} at {@code height}: Merkle root of {@code txs}, {@link #EASY_BITS}, nonce 0, miner key 0. */
  public static Block block(Hash prev, long height, long timestampMs, List<Transaction> txs) {
    return block(prev, height, timestampMs, EASY_BITS, address(0), txs);
  }

  public static Block block(Hash prev, long height, long timestampMs, int bits, Address miner, List<Transaction> txs) {
    List<Hash> ids = new ArrayList<>(txs.size());
    for (Transaction tx : txs) {
      ids.add(tx.txid());
    }
    BlockHeader h = new BlockHeader(BlockHeader.VERSION, height, prev, Merkle.root(ids), timestampMs, bits, 0, miner);
    return new Block(h, txs);
  }

  /** The block with the first nonce (from 0) whose hash meets its target. Only for easy targets. */
  public static Block mine(Block block) {
    BigInteger target = CompactTarget.expand(block.header().bits());
    BlockHeader h = block.header();
    for (long nonce = 0; nonce < 10_000_000L; nonce++) {
      BlockHeader candidate = h.withNonce(nonce);
      if (CompactTarget.meets(candidate.hash(), target)) {
        return new Block(candidate, block.transactions());
      }
    }
    throw new IllegalStateException("target 0x" + Integer.toHexString(h.bits()) + " too hard for a test");
  }

  /** A chain of {@code length} mined, empty blocks on {@link #genesis()}, one {@link #BLOCK_TIME_MS} apart. */
  public static List<Block> emptyChain(int length) {
    List<Block> out = new ArrayList<>(length);
    Hash prev = GENESIS_HASH;
    for (int h = 1; h <= length; h++) {
      Block b = mine(block(prev, h, GENESIS_TIME_MS + h * BLOCK_TIME_MS, List.of()));
      out.add(b);
      prev = b.hash();
    }
    return out;
  }

  private static ChainSpec buildSpec() {
    List<ChainSpec.Allocation> allocations = new ArrayList<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      allocations.add(new ChainSpec.Allocation(address(i), INITIAL_BALANCE));
    }
    return new ChainSpec("fixture", PREFIX, BLOCK_TIME_MS, EASY_BITS, 60_000, 1_000_000, BLOCK_REWARD, MIN_FEE,
        GENESIS_TIME_MS, true, allocations);
  }
}
