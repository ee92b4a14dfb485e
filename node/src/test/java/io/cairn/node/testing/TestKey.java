package io.cairn.node.testing;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.Ed25519;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.PublicKey;
import io.cairn.common.crypto.Sha256;
import io.cairn.common.model.Transaction;
import java.nio.charset.StandardCharsets;

/**
 * A deterministic test key: seed {@code i} is SHA-256("cairn-test-key-" + i). The same index gives
 * the same key in every run and every module. Never use these outside tests.
 */
public final class TestKey {
  private final int index;
  private final byte[] seed;
  private final PublicKey publicKey;
  private final Address address;

  private TestKey(int index) {
    this.index = index;
    this.seed = Sha256.hash(("cairn-test-key-" + index).getBytes(StandardCharsets.US_ASCII)).toArray();
    this.publicKey = PublicKey.of(Ed25519.publicKey(seed));
    this.address = Address.of(publicKey);
  }

  public static TestKey of(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative");
    }
    return new TestKey(index);
  }

  public int index() {
    return index;
  }

  /** A copy of the 32-byte seed. */
  public byte[] seed() {
    return seed.clone();
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public Address address() {
    return address;
  }

  /** A transfer signed for the network with {@code genesis}. */
  public Transaction transfer(Hash genesis, Address to, Amount amount, Amount fee, long nonce) {
    return transfer(genesis, to, amount, fee, nonce, Bytes.EMPTY);
  }

  public Transaction transfer(Hash genesis, Address to, Amount amount, Amount fee, long nonce, Bytes memo) {
    return Transaction.unsigned(publicKey, to, amount, fee, nonce, memo).signWith(seed, genesis);
  }

  @Override
  public String toString() {
    return "TestKey[" + index + "]";
  }
}
