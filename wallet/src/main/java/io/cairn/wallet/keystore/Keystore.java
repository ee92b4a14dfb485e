package io.cairn.wallet.keystore;

import io.cairn.common.address.Address;
import io.cairn.common.bytes.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * One wallet's keystore file: the 64-byte BIP39 seed encrypted with a key from scrypt(password) by
 * AES-256-GCM, and the first accounts' addresses in clear (so {@code list} and {@code address} need
 * no password). See {@link KeystoreJson} for the file format and {@link Keystores} for the crypto.
 *
 * @param version format version, {@value #VERSION}
 * @param name wallet name, also the file name ({@code <name>.json})
 * @param createdMs creation time, ms since the epoch
 * @param addressPrefix Bech32m prefix the cached addresses are written with
 * @param kdf scrypt parameters
 * @param salt 32-byte scrypt salt
 * @param nonce 12-byte AES-GCM nonce
 * @param ciphertext 64-byte encrypted seed followed by the 16-byte GCM tag
 * @param passwordCheck 32 bytes telling a wrong password apart from a tampered ciphertext
 * @param accounts addresses of accounts 0, 1, ... in index order
 */
public record Keystore(int version, String name, long createdMs, String addressPrefix, KdfParams kdf, Bytes salt,
    Bytes nonce, Bytes ciphertext, Bytes passwordCheck, List<Address> accounts) {
  public static final int VERSION = 1;
  public static final int SALT_LENGTH = 32;
  public static final int NONCE_LENGTH = 12;
  public static final int CIPHERTEXT_LENGTH = 64 + 16;
  public static final int CHECK_LENGTH = 32;
  public static final int MAX_ACCOUNTS = 1000;
  /** Letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters. */
  public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

  public Keystore {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(addressPrefix, "addressPrefix");
    Objects.requireNonNull(kdf, "kdf");
    accounts = List.copyOf(accounts);
    if (version != VERSION) {
      throw new IllegalArgumentException("Expected keystore version 1 but got " + version);
    }
    if (!validName(name)) {
      throw new IllegalArgumentException("invalid wallet name '" + name + "': use 1 to 64 letters, digits, '-' or '_'");
    }
    if (!addressPrefix.matches("[a-z][a-z0-9]{0,15}")) {
      throw new IllegalArgumentException("invalid address prefix '" + addressPrefix + "'");
    }
    if (createdMs < 0) {
      throw new IllegalArgumentException("created time must not be negative");
    }
    length(salt, SALT_LENGTH, "salt");
    length(nonce, NONCE_LENGTH, "nonce");
    length(ciphertext, CIPHERTEXT_LENGTH, "ciphertext");
    length(passwordCheck, CHECK_LENGTH, "passwordCheck");
    if (accounts.isEmpty() || accounts.size() > MAX_ACCOUNTS) {
      throw new IllegalArgumentException("Expected 1 to " + MAX_ACCOUNTS + " cached accounts but got " + accounts.size());
    }
  }

  public static boolean validName(String name) {
    return name != null && name.matches(NAME_PATTERN);
  }

  /** The cached address of account {@code index}, if cached. */
  public java.util.Optional<Address> cachedAddress(int index) {
    return index >= 0 && index < accounts.size() ? java.util.Optional.of(accounts.get(index)) : java.util.Optional.empty();
  }

  private static void length(Bytes b, int n, String what) {
    Objects.requireNonNull(b, what);
    if (b.length() != n) {
      throw new IllegalArgumentException("Expected a " + n + "-byte " + what + " but got " + b.length() + " bytes");
    }
  }
}
