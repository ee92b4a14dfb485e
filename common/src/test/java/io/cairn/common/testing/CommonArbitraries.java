package io.cairn.common.testing;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.PublicKey;
import io.cairn.common.crypto.Signature;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.Transaction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators for model values with arbitrary field contents (signatures are random bytes,
 * not valid signatures): for codec and storage round trips. Use {@link Fixtures} for valid data.
 */
public final class CommonArbitraries {
  private CommonArbitraries() {}

  public static Arbitrary<byte[]> bytes(int length) {
    return Arbitraries.bytes().array(byte[].class).ofSize(length);
  }

  public static Arbitrary<Hash> hashes() {
    return Arbitraries.oneOf(bytes(Hash.LENGTH).map(Hash::of), Arbitraries.just(Hash.ZERO));
  }

  public static Arbitrary<PublicKey> publicKeys() {
    return bytes(PublicKey.LENGTH).map(PublicKey::of);
  }

  public static Arbitrary<Signature> signatures() {
    return bytes(Signature.LENGTH).map(Signature::of);
  }

  public static Arbitrary<Address> addresses() {
    return publicKeys().map(Address::of);
  }

  /** Amounts over the whole range, with the edges (0, 1, max) often. */
  public static Arbitrary<Amount> amounts() {
    return Arbitraries.longs().between(0, Long.MAX_VALUE).withDistribution(net.jqwik.api.RandomDistribution.biased())
        .edgeCases(c -> c.includeOnly(0L, 1L, Long.MAX_VALUE)).map(Amount::ofUnits);
  }

  public static Arbitrary<Bytes> memos() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(Transaction.MAX_MEMO).map(Bytes::of);
  }

  public static Arbitrary<Transaction> transactions() {
    return Combinators.combine(publicKeys(), addresses(), amounts(), amounts(),
            Arbitraries.longs().between(0, Long.MAX_VALUE), memos(), signatures())
        .as((from, to, amount, fee, nonce, memo, sig) ->
            new Transaction(Transaction.VERSION, from, to, amount, fee, nonce, memo, sig));
  }

  public static Arbitrary<BlockHeader> headers() {
    return Combinators.combine(Arbitraries.longs().between(0, Long.MAX_VALUE), hashes(), hashes(),
            Arbitraries.longs().between(0, Long.MAX_VALUE), Arbitraries.integers(), Arbitraries.longs(), addresses())
        .as((height, prev, root, ts, bits, nonce, miner) ->
            new BlockHeader(BlockHeader.VERSION, height, prev, root, ts, bits, nonce, miner));
  }

  public static Arbitrary<Block> blocks() {
    return Combinators.combine(headers(), transactions().list().ofMaxSize(8)).as(Block::new);
  }
}
