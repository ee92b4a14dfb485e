package io.cairn.wallet.keys;

import io.cairn.common.address.Address;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The well-known, public development phrase and its accounts 0-9, which fund local testnets. Anyone
 * can spend from these keys: they may only be used on a chain whose spec says {@code dev: true}.
 */
public final class DevAccounts {
  public static final String PHRASE = "test test test test test test test test test test test junk";
  public static final int COUNT = 10;

  private static final byte[] SEED = Bip39.seed(PHRASE, "");

  private DevAccounts() {}

  /** The 64-byte BIP39 seed of the dev phrase (no passphrase). */
  public static byte[] seed() {
    return SEED.clone();
  }

  public static AccountKey account(int index) {
    return AccountKey.derive(SEED, index);
  }

  /** Accounts 0-9. */
  public static List<AccountKey> accounts() {
    List<AccountKey> out = new ArrayList<>(COUNT);
    for (int i = 0; i < COUNT; i++) {
      out.add(account(i));
    }
    return List.copyOf(out);
  }

  /** The addresses of accounts 0-9. */
  public static List<Address> addresses() {
    List<Address> out = new ArrayList<>(COUNT);
    for (AccountKey k : accounts()) {
      out.add(k.address());
    }
    return List.copyOf(out);
  }

  /** True when {@code bip39Seed} is the dev phrase's seed (compared in constant time). */
  public static boolean isDevSeed(byte[] bip39Seed) {
    return MessageDigest.isEqual(SEED, bip39Seed);
  }

  /** True when {@code phrase} is the dev phrase (any case or spacing). */
  public static boolean isDevPhrase(String phrase) {
    return phrase != null && String.join(" ", phrase.strip().toLowerCase(java.util.Locale.ROOT).split("\\s+")).equals(PHRASE);
  }

  /**
   * Refuses the dev seed on a network that is not a dev network.
   *
   * @param devNetwork the chain spec's {@code dev} flag
   * @throws RejectedException {@link Reason#DEV_PHRASE_REFUSED}
   */
  public static void requireAllowed(byte[] bip39Seed, boolean devNetwork, String network) {
    if (!devNetwork && isDevSeed(bip39Seed)) {
      throw new RejectedException(Reason.DEV_PHRASE_REFUSED, "this wallet uses the public dev phrase, which anyone can"
          + " spend from; it is refused on network '" + network + "' because its chain spec is not a dev network");
    }
  }
}
