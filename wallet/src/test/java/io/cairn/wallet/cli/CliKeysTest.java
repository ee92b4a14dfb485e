package io.cairn.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.wallet.keys.AccountKey;
import io.cairn.wallet.keys.Bip39;
import io.cairn.wallet.keys.DevAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline key commands: create, restore, list, address, and their bad-input paths. */
final class CliKeysTest {
  static final String ABOUT = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

  @TempDir Path tmp;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp.resolve("wallets"));
  }

  Cli.Result restore(String name, String phrase, String password) {
    cli.terminal.answers.clear();
    cli.terminal.answer(phrase, password, password);
    return cli.run("restore", "--name", name);
  }

  @Test
  void createShowsPhraseOnceAndWritesKeystore() throws Exception {
    cli.terminal.answer("pw", "pw");
    Cli.Result r = cli.run("create", "--name", "main");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("Recovery phrase"), r.out());
    assertTrue(r.out().contains("  12. "), r.out());
    assertFalse(r.out().contains("  13. "), r.out());
    assertTrue(r.out().contains("Account 0 (m/44'/1729'/0'/0'): tcairn1"), r.out());
    assertTrue(Files.exists(cli.walletDir.resolve("main.json")));
    assertEquals(List.of("New password for wallet 'main': ", "Repeat the password: "), cli.terminal.prompts);
    List<String> phrase = Pattern.compile(" +\\d+\\. (\\S+)").matcher(r.out()).results().map(m -> m.group(1)).toList();
    assertEquals(12, phrase.size(), r.out());
    assertTrue(Bip39.wordlist().containsAll(phrase), phrase.toString());
    // Field names such as "version", "content" or "address" are BIP-39 words too, so only the values are searched.
    List<String> values = new ArrayList<>();
    collectValues(JsonParser.parseString(Files.readString(cli.walletDir.resolve("main.json"))), values);
    for (String w : phrase) {
      if (w.length() > 5) { // shorter words could turn up by chance in hex or bech32
        assertTrue(values.stream().noneMatch(v -> v.contains(w)), "phrase word '" + w + "' must not be stored in clear: " + values);
      }
    }
  }

  static void collectValues(JsonElement e, List<String> into) {
    if (e.isJsonObject()) {
      e.getAsJsonObject().entrySet().forEach(f -> collectValues(f.getValue(), into));
    } else if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> collectValues(x, into));
    } else if (e.isJsonPrimitive()) {
      into.add(e.getAsString());
    }
  }

  @Test
  void createJson24Words() {
    cli.env.put(Session.ENV_PASSWORD, "pw");
    Cli.Result r = cli.run("create", "--name", "w", "--words", "24", "--json");
    assertEquals(0, r.exit(), r.toString());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    String phrase = o.get("phrase").getAsString();
    assertEquals(24, phrase.split(" ").length);
    String a0 = AccountKey.derive(Bip39.seed(phrase, ""), 0).address().encode("tcairn");
    assertEquals(a0, o.getAsJsonArray("accounts").get(0).getAsJsonObject().get("address").getAsString());
  }

  @Test
  void createBadInputs() {
    cli.env.put(Session.ENV_PASSWORD, "pw");
    Cli.Result words = cli.run("create", "--name", "w", "--words", "13");
    assertEquals(2, words.exit());
    assertEquals("error: --words must be 12 or 24 but is 13\n", words.err());
    Cli.Result name = cli.run("create", "--name", "../evil");
    assertEquals(2, name.exit());
    assertTrue(name.err().contains("invalid wallet name '../evil'"), name.err());
    assertEquals(0, cli.run("create", "--name", "w").exit());
    Cli.Result again = cli.run("create", "--name", "w");
    assertEquals(2, again.exit());
    assertTrue(again.err().contains("a wallet named 'w' already exists"), again.err());
    Cli.Result notInt = cli.run("create", "--words", "many");
    assertEquals(2, notInt.exit());
    assertTrue(notInt.err().contains("'many' is not an int"), notInt.err());
  }

  @Test
  void createPasswordMismatchWritesNothing() {
    cli.terminal.answer("one", "two");
    Cli.Result r = cli.run("create", "--name", "w");
    assertEquals(2, r.exit());
    assertEquals("error: the passwords do not match; nothing was written\n", r.err());
    assertFalse(Files.exists(cli.walletDir.resolve("w.json")));
  }

  @Test
  void restoreKnownPhraseGivesKnownAddresses() {
    Cli.Result r = restore("dev", "  TEST test test test test test test test test test test junk ", "");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.err().contains("public dev phrase"), r.err());
    assertTrue(r.err().contains("empty password"), r.err());
    for (int i : new int[] {0, 3, 9}) {
      Cli.Result a = cli.run("address", "--index", Integer.toString(i));
      assertEquals(DevAccounts.account(i).address().encode("tcairn") + "\n", a.out(), a.toString());
    }
  }

  @Test
  void restoreWithPassphrase() {
    cli.terminal.answer(ABOUT, "TREZOR", "TREZOR", "pw", "pw");
    assertEquals(0, cli.run("restore", "--name", "t", "--passphrase").exit());
    Cli.Result a = cli.run("address");
    assertEquals(AccountKey.derive(Bip39.seed(ABOUT, "TREZOR"), 0).address().encode("tcairn") + "\n", a.out());
  }

  @Test
  void restoreBadPhrases() {
    Cli.Result unknown = restore("w", ABOUT.replace("about", "abuot"), "pw");
    assertEquals(2, unknown.exit());
    assertEquals("error: invalid recovery phrase: unknown word 'abuot' at position 12 (did you mean 'about'?)\n", unknown.err());
    Cli.Result checksum = restore("w", ABOUT.replace("about", "abandon"), "pw");
    assertEquals(2, checksum.exit());
    assertTrue(checksum.err().startsWith("error: invalid recovery phrase: bad checksum"), checksum.err());
    Cli.Result count = restore("w", "abandon about", "pw");
    assertEquals(2, count.exit());
    assertEquals("error: invalid recovery phrase: wrong word count: expected 12, 15, 18, 21 or 24 words but got 2\n", count.err());
    cli.terminal.answers.clear();
    Cli.Result none = cli.run("restore", "--name", "w");
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("no recovery phrase"), none.err());
    assertFalse(Files.exists(cli.walletDir.resolve("w.json")));
    Cli.Result missingName = cli.run("restore");
    assertEquals(2, missingName.exit());
    assertTrue(missingName.err().contains("Missing required option: '--name=<name>'"), missingName.err());
  }

  @Test
  void listAndAddress() throws Exception {
    restore("a", ABOUT, "pw");
    restore("b", DevAccounts.PHRASE, "pw");
    Files.writeString(cli.walletDir.resolve("broken.json"), "{\"version\": 1}");
    Cli.Result l = cli.run("list");
    assertEquals(0, l.exit());
    assertTrue(l.out().contains("a  "), l.out());
    assertTrue(l.out().contains(DevAccounts.account(0).address().encode("tcairn")), l.out());
    assertTrue(l.out().contains("broken           unreadable: unreadable keystore"), l.out());
    Cli.Result lj = cli.run("list", "--json");
    assertEquals(3, JsonParser.parseString(lj.out()).getAsJsonObject().getAsJsonArray("wallets").size());

    Cli.Result ambiguous = cli.run("address");
    assertEquals(2, ambiguous.exit());
    assertTrue(ambiguous.err().contains("several wallets"), ambiguous.err());
    Cli.Result unknown = cli.run("address", "--wallet", "zz");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("unknown wallet 'zz'"), unknown.err());
    Cli.Result negative = cli.run("address", "--wallet", "a", "--index", "-1");
    assertEquals(2, negative.exit());
  }

  @Test
  void addressBeyondCacheNeedsPasswordAndWrongPasswordIsExit5() throws Exception {
    restore("b", DevAccounts.PHRASE, "pw");
    byte[] before = Files.readAllBytes(cli.walletDir.resolve("b.json"));
    cli.terminal.answer("nope");
    Cli.Result wrong = cli.run("address", "--index", "15");
    assertEquals(5, wrong.exit(), wrong.toString());
    assertEquals("error: wrong-password: wrong password for wallet 'b'\n", wrong.err());
    assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(Files.readAllBytes(cli.walletDir.resolve("b.json"))));
    cli.terminal.answer("pw");
    Cli.Result ok = cli.run("address", "--index", "15", "--json");
    assertEquals(0, ok.exit(), ok.toString());
    assertTrue(ok.out().contains(DevAccounts.account(15).address().encode("tcairn")), ok.out());
    Path pwFile = tmp.resolve("pw.txt");
    Files.writeString(pwFile, "pw\n");
    assertEquals(0, cli.run("--password-file", pwFile.toString(), "address", "--index", "11").exit());
  }

  @Test
  void tamperedKeystoreIsAClearError() throws Exception {
    restore("b", DevAccounts.PHRASE, "pw");
    Path f = cli.walletDir.resolve("b.json");
    String json = Files.readString(f);
    String ct = json.replaceAll("(?s).*\"ciphertext\": \"([0-9a-f]+)\".*", "$1");
    Files.writeString(f, json.replace(ct, ct.substring(0, 10) + (ct.charAt(10) == 'a' ? 'b' : 'a') + ct.substring(11)));
    cli.terminal.answer("pw");
    Cli.Result r = cli.run("sign-message", "--message", "hi");
    assertEquals(2, r.exit(), r.toString());
    assertTrue(r.err().contains("has been altered or corrupted"), r.err());
    Files.writeString(f, "{\"version\": 1, \"kdf\": {\"n\": 1e999999}}");
    Cli.Result hostile = cli.run("address");
    assertEquals(2, hostile.exit());
    assertTrue(hostile.err().startsWith("error: malformed: unreadable keystore"), hostile.err());
  }

  @Test
  void helpListsEverySubcommand() {
    Cli.Result r = cli.raw("--help");
    assertEquals(0, r.exit());
    for (String c : List.of("create", "restore", "list", "address", "balance", "history", "tx", "send", "sign",
        "broadcast", "sign-message", "verify-message")) {
      assertTrue(r.out().contains("  " + c + " "), c + " missing from\n" + r.out());
    }
  }
}
