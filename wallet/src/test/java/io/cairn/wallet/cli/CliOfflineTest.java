package io.cairn.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.ChainSpecJson;
import io.cairn.common.spec.Genesis;
import io.cairn.wallet.keys.DevAccounts;
import io.cairn.wallet.tx.Transfers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline signing, message signing, and the bad-input paths of transfers. */
final class CliOfflineTest {
  static final String TO = DevAccounts.account(5).address().encode("tcairn");
  static final String ABOUT = CliKeysTest.ABOUT;

  @TempDir Path tmp;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp.resolve("wallets"));
    cli.env.put(Session.ENV_PASSWORD, "pw");
    cli.terminal.answer(DevAccounts.PHRASE);
    assertEquals(0, cli.run("restore", "--name", "dev").exit());
    cli.terminal.answers.clear();
  }

  void addAboutWallet() {
    cli.terminal.answer(ABOUT);
    assertEquals(0, cli.run("restore", "--name", "about").exit());
    cli.terminal.answers.clear();
  }

  @Test
  void signOfflineForBuiltInTestnet() {
    Cli.Result r = cli.run("sign", "--to", TO, "--amount", "1.25", "--nonce", "7", "--chain", "testnet", "--memo", "hi",
        "--yes");
    assertEquals(0, r.exit(), r.toString());
    Transaction tx = Transfers.fromHex(r.out().strip());
    ChainSpec spec = ChainSpecJson.builtIn("testnet");
    assertTrue(tx.verifySignature(Genesis.hash(spec)));
    assertEquals(7, tx.nonce());
    assertEquals(Amount.parse("1.25"), tx.amount());
    assertEquals(spec.minFee(), tx.fee());
    assertEquals("hi", tx.memo().toUtf8());
    assertEquals(DevAccounts.account(0).publicKey(), tx.from());
    assertTrue(r.err().isEmpty() || !r.err().contains("error"), r.err());
  }

  @Test
  void signNeedsConfirmationAndSignsNothingWithoutIt() {
    cli.terminal.answer("n");
    Cli.Result r = cli.run("sign", "--to", TO, "--amount", "1", "--nonce", "0", "--chain", "testnet", "--from", "2");
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.err().contains("Amount:   1 CRN"), r.err());
    assertTrue(r.err().contains("Fee:      0.00001 CRN"), r.err());
    assertTrue(r.err().contains("account 2"), r.err());
    assertTrue(r.err().endsWith("error: cancelled; nothing was signed or sent\n"), r.err());
    assertEquals("", r.out());
    assertFalse(r.out().matches("(?s).*[0-9a-f]{200}.*"), "no transaction hex printed");
  }

  @Test
  void devPhraseRefusedOffDevNetworks() throws Exception {
    Cli.Result byGenesis = cli.run("sign", "--to", TO, "--amount", "1", "--nonce", "0", "--genesis", "ab".repeat(32), "--yes");
    assertEquals(2, byGenesis.exit(), byGenesis.toString());
    assertTrue(byGenesis.err().contains("error: dev-phrase-refused: ") && byGenesis.err().contains("--chain"), byGenesis.err());
    ChainSpec t = ChainSpecJson.builtIn("testnet");
    ChainSpec main = new ChainSpec("mainish", "tcairn", t.targetBlockTimeMs(), t.initialBits(), t.asertHalfLifeMs(),
        t.maxBlockSize(), t.blockReward(), t.minFee(), t.genesisTimestampMs(), false, t.allocations());
    Path spec = tmp.resolve("main.json");
    Files.writeString(spec, ChainSpecJson.toJson(main));
    Cli.Result bySpec = cli.run("sign", "--to", TO, "--amount", "1", "--nonce", "0", "--chain", spec.toString(), "--yes");
    assertEquals(2, bySpec.exit());
    assertTrue(bySpec.err().contains("dev-phrase-refused") && bySpec.err().contains("'mainish'"), bySpec.err());
    addAboutWallet();
    Cli.Result other = cli.run("sign", "--wallet", "about", "--to", TO, "--amount", "1", "--nonce", "0", "--chain",
        spec.toString(), "--yes");
    assertEquals(0, other.exit(), other.toString());
    assertTrue(Transfers.fromHex(other.out().strip()).verifySignature(Genesis.hash(main)));
  }

  @Test
  void signBadInputs() throws Exception {
    String[] base = {"sign", "--nonce", "0", "--chain", "testnet", "--yes"};
    expect(2, "error: bad-amount: '1.5.5' is not a decimal number", base, "--to", TO, "--amount", "1.5.5");
    expect(2, "error: bad-amount: '0.000000001' has 9 decimals; at most 8 are allowed", base, "--to", TO, "--amount", "0.000000001");
    expect(2, "error: bad-amount: negative amount '-1'", base, "--to", TO, "--amount", "-1");
    expect(2, "error: zero-amount: the amount must be greater than zero", base, "--to", TO, "--amount", "0");
    expect(2, "error: bad-address: invalid address 'tcairn1qqq'", base, "--to", "tcairn1qqq", "--amount", "1");
    String mainnet = DevAccounts.account(5).address().encode("cairn");
    expect(2, "error: bad-address: wrong prefix: expected 'tcairn' but got 'cairn'", base, "--to", mainnet, "--amount", "1");
    String bad = TO.substring(0, TO.length() - 1) + (TO.endsWith("q") ? "p" : "q");
    expect(2, "error: bad-address: invalid address", base, "--to", bad, "--amount", "1");
    expect(2, "error: memo-too-long: the memo is 65 bytes", base, "--to", TO, "--amount", "1", "--memo", "x".repeat(65));
    expect(2, "error: amount-overflow", base, "--to", TO, "--amount", "92233720368", "--fee", "1");
    expect(2, "error: fee-too-low: the fee 0.000001 CRN is below the chain's minimum fee 0.00001 CRN", base, "--to", TO,
        "--amount", "1", "--fee", "0.000001");
    expect(2, "error: not-found: unknown wallet 'nope'", base, "--to", TO, "--amount", "1", "--wallet", "nope");
    expect(2, "error: give exactly one of --chain FILE|testnet and --genesis HASH", "sign", "--nonce", "0", "--to", TO,
        "--amount", "1");
    expect(2, "error: invalid --genesis 'xyz'", "sign", "--nonce", "0", "--genesis", "xyz", "--to", TO, "--amount", "1");
    expect(2, "error: cannot read chain spec nowhere.json", "sign", "--nonce", "0", "--chain", "nowhere.json", "--to", TO,
        "--amount", "1");
    Path junk = tmp.resolve("junk.json");
    Files.writeString(junk, "{\"network\": 5}");
    expect(2, "error: invalid chain spec", "sign", "--nonce", "0", "--chain", junk.toString(), "--to", TO, "--amount", "1");
    expect(2, "Missing required option: '--nonce=<nonce>'", "sign", "--chain", "testnet", "--to", TO, "--amount", "1");
    expect(2, "error: --nonce must not be negative", "sign", "--nonce", "-1", "--chain", "testnet", "--to", TO, "--amount", "1");
  }

  @Test
  void wrongPasswordForSigningIsExit5() {
    cli.env.put(Session.ENV_PASSWORD, "wrong");
    Cli.Result r = cli.run("sign", "--to", TO, "--amount", "1", "--nonce", "0", "--chain", "testnet", "--yes", "--json");
    assertEquals(5, r.exit());
    JsonObject e = JsonParser.parseString(r.err().lines().reduce((a, b) -> b).orElseThrow()).getAsJsonObject();
    assertEquals("wrong-password", e.get("reason").getAsString());
    assertEquals(5, e.get("exitCode").getAsInt());
  }

  @Test
  void signAndVerifyMessage() {
    Cli.Result s = cli.run("sign-message", "--message", "I control this", "--from", "1", "--json");
    assertEquals(0, s.exit(), s.toString());
    JsonObject o = JsonParser.parseString(s.out()).getAsJsonObject();
    String addr = o.get("address").getAsString();
    String sig = o.get("signature").getAsString();
    assertEquals(DevAccounts.account(1).address().encode("tcairn"), addr);
    Cli.Result ok = cli.run("verify-message", "--address", addr, "--message", "I control this", "--signature", sig);
    assertEquals(0, ok.exit(), ok.toString());
    assertEquals("Valid: the message was signed by " + addr + "\n", ok.out());
    Cli.Result altered = cli.run("verify-message", "--address", addr, "--message", "I control that", "--signature", sig);
    assertEquals(2, altered.exit());
    assertTrue(altered.err().startsWith("error: bad-signature: the signature is NOT valid"), altered.err());
    Cli.Result otherAddr = cli.run("verify-message", "--address", TO, "--message", "I control this", "--signature", sig);
    assertEquals(2, otherAddr.exit());
    Cli.Result badHex = cli.run("verify-message", "--address", addr, "--message", "x", "--signature", "abc");
    assertEquals(2, badHex.exit());
    assertTrue(badHex.err().contains("expected 128 hex digits"), badHex.err());
    Cli.Result badAddr = cli.run("verify-message", "--address", "nope", "--message", "x", "--signature", sig);
    assertEquals(2, badAddr.exit());
    assertTrue(badAddr.err().startsWith("error: bad-address: "), badAddr.err());
  }

  @Test
  void messageSignatureIsNotATransactionSignature() {
    Cli.Result r = cli.run("sign", "--to", TO, "--amount", "1", "--nonce", "0", "--chain", "testnet", "--yes");
    Transaction tx = Transfers.fromHex(r.out().strip());
    Hash g = Genesis.hash(ChainSpecJson.builtIn("testnet"));
    assertFalse(io.cairn.wallet.tx.SignedMessages.verify(tx.sender(), new String(tx.signingMessage(g),
        java.nio.charset.StandardCharsets.ISO_8859_1), tx.signature()));
  }

  private void expect(int exit, String errStart, String[] base, String... more) {
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    expect(exit, errStart, all);
  }

  private void expect(int exit, String errContains, String... args) {
    Cli.Result r = cli.run(args);
    assertEquals(exit, r.exit(), String.join(" ", args) + "\n" + r);
    assertTrue(r.err().contains(errContains), "expected '" + errContains + "' in\n" + r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace:\n" + r.err());
    assertFalse(r.out().matches("(?s).*[0-9a-f]{200}.*"), "nothing signed:\n" + r.out());
  }
}
