package io.cairn.common.testing;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Ed25519;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.PublicKey;
import io.cairn.common.model.Transaction;

/** A deterministic Ed25519 key for tests: its seed, public key and address. */
public final class TestKey {
  private final byte[] seed;
  private final PublicKey publicKey;
  private final Address address;

  TestKey(byte[] seed) {
    this.seed = seed.clone();
    this.publicKey = PublicKey.of(Ed25519.publicKey(seed));
    this.address = Address.of(publicKey);
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

  /** {@code tx} (whose sender must be this key) signed for the network with {@code genesis}. */
  public Transaction sign(Transaction tx, Hash genesis) {
    return tx.signWith(seed, genesis);
  }

  @Override
  public String toString() {
    return "TestKey(" + publicKey.toHex().substring(0, 8) + ")";
  }
}
