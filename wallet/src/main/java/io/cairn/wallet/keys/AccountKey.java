package io.cairn.wallet.keys;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Ed25519;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.PublicKey;
import io.cairn.common.crypto.Signature;
import io.cairn.common.model.Transaction;
import java.util.Arrays;

/**
 * The key of one account of a wallet: SLIP-0010 Ed25519 at {@code m/44'/1729'/i'/0'}. Holds the
 * private key and never shows it; it signs through {@link #sign(Transaction, Hash)} and
 * {@link #sign(byte[])}.
 */
public final class AccountKey {
  public static final int PURPOSE = 44;
  public static final int COIN_TYPE = 1729;
  /** Largest account index (hardened indexes are below 2^31). */
  public static final int MAX_INDEX = Integer.MAX_VALUE;

  private final int index;
  private final byte[] seed32;
  private final PublicKey publicKey;

  private AccountKey(int index, byte[] seed32) {
    this.index = index;
    this.seed32 = seed32;
    this.publicKey = PublicKey.of(Ed25519.publicKey(seed32));
  }

  /** Account {@code index} of the wallet with this 64-byte BIP39 seed. */
  public static AccountKey derive(byte[] bip39Seed, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("Account index must be between 0 and 2^31-1 but got " + index);
    }
    ExtendedKey k = Slip10.derive(bip39Seed, path(index));
    AccountKey a = new AccountKey(index, k.privateKey());
    k.destroy();
    return a;
  }

  /** The derivation path of account {@code index}: 44', 1729', index', 0' (all hardened). */
  public static int[] path(int index) {
    return new int[] {PURPOSE | Slip10.HARDENED, COIN_TYPE | Slip10.HARDENED, index | Slip10.HARDENED, Slip10.HARDENED};
  }

  /** Human form of the path of account {@code index}. */
  public static String pathString(int index) {
    return "m/44'/1729'/" + index + "'/0'";
  }

  public int index() {
    return index;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public Address address() {
    return Address.of(publicKey);
  }

  /** Signs an unsigned transaction from this account for the network with {@code genesis}. */
  public Transaction sign(Transaction unsigned, Hash genesis) {
    if (!unsigned.from().equals(publicKey)) {
      throw new IllegalArgumentException("transaction is from another key than account " + index);
    }
    return unsigned.signWith(seed32, genesis);
  }

  /** A raw Ed25519 signature over {@code message} (callers add their own domain separation). */
  public Signature sign(byte[] message) {
    return Signature.of(Ed25519.sign(seed32, publicKey.toArray(), message));
  }

  /** Overwrites the private key with zeros; the key cannot sign afterwards. */
  public void destroy() {
    Arrays.fill(seed32, (byte) 0);
  }

  @Override
  public String toString() {
    return "AccountKey[" + index + ", " + publicKey.toHex() + "]";
  }
}
