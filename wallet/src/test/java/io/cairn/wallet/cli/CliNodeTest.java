package io.cairn.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.wallet.keys.DevAccounts;
import io.cairn.wallet.tx.Transfers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Online commands against a fake JSON-RPC node on 127.0.0.1. */
final class CliNodeTest {
  static final Hash GENESIS = Hash.parse("11".repeat(32));
  static final String FROM = DevAccounts.account(0).address().encode("tcairn");
  static final String TO = DevAccounts.account(5).address().encode("tcairn");
  static final String CHAIN_INFO = "{\"network\":\"testnet\",\"genesisHash\":\"" + GENESIS.toHex()
      + "\",\"height\":12,\"tipHash\":\"" + "22".repeat(32) + "\",\"totalWork\":\"99\",\"syncing\":false,\"peers\":3,\"dev\":true}";
  static final String NO_DEV = CHAIN_INFO.replace(",\"dev\":true", "");

  @TempDir Path tmp;
  Cli cli;
  FakeNode node;

  @BeforeEach
  void setUp() throws Exception {
    cli = new Cli(tmp.resolve("wallets"));
    cli.env.put(Session.ENV_PASSWORD, "pw");
    cli.terminal.answer(DevAccounts.PHRASE);
    assertEquals(0, cli.run("restore", "--name", "dev").exit());
    cli.terminal.answers.clear();
    node = new FakeNode();
    node.on("chain_info", CHAIN_INFO)
        .on("state_getAccount", "{\"balance\":\"1250000000\",\"nonce\":3,\"pendingNonce\":5}")
        .on("tx_submit", p -> "{\"txid\":\"" + Transfers.fromHex(p.get("tx").getAsString()).txid().toHex() + "\"}");
  }

  @AfterEach
  void tearDown() {
    node.close();
  }

  Cli.Result run(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--node";
    all[1] = node.url();
    System.arraycopy(args, 0, all, 2, args.length);
    return cli.run(all);
  }

  Transaction submitted() {
    return Transfers.fromHex(node.calls("tx_submit").get(0).params().get("tx").getAsString());
  }

  @Test
  void balanceOfWalletAccountAndOfAnAddress() {
    Cli.Result r = run("balance");
    assertEquals(0, r.exit(), r.toString());
    assertEquals(FROM, node.calls("state_getAccount").get(0).params().get("address").getAsString());
    assertTrue(r.out().contains("Balance:  12.5 CRN"), r.out());
    assertTrue(r.out().contains("Nonce:    3 (2 pending; next nonce 5)"), r.out());
    Cli.Result j = run("balance", TO, "--json");
    JsonObject o = JsonParser.parseString(j.out()).getAsJsonObject();
    assertEquals("1250000000", o.get("balance").getAsString());
    assertEquals(5, o.get("pendingNonce").getAsInt());
    assertEquals(TO, node.calls("state_getAccount").get(1).params().get("address").getAsString());
    Cli.Result bad = run("balance", "tcairn1xyz");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().startsWith("error: bad-address: "), bad.err());
  }

  @Test
  void sendWithYesUsesPendingNonceAndPrintsTxid() {
    Cli.Result r = run("send", "--to", TO, "--amount", "5", "--yes", "--memo", "rent");
    assertEquals(0, r.exit(), r.toString());
    Transaction tx = submitted();
    assertEquals(5, tx.nonce(), "nonce comes from pendingNonce");
    assertEquals(Amount.ofCrn(5), tx.amount());
    assertEquals(Transfers.FALLBACK_FEE, tx.fee(), "no minFee from the node: the fallback fee");
    assertTrue(tx.verifySignature(GENESIS));
    assertEquals(DevAccounts.account(0).publicKey(), tx.from());
    assertTrue(r.out().contains("Amount:   5 CRN"), r.out());
    assertTrue(r.out().contains("Memo:     rent"), r.out());
    assertTrue(r.out().endsWith("Submitted transaction " + tx.txid().toHex() + "\n"), r.out());
  }

  @Test
  void sendUsesNodeMinFeeAndFromIndex() {
    node.on("chain_info", CHAIN_INFO.replace("}", ",\"minFee\":\"2500\"}"));
    Cli.Result r = run("send", "--to", TO, "--amount", "0.5", "--from", "3", "--yes", "--json");
    assertEquals(0, r.exit(), r.toString());
    Transaction tx = submitted();
    assertEquals(Amount.ofUnits(2500), tx.fee());
    assertEquals(DevAccounts.account(3).publicKey(), tx.from());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(tx.txid().toHex(), o.get("txid").getAsString());
    Cli.Result low = run("send", "--to", TO, "--amount", "0.5", "--fee", "0.00001", "--yes");
    assertEquals(2, low.exit());
    assertTrue(low.err().contains("fee-too-low"), low.err());
    assertEquals(1, node.count("tx_submit"));
  }

  @Test
  void sendAsksAndSignsNothingWhenDeclined() {
    cli.terminal.answer("no");
    Cli.Result r = run("send", "--to", TO, "--amount", "1");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("cancelled; nothing was signed or sent"), r.err());
    assertEquals(0, node.count("tx_submit"));
    assertTrue(cli.terminal.prompts.contains("Sign and send this transaction? [y/N] "), cli.terminal.prompts.toString());
    cli.terminal.answer("y");
    assertEquals(0, run("send", "--to", TO, "--amount", "1").exit());
    assertEquals(1, node.count("tx_submit"));
  }

  @Test
  void sendWaitShowsProgressUntilConfirmations() {
    AtomicInteger polls = new AtomicInteger();
    node.on("chain_getTransaction", p -> switch (polls.incrementAndGet()) {
      case 1 -> "ERR:-32004:unknown transaction:\"not-found\"";
      case 2, 3 -> "{\"status\":\"pending\",\"confirmations\":0}";
      case 4 -> "{\"status\":\"confirmed\",\"blockHash\":\"" + "33".repeat(32) + "\",\"height\":13,\"confirmations\":1}";
      default -> "{\"status\":\"confirmed\",\"blockHash\":\"" + "33".repeat(32) + "\",\"height\":13,\"confirmations\":2}";
    });
    Cli.Result r = run("send", "--to", TO, "--amount", "1", "--yes", "--wait", "--confirmations", "2");
    assertEquals(0, r.exit(), r.toString());
    String out = r.out();
    int a = out.indexOf("waiting for the node to report the transaction...");
    int b = out.indexOf("pending: in the mempool");
    int c = out.indexOf("confirmed at height 13 in block 33333333: 1/2 confirmations");
    int d = out.indexOf("confirmed at height 13 in block 33333333: 2/2 confirmations");
    assertTrue(a > 0 && a < b && b < c && c < d, out);
    assertEquals(1, out.split("pending: in the mempool", -1).length - 1, "unchanged state printed once");
    assertEquals(submitted().txid().toHex(), node.calls("chain_getTransaction").get(0).params().get("txid").getAsString());
  }

  @Test
  void sendWaitTimesOut() {
    node.on("chain_getTransaction", "{\"status\":\"pending\",\"confirmations\":0}");
    Cli.Result r = run("send", "--to", TO, "--amount", "1", "--yes", "--wait", "--timeout", "1");
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.err().contains("timed out after 1 s waiting for 1 confirmation; transaction "), r.err());
    assertEquals(1, node.count("tx_submit"));
  }

  @Test
  void rejectionIsExit4WithReasonStringOrObject() {
    node.on("tx_submit", "ERR:-32010:nonce already used:\"nonce-too-low\"");
    Cli.Result r = run("send", "--to", TO, "--amount", "1", "--yes");
    assertEquals(4, r.exit(), r.toString());
    assertTrue(r.err().contains("error: tx_submit failed: nonce-too-low: nonce already used"), r.err());
    node.on("tx_submit", "ERR:-32010:not enough:{\"reason\":\"insufficient-funds\",\"balance\":\"1\"}");
    Cli.Result j = run("send", "--to", TO, "--amount", "1", "--yes", "--json");
    assertEquals(4, j.exit());
    JsonObject e = JsonParser.parseString(j.err().lines().reduce((x, y) -> y).orElseThrow()).getAsJsonObject();
    assertEquals("insufficient-funds", e.get("reason").getAsString());
  }

  @Test
  void insufficientBalanceRefusedBeforeSigning() {
    Cli.Result r = run("send", "--to", TO, "--amount", "13", "--yes");
    assertEquals(4, r.exit());
    assertTrue(r.err().startsWith("error: insufficient-funds: the balance of " + FROM + " is 12.5 CRN"), r.err());
    assertEquals(0, node.count("tx_submit"));
  }

  @Test
  void unreachableNodeIsExit3() throws Exception {
    int port = 1; // nothing listens there; a freed ephemeral port could be taken by another process
    Cli.Result r = cli.run("--node", "http://127.0.0.1:" + port, "balance");
    assertEquals(3, r.exit(), r.toString());
    assertTrue(r.err().contains("cannot reach the node at http://127.0.0.1:" + port), r.err());
    Cli.Result badUrl = cli.run("--node", "ftp://x", "balance");
    assertEquals(2, badUrl.exit());
    assertTrue(badUrl.err().contains("invalid node URL 'ftp://x'"), badUrl.err());
  }

  @Test
  void cookieAuth() throws Exception {
    node.requiredToken = "s3cret";
    Cli.Result none = run("balance");
    assertEquals(3, none.exit());
    assertTrue(none.err().contains("refused the credentials (HTTP 401); give its cookie with --rpc-cookie"), none.err());
    Path datadir = tmp.resolve("node");
    Files.createDirectories(datadir);
    Files.writeString(datadir.resolve(".cookie"), "s3cret\n");
    assertEquals(0, run("--datadir", datadir.toString(), "balance").exit());
    assertEquals("Bearer s3cret", node.calls("state_getAccount").get(0).authorization());
    Path wrong = tmp.resolve("wrong.cookie");
    Files.writeString(wrong, "nope");
    assertEquals(3, run("--rpc-cookie", wrong.toString(), "balance").exit());
    Cli.Result missing = run("--rpc-cookie", tmp.resolve("absent").toString(), "balance");
    assertEquals(3, missing.exit());
    assertTrue(missing.err().contains("does not exist"), missing.err());
  }

  @Test
  void malformedResponsesAreExit3AndNothingIsSigned() {
    String[][] cases = {
      {"chain_info", "RAW:this is not json"},
      {"chain_info", "RAW:{\"jsonrpc\":\"2.0\",\"id\":999,\"result\":{}}"},
      {"chain_info", "{\"network\":\"t\",\"genesisHash\":\"zz\",\"height\":1}"},
      {"chain_info", "{\"network\":\"t\",\"genesisHash\":\"" + GENESIS.toHex() + "\",\"height\":1e999999}"},
      {"state_getAccount", "{\"balance\":{\"units\":5},\"nonce\":1}"},
      {"state_getAccount", "{\"balance\":\"-5\",\"nonce\":1}"},
      {"state_getAccount", "{\"balance\":\"100000000000\",\"nonce\":1,\"pendingNonce\":9223372036854775807}"},
      {"state_getAccount", "{\"balance\":\"100000000000\",\"nonce\":7,\"pendingNonce\":2}"},
      {"state_getAccount", "{\"balance\":\"100000000000\",\"nonce\":99999999999999999999999}"},
      {"state_getAccount", "RAW:" + "[".repeat(10_000)},
    };
    for (String[] c : cases) {
      node.on("chain_info", CHAIN_INFO);
      node.on("state_getAccount", "{\"balance\":\"1250000000\",\"nonce\":3,\"pendingNonce\":5}");
      node.on(c[0], c[1]);
      Cli.Result r = run("send", "--to", TO, "--amount", "1", "--yes");
      assertEquals(3, r.exit(), c[1] + "\n" + r);
      assertTrue(r.err().startsWith("error: malformed response from the node: "), c[1] + "\n" + r.err());
      assertFalse(r.err().contains("\tat "), r.err());
      assertEquals(0, node.count("tx_submit"), "nothing submitted for " + c[1]);
      assertFalse(r.out().contains("Sign"), "no summary for a malformed answer");
    }
  }

  @Test
  void nodeReportingAnotherTxidIsCaught() {
    node.on("tx_submit", "{\"txid\":\"" + "44".repeat(32) + "\"}");
    Cli.Result r = run("send", "--to", TO, "--amount", "1", "--yes");
    assertEquals(3, r.exit());
    assertTrue(r.err().contains("the node reported txid 4444"), r.err());
  }

  @Test
  void controlCharactersFromTheNodeAreNotPrinted() {
    node.on("tx_submit", "ERR:-32010:evil \\u001b[2J text:\"bad-signature\"");
    Cli.Result r = run("send", "--to", TO, "--amount", "1", "--yes");
    assertEquals(4, r.exit());
    assertFalse(r.err().contains("\u001b"), r.err());
    assertTrue(r.err().contains("evil ?[2J text"), r.err());
  }

  @Test
  void testnetModeUsesDevWalletWithoutPassword() throws Exception {
    Path dir = tmp.resolve("testnet");
    Files.createDirectories(dir);
    Cli t = new Cli(dir.resolve("wallet"));
    t.env.put(Session.ENV_PASSWORD, "");
    t.terminal.answer(DevAccounts.PHRASE);
    assertEquals(0, t.run("restore", "--name", "dev").exit());
    Files.writeString(dir.resolve("node0.cookie"), "tok");
    node.requiredToken = "tok";
    node.on("chain_info", NO_DEV);
    Files.writeString(dir.resolve("testnet.json"), "{\"nodes\":[{\"name\":\"node0\",\"rpcUrl\":\"" + node.url()
        + "\",\"cookieFile\":\"node0.cookie\"}],\"accounts\":[]}");
    Cli.Result r = cli.raw("--testnet", dir.toString(), "send", "--from", "2", "--to", TO, "--amount", "5", "--yes");
    assertEquals(0, r.exit(), r.toString());
    assertEquals(DevAccounts.account(2).publicKey(), submitted().from());
    node.on("chain_info", CHAIN_INFO.replace("\"dev\":true", "\"dev\":false"));
    Cli.Result refused = cli.raw("--testnet", dir.toString(), "send", "--to", TO, "--amount", "5", "--yes");
    assertEquals(2, refused.exit(), refused.toString());
    assertTrue(refused.err().contains("dev-phrase-refused"), refused.err());
    assertEquals(1, node.count("tx_submit"));
    Cli.Result noTestnet = cli.raw("--testnet", tmp.resolve("none").toString(), "balance");
    assertEquals(3, noTestnet.exit());
    assertTrue(noTestnet.err().contains("start one with './cairn testnet up'"), noTestnet.err());
  }

  @Test
  void devPhraseRefusedWhenNodeSaysNotDev() {
    node.on("chain_info", CHAIN_INFO.replace("\"dev\":true", "\"dev\":false"));
    Cli.Result r = run("send", "--to", TO, "--amount", "1", "--yes");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("dev-phrase-refused"), r.err());
    node.on("chain_info", NO_DEV);
    assertEquals(2, run("send", "--to", TO, "--amount", "1", "--yes").exit(), "unknown dev flag without --testnet: refused");
    assertEquals(0, node.count("tx_submit"));
  }

  @Test
  void broadcastChecksSignatureForTheNodesNetwork() {
    Cli.Result signed = cli.run("sign", "--to", TO, "--amount", "1", "--nonce", "5", "--genesis", GENESIS.toHex(),
        "--wallet", "dev", "--yes");
    assertEquals(2, signed.exit(), "dev wallet refused with --genesis");
    cli.terminal.answer(CliKeysTest.ABOUT);
    assertEquals(0, cli.run("restore", "--name", "other").exit());
    String hex = cli.run("sign", "--wallet", "other", "--to", TO, "--amount", "1", "--nonce", "0", "--genesis",
        GENESIS.toHex(), "--yes").out().strip();
    Cli.Result ok = run("broadcast", hex);
    assertEquals(0, ok.exit(), ok.toString());
    assertEquals(hex, node.calls("tx_submit").get(0).params().get("tx").getAsString());
    node.on("chain_info", CHAIN_INFO.replace(GENESIS.toHex(), "55".repeat(32)));
    Cli.Result other = run("broadcast", hex);
    assertEquals(4, other.exit());
    assertTrue(other.err().contains("bad-signature: the signature does not verify for network 'testnet'"), other.err());
    String altered = hex.substring(0, 140) + (hex.charAt(140) == '0' ? '1' : '0') + hex.substring(141);
    node.on("chain_info", CHAIN_INFO);
    assertEquals(4, run("broadcast", altered).exit());
    Cli.Result garbage = run("broadcast", "zz");
    assertEquals(2, garbage.exit());
    assertTrue(garbage.err().startsWith("error: malformed: not a signed transaction"), garbage.err());
    assertEquals(1, node.count("tx_submit"));
  }

  @Test
  void txAndHistory() {
    node.on("chain_getTransaction", "{\"status\":\"confirmed\",\"blockHash\":\"" + "33".repeat(32)
        + "\",\"height\":13,\"confirmations\":4}");
    Cli.Result t = run("tx", "ab".repeat(32));
    assertEquals(0, t.exit(), t.toString());
    assertTrue(t.out().contains("confirmed in block " + "33".repeat(32) + " at height 13, 4 confirmations"), t.out());
    node.on("chain_getTransaction", "ERR:-32004:no such transaction:\"not-found\"");
    Cli.Result missing = run("tx", "ab".repeat(32));
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("not-found"), missing.err());
    assertEquals(2, run("tx", "abc").exit());

    node.on("state_getHistory", "[{\"txid\":\"" + "66".repeat(32) + "\",\"from\":\"" + FROM + "\",\"to\":\"" + TO
        + "\",\"amount\":\"500000000\",\"fee\":\"1000\",\"height\":9}]");
    Cli.Result h = run("history", "--limit", "5");
    assertEquals(0, h.exit(), h.toString());
    assertTrue(h.out().contains("#9 ") && h.out().contains("66666666  5 CRN  sent to " + TO), h.out());
    assertEquals(5, node.calls("state_getHistory").get(0).params().get("limit").getAsInt());
    Cli.Result hj = run("history", TO, "--json");
    assertEquals("500000000", JsonParser.parseString(hj.out()).getAsJsonObject().getAsJsonArray("transactions").get(0)
        .getAsJsonObject().get("amount").getAsString());
    assertEquals(2, run("history", "--limit", "0").exit());
    node.on("state_getHistory", "[" + "{\"txid\":\"" + "66".repeat(32) + "\"},".repeat(6) + "{\"txid\":\"" + "66".repeat(32) + "\"}]");
    assertEquals(3, run("history", "--limit", "5").exit(), "more entries than asked for");
  }
}
