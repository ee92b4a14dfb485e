package io.cairn.common.model;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.codec.DecodeException;
import io.cairn.common.codec.Reader;
import io.cairn.common.codec.Writer;
import io.cairn.common.crypto.Ed25519;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.PublicKey;
import io.cairn.common.crypto.Sha256;
import io.cairn.common.crypto.Signature;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A signed transfer from an Ed25519 key's account to an address.
 *
 * <pre>
 * +---------+------------+-------------+-----------+-----------+-----------+---------+--------+-------------+
 * | version | from       | to          | amount    | fee       | nonce     | memoLen | memo   | signature   |
 * | u8 = 1  | 32 bytes   | 33 bytes    | u64 BE    | u64 BE    | u64 BE    | u8 <=64 | memoLen| 64 bytes    |
 * +---------+------------+-------------+-----------+-----------+-----------+---------+--------+-------------+
 *  \______________________ unsigned body (91 + memoLen bytes) ______________________________/
 * </pre>
 *
 * The signature covers {@code "cairn/tx/v1" || genesisHash || body}, so a transaction signed for one
 * network is invalid on every other. {@code txid = SHA-256(body || signature)}.
 *
 * <p>An immutable value with the accessors, {@code equals} and {@code hashCode} of a record over its
 * eight fields. It is a class and not a record only to remember its txid: the node asks for it
 * several times per transaction (verified cache, mempool, pool index, relay, block rules, store), and
 * each time cost an encoding and a SHA-256. The txid is computed on first use from the final fields
 * (a benign race like {@link String#hashCode}: any thread computes the same immutable {@link Hash})
 * and takes no part in equality.
 */
public final class Transaction {

  public static final int VERSION = 1;
  public static final int MAX_MEMO = 64;
  public static final int MIN_ENCODED_LENGTH = 1 + 32 + 33 + 8 + 8 + 8 + 1 + 64;
  public static final int MAX_ENCODED_LENGTH = MIN_ENCODED_LENGTH + MAX_MEMO;
  private static final byte[] DOMAIN = "cairn/tx/v1".getBytes(StandardCharsets.US_ASCII);

  private final int version;
  private final PublicKey from;
  private final Address to;
  private final Amount amount;
  private final Amount fee;
  private final long nonce;
  private final Bytes memo;
  private final Signature signature;
  /** Computed on first use; see the class comment. */
  private Hash txid;

  public Transaction(int version, PublicKey from, Address to, Amount amount, Amount fee, long nonce, Bytes memo,
      Signature signature) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(fee, "fee");
    Objects.requireNonNull(memo, "memo");
    Objects.requireNonNull(signature, "signature");
    if (version != VERSION) {
      throw new IllegalArgumentException("Expected transaction version 1 but got " + version);
    }
    if (nonce < 0) {
      throw new IllegalArgumentException("nonce must not be negative");
    }
    if (memo.length() > MAX_MEMO) {
      throw new IllegalArgumentException("Expected a memo of at most 64 bytes but got " + memo.length());
    }
    this.version = version;
    this.from = from;
    this.to = to;
    this.amount = amount;
    this.fee = fee;
    this.nonce = nonce;
    this.memo = memo;
    this.signature = signature;
  }

  public int version() {
    return version;
  }

  public PublicKey from() {
    return from;
  }

  public Address to() {
    return to;
  }

  public Amount amount() {
    return amount;
  }

  public Amount fee() {
    return fee;
  }

  public long nonce() {
    return nonce;
  }

  public Bytes memo() {
    return memo;
  }

  public Signature signature() {
    return signature;
  }

  /** An unsigned transaction (empty signature), to be signed with {@link #signWith}. */
  public static Transaction unsigned(PublicKey from, Address to, Amount amount, Amount fee, long nonce, Bytes memo) {
    return new Transaction(VERSION, from, to, amount, fee, nonce, memo, Signature.EMPTY);
  }

  /**
   * This transaction signed with the seed of {@code from}, for the network with {@code genesis}.
   *
   * @throws IllegalArgumentException when the seed is not the key of {@code from}: signing with a
   *     mismatched public key would produce an invalid signature and, repeated, can leak the seed
   */
  public Transaction signWith(byte[] seed32, Hash genesis) {
    byte[] key = Ed25519.publicKey(seed32);
    if (!PublicKey.of(key).equals(from)) {
      throw new IllegalArgumentException("the seed does not belong to the sender key " + from.toHex());
    }
    byte[] sig = Ed25519.sign(seed32, key, signingMessage(genesis));
    return new Transaction(version, from, to, amount, fee, nonce, memo, Signature.of(sig));
  }

  /** Strict Ed25519 verification of the signature over this network's signing message. */
  public boolean verifySignature(Hash genesis) {
    return Ed25519.verify(from.toArray(), signingMessage(genesis), signature.toArray());
  }

  public Address sender() {
    return Address.of(from);
  }

  /** Amount plus fee; throws ArithmeticException on overflow. */
  public Amount totalCost() {
    return amount.plus(fee);
  }

  public byte[] signingMessage(Hash genesis) {
    Writer w = new Writer(DOMAIN.length + Hash.LENGTH + encodedLength() - Signature.LENGTH);
    w.raw(DOMAIN).fixed(genesis);
    writeBody(w);
    return w.toByteArray();
  }

  private void writeBody(Writer w) {
    w.u8(version).fixed(from);
    to.write(w);
    w.u64(amount.units()).u64(fee.units()).u64(nonce).bytes8(memo);
  }

  public void write(Writer w) {
    writeBody(w);
    w.fixed(signature);
  }

  public byte[] encode() {
    Writer w = new Writer(MIN_ENCODED_LENGTH + memo.length());
    write(w);
    return w.toByteArray();
  }

  public int encodedLength() {
    return MIN_ENCODED_LENGTH + memo.length();
  }

  /** SHA-256 of the signed encoding, computed once per object. */
  public Hash txid() {
    Hash h = txid;
    if (h == null) {
      h = Sha256.hash(encode());
      txid = h;
    }
    return h;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Transaction t && version == t.version && nonce == t.nonce
        && from.equals(t.from) && to.equals(t.to) && amount.equals(t.amount) && fee.equals(t.fee)
        && memo.equals(t.memo) && signature.equals(t.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, from, to, amount, fee, nonce, memo, signature);
  }

  @Override
  public String toString() {
    return "Transaction[version=" + version + ", from=" + from + ", to=" + to + ", amount=" + amount + ", fee=" + fee
        + ", nonce=" + nonce + ", memo=" + memo + ", signature=" + signature + "]";
  }

  public static Transaction read(Reader r) {
    int at = r.position();
    int version = r.u8("transaction version");
    if (version != VERSION) {
      throw new DecodeException("Expected transaction version 1 at offset " + at + " but got " + version);
    }
    PublicKey from = PublicKey.of(r.fixed(PublicKey.LENGTH, "sender key"));
    Address to = Address.read(r);
    Amount amount = Amount.ofUnits(r.u63("amount"));
    Amount fee = Amount.ofUnits(r.u63("fee"));
    long nonce = r.u63("nonce");
    Bytes memo = Bytes.of(r.bytes8(MAX_MEMO, "memo"));
    Signature sig = Signature.of(r.fixed(Signature.LENGTH, "signature"));
    return new Transaction(version, from, to, amount, fee, nonce, memo, sig);
  }

  /** Decodes exactly one transaction; trailing bytes are an error. */
  public static Transaction decode(byte[] bytes) {
    Reader r = new Reader(bytes);
    Transaction tx = read(r);
    r.finish("transaction");
    return tx;
  }
}
