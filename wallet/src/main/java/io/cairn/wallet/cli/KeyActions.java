package io.cairn.wallet.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.cairn.common.address.Address;
import io.cairn.common.reason.RejectedException;
import io.cairn.wallet.keys.AccountKey;
import io.cairn.wallet.keys.Bip39;
import io.cairn.wallet.keys.DevAccounts;
import io.cairn.wallet.keystore.Keystore;
import io.cairn.wallet.keystore.Keystores;
import io.cairn.wallet.keystore.WalletDir;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/** create, restore, list, address. */
final class KeyActions {
  private KeyActions() {}

  record CreateConfig(String name, int words, boolean passphrase) {}

  record RestoreConfig(String name, boolean passphrase) {}

  record AddressConfig(Optional<String> wallet, int index) {}

  static int create(Session s, CreateConfig c) {
    if (c.words() != 12 && c.words() != 24) {
      throw new WalletException(WalletException.BAD_INPUT, "--words must be 12 or 24 but is " + c.words());
    }
    WalletDir dir = checkNew(s, c.name());
    String passphrase = c.passphrase() ? askPassphrase(s) : "";
    String password = s.newPassword(c.name());
    String phrase = Bip39.generate(c.words(), s.seams.random());
    byte[] seed = Bip39.seed(phrase, passphrase);
    try {
      Keystore ks = Keystores.seal(c.name(), seed, password, s.seams.kdf(), Session.DEFAULT_PREFIX,
          Keystores.DEFAULT_CACHED_ACCOUNTS, s.nowMillis(), s.seams.random());
      Path file = dir.create(ks);
      if (s.json()) {
        JsonObject o = summary(ks, file);
        o.addProperty("phrase", phrase);
        o.addProperty("passphrase", c.passphrase());
        s.printJson(o);
      } else {
        s.out.println("Created wallet '" + ks.name() + "' in " + file);
        s.out.println();
        s.out.println("Recovery phrase. It is shown only this once: write it down and keep it offline and secret.");
        s.out.println("Anyone who has it can spend your funds; without it (and your passphrase, if you set one)");
        s.out.println("a lost wallet file cannot be recovered.");
        s.out.println();
        s.out.println(numbered(phrase));
        s.out.println();
        s.out.println("Account 0 (" + AccountKey.pathString(0) + "): " + ks.accounts().get(0).encode(ks.addressPrefix()));
      }
      return WalletException.OK;
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  static int restore(Session s, RestoreConfig c) {
    WalletDir dir = checkNew(s, c.name());
    String raw = s.terminal().readSecret("Recovery phrase (words separated by spaces): ");
    if (raw == null || raw.isBlank()) {
      throw new WalletException(WalletException.BAD_INPUT, "no recovery phrase given (type it at the prompt or pipe it to stdin)");
    }
    String phrase;
    try {
      phrase = Bip39.normalize(raw);
    } catch (RejectedException e) {
      throw new WalletException(WalletException.BAD_INPUT, "invalid recovery phrase: " + e.getMessage(),
          Optional.of(e.reason().code()));
    }
    String passphrase = c.passphrase() ? askPassphrase(s) : "";
    if (DevAccounts.isDevPhrase(phrase) && passphrase.isEmpty()) {
      s.err.println("warning: this is the public dev phrase; anyone can spend from it, and it is refused on any"
          + " network that is not a dev network");
    }
    String password = s.newPassword(c.name());
    byte[] seed = Bip39.seed(phrase, passphrase);
    try {
      Keystore ks = Keystores.seal(c.name(), seed, password, s.seams.kdf(), Session.DEFAULT_PREFIX,
          Keystores.DEFAULT_CACHED_ACCOUNTS, s.nowMillis(), s.seams.random());
      Path file = dir.create(ks);
      if (s.json()) {
        s.printJson(summary(ks, file));
      } else {
        s.out.println("Restored wallet '" + ks.name() + "' in " + file);
        s.out.println("Account 0 (" + AccountKey.pathString(0) + "): " + ks.accounts().get(0).encode(ks.addressPrefix()));
      }
      return WalletException.OK;
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  static int list(Session s) {
    WalletDir dir = s.walletDir();
    JsonArray arr = new JsonArray();
    if (!s.json()) {
      s.out.println(dir.names().isEmpty() ? "No wallets in " + dir.dir() : "Wallets in " + dir.dir() + ":");
    }
    for (String name : dir.names()) {
      JsonObject o = new JsonObject();
      o.addProperty("name", name);
      try {
        Keystore ks = dir.load(name);
        String a0 = ks.accounts().get(0).encode(ks.addressPrefix());
        o.addProperty("address", a0);
        o.addProperty("cachedAccounts", ks.accounts().size());
        o.addProperty("created", Instant.ofEpochMilli(ks.createdMs()).toString());
        if (!s.json()) {
          s.out.printf("  %-16s %s  (created %s)%n", name, a0, Instant.ofEpochMilli(ks.createdMs()));
        }
      } catch (RejectedException e) {
        o.addProperty("error", e.getMessage());
        if (!s.json()) {
          s.out.printf("  %-16s unreadable: %s%n", name, e.getMessage());
        }
      }
      arr.add(o);
    }
    if (s.json()) {
      JsonObject o = new JsonObject();
      o.addProperty("walletDir", dir.dir().toString());
      o.add("wallets", arr);
      s.printJson(o);
    }
    return WalletException.OK;
  }

  static int address(Session s, AddressConfig c) {
    checkIndex(c.index());
    String name = s.walletName(c.wallet());
    Keystore ks = s.load(name);
    Address a = s.accountAddress(ks, c.index());
    String text = a.encode(ks.addressPrefix());
    if (s.json()) {
      JsonObject o = new JsonObject();
      o.addProperty("wallet", name);
      o.addProperty("index", c.index());
      o.addProperty("path", AccountKey.pathString(c.index()));
      o.addProperty("address", text);
      s.printJson(o);
    } else {
      s.out.println(text);
    }
    return WalletException.OK;
  }

  static void checkIndex(int index) {
    if (index < 0) {
      throw new WalletException(WalletException.BAD_INPUT, "account index must be between 0 and 2147483647 but is " + index);
    }
  }

  private static WalletDir checkNew(Session s, String name) {
    if (!Keystore.validName(name)) {
      throw new WalletException(WalletException.BAD_INPUT, "invalid wallet name '" + name
          + "': use 1 to 64 letters, digits, '-' or '_', starting with a letter or digit");
    }
    WalletDir dir = s.walletDir();
    if (dir.exists(name)) {
      throw new WalletException(WalletException.BAD_INPUT, "a wallet named '" + name + "' already exists in " + dir.dir()
          + "; choose another --name");
    }
    return dir;
  }

  private static String askPassphrase(Session s) {
    String a = s.terminal().readSecret("BIP39 passphrase (it is part of the key; without it the phrase restores another wallet): ");
    if (a == null) {
      throw new WalletException(WalletException.BAD_INPUT, "no passphrase given");
    }
    String b = s.terminal().readSecret("Repeat the passphrase: ");
    if (!a.equals(b)) {
      throw new WalletException(WalletException.BAD_INPUT, "the passphrases do not match; nothing was written");
    }
    return a;
  }

  private static JsonObject summary(Keystore ks, Path file) {
    JsonObject o = new JsonObject();
    o.addProperty("wallet", ks.name());
    o.addProperty("file", file.toString());
    JsonArray accounts = new JsonArray();
    for (int i = 0; i < ks.accounts().size(); i++) {
      JsonObject a = new JsonObject();
      a.addProperty("index", i);
      a.addProperty("address", ks.accounts().get(i).encode(ks.addressPrefix()));
      accounts.add(a);
    }
    o.add("accounts", accounts);
    return o;
  }

  private static String numbered(String phrase) {
    String[] w = phrase.split(" ");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      sb.append(String.format("%4d. %-10s", i + 1, w[i]));
      if (i % 4 == 3 && i + 1 < w.length) {
        sb.append(System.lineSeparator());
      }
    }
    return sb.toString().stripTrailing();
  }
}
