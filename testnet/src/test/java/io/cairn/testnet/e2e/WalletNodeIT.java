package io.cairn.testnet.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.model.CompactTarget;
import io.cairn.common.model.Transaction;
import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.ChainSpecJson;
import io.cairn.node.service.Logging;
import io.cairn.node.service.NodeConfig;
import io.cairn.node.service.NodeService;
import io.cairn.wallet.cli.WalletCommand;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The wallet CLI end to end against a real in-JVM node (real RocksDB, real HTTP on 127.0.0.1, a
 * background miner at a capped rate): restore a wallet whose account is funded in genesis, create a
 * recipient, {@code send --yes --wait}, then balances, nonces, history and {@code tx}; the offline
 * {@code sign} + {@code broadcast} flow; a replayed and an altered signed transaction are refused.
 * Every command runs through its real picocli entry point with the real scrypt cost and the real
 * HTTP client; the only seam is standard input for the recovery phrase.
 */
class WalletNodeIT {
  /** The BIP39 test phrase (entropy all zero): a known wallet, not the public dev phrase. */
  private static final String PHRASE = "abandon abandon abandon abandon abandon abandon abandon abandon abandon"
      + " abandon abandon about";
  private static final Amount FUNDS = Amount.ofCrn(1_000);
  private static final Amount MIN_FEE = Amount.ofUnits(1_000);
  /** A hash-rate cap that gives a block every half second or so at the easiest target. */
  private static final long MINE_RATE = 4;

  @TempDir Path tmp;
  private Path walletDir;
  private Path passwordFile;
  private NodeService node;

  /** One CLI run. */
  record Result(int exit, String out, String err) {
    JsonObject json() {
      return JsonParser.parseString(out).getAsJsonObject();
    }

    JsonObject errorJson() {
      String[] lines = err.strip().split("\n");
      return JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
  }

  @Test
  void transfersBetweenWalletsOnARealNode() throws Exception {
    walletDir = tmp.resolve("wallets");
    passwordFile = tmp.resolve("password");
    Files.writeString(passwordFile, "correct horse battery staple\n");
    Logging.configure(tmp, "warn", false);

    // Keys first; no node is needed for them.
    Result restored = withStdin(PHRASE + "\n", () -> wallet("restore", "--name", "alice"));
    assertEquals(0, restored.exit(), restored::toString);
    String alice = wallet("address", "--wallet", "alice", "--json").json().get("address").getAsString();
    Result created = wallet("create", "--name", "bob", "--json");
    assertEquals(0, created.exit(), created::toString);
    String bob = created.json().getAsJsonArray("accounts").get(0).getAsJsonObject().get("address").getAsString();
    String minerAddress = wallet("address", "--wallet", "bob", "--index", "1", "--json").json().get("address")
        .getAsString();
    assertNotEquals(alice, bob);

    // A network whose genesis funds alice's account 0; the node mines to bob's account 1.
    ChainSpec spec = new ChainSpec("wallet-e2e", "tcairn", 2_000, CompactTarget.POW_LIMIT_BITS, 60_000, 1_000_000,
        Amount.ofCrn(50), MIN_FEE, System.currentTimeMillis() - 86_400_000L, false,
        List.of(new ChainSpec.Allocation(Address.parse(alice, "tcairn"), FUNDS)));
    Path specFile = tmp.resolve("wallet-e2e.json");
    Files.writeString(specFile, ChainSpecJson.toJson(spec));
    node = NodeService.start(new NodeConfig(tmp.resolve("node"), spec, "127.0.0.1", 0, "127.0.0.1", 0, true,
        List.of(), true, Address.parse(minerAddress, "tcairn"), 1, MINE_RATE, 16, 4, 0, "warn", false));
    try {
      fundedInGenesis(alice);
      String txid = sendAndWait(bob);
      Amount fee = Amount.ofUnits(2_000);
      Amount sent = Amount.parse("12.5");
      assertAccount("alice", FUNDS.minus(sent).minus(fee), 1);
      assertAccount("bob", sent, 0);
      historyListsIt("alice", txid, alice, bob);
      historyListsIt("bob", txid, alice, bob);
      confirmedWithConfirmations(txid);
      offlineSignBroadcastReplayAndAlter(specFile, bob);
      assertAccount("alice", FUNDS.minus(sent).minus(fee).minus(Amount.ofCrn(1)).minus(MIN_FEE), 2);
      assertAccount("bob", sent.plus(Amount.ofCrn(1)), 0);
    } finally {
      node.close();
    }
  }

  private void fundedInGenesis(String alice) {
    Result r = online("balance", "--wallet", "alice", "--json");
    assertEquals(0, r.exit(), r::toString);
    JsonObject b = r.json();
    assertEquals(alice, b.get("address").getAsString());
    assertEquals(Long.toString(FUNDS.units()), b.get("balance").getAsString());
    assertEquals(0, b.get("nonce").getAsLong());
    Result human = online("balance", alice);
    assertEquals(0, human.exit(), human::toString);
    assertTrue(human.out().contains("Balance:  " + FUNDS.display()), human.out());
  }

  private String sendAndWait(String bob) {
    Result r = online("send", "--wallet", "alice", "--to", bob, "--amount", "12.5", "--fee", "0.00002", "--memo",
        "end to end", "--yes", "--wait", "--json");
    assertEquals(0, r.exit(), r::toString);
    JsonObject o = r.json();
    assertEquals("confirmed", o.get("status").getAsString(), r::toString);
    assertTrue(o.get("confirmations").getAsLong() >= 1, r::toString);
    assertEquals(bob, o.get("to").getAsString());
    assertEquals("1250000000", o.get("amount").getAsString());
    assertEquals(0, o.get("nonce").getAsLong());
    assertTrue(r.err().contains("confirmed at height"), r::toString);
    return o.get("txid").getAsString();
  }

  private void assertAccount(String wallet, Amount balance, long nonce) {
    Result r = online("balance", "--wallet", wallet, "--json");
    assertEquals(0, r.exit(), r::toString);
    assertEquals(Long.toString(balance.units()), r.json().get("balance").getAsString(), wallet);
    assertEquals(nonce, r.json().get("nonce").getAsLong(), wallet);
    assertEquals(nonce, r.json().get("pendingNonce").getAsLong(), wallet);
  }

  private void historyListsIt(String wallet, String txid, String from, String to) {
    Result r = online("history", "--wallet", wallet, "--json");
    assertEquals(0, r.exit(), r::toString);
    JsonArray txs = r.json().getAsJsonArray("transactions");
    JsonObject entry = null;
    for (JsonElement e : txs) {
      if (e.getAsJsonObject().get("txid").getAsString().equals(txid)) {
        entry = e.getAsJsonObject();
      }
    }
    assertTrue(entry != null, () -> wallet + "'s history lacks " + txid + ": " + r);
    assertEquals(from, entry.get("from").getAsString());
    assertEquals(to, entry.get("to").getAsString());
    assertEquals("1250000000", entry.get("amount").getAsString());
    assertTrue(entry.get("height").getAsLong() >= 1);
    assertTrue(entry.has("timestampMs"), entry::toString);
    Result most = online("history", "--wallet", wallet, "--limit", "500", "--json");
    assertEquals(0, most.exit(), () -> "the node's largest page: " + most);
    assertEquals(txs.size(), most.json().getAsJsonArray("transactions").size());
    Result tooMany = online("history", "--wallet", wallet, "--limit", "501");
    assertEquals(2, tooMany.exit(), tooMany::toString);
    Result human = online("history", "--wallet", wallet);
    assertTrue(human.out().contains(txid.substring(0, 8)), human::toString);
    assertTrue(human.out().contains(wallet.equals("alice") ? "sent to " + to : "received from " + from), human::toString);
  }

  private void confirmedWithConfirmations(String txid) {
    long height = node.head().height();
    await().atMost(Duration.ofSeconds(30)).until(() -> node.head().height() >= height + 1);
    Result r = online("tx", txid, "--json");
    assertEquals(0, r.exit(), r::toString);
    JsonObject o = r.json();
    assertEquals("confirmed", o.get("status").getAsString());
    long txHeight = o.get("height").getAsLong();
    assertTrue(o.get("confirmations").getAsLong() >= 2, r::toString);
    assertTrue(o.get("confirmations").getAsLong() <= node.head().height() - txHeight + 1, r::toString);
    Result human = online("tx", txid);
    assertTrue(human.out().contains("Status: confirmed in block"), human::toString);
  }

  private void offlineSignBroadcastReplayAndAlter(Path specFile, String bob) throws Exception {
    // Offline: no --node at all, the nonce and the chain spec given by hand.
    Result signed = wallet("sign", "--wallet", "alice", "--to", bob, "--amount", "1", "--nonce", "1", "--chain",
        specFile.toString(), "--yes");
    assertEquals(0, signed.exit(), signed::toString);
    String hex = signed.out().strip();
    Transaction tx = Transaction.decode(Bytes.fromHex(hex).toArray());
    assertEquals(1, tx.nonce());
    assertEquals(MIN_FEE, tx.fee(), "the spec's minimum fee by default");

    Result sent = online("broadcast", hex);
    assertEquals(0, sent.exit(), sent::toString);
    assertTrue(sent.out().contains("Submitted transaction " + tx.txid().toHex()), sent::toString);

    // The same signed bytes again: still pending (already-known) or just mined (nonce-too-low).
    Result replay = online("broadcast", hex, "--json");
    assertEquals(4, replay.exit(), replay::toString);
    String reason = replay.errorJson().get("reason").getAsString();
    assertTrue(reason.equals("already-known") || reason.equals("nonce-too-low"), replay::toString);

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
      Result t = online("tx", tx.txid().toHex(), "--json");
      return t.exit() == 0 && t.json().get("status").getAsString().equals("confirmed");
    });
    Result late = online("broadcast", hex, "--json");
    assertEquals(4, late.exit(), late::toString);
    assertEquals("nonce-too-low", late.errorJson().get("reason").getAsString(), late::toString);

    // One byte of the amount flipped (bytes 66..73 are the amount: version, from key, to address before it).
    char[] chars = hex.toCharArray();
    int at = 2 * (1 + 32 + 33 + 6);
    chars[at + 1] = Character.forDigit(Character.digit(chars[at + 1], 16) ^ 1, 16);
    String altered = new String(chars);
    Transaction changed = Transaction.decode(Bytes.fromHex(altered).toArray());
    assertNotEquals(tx.amount(), changed.amount());
    assertEquals(tx.to(), changed.to());
    assertEquals(tx.fee(), changed.fee());
    assertEquals(tx.nonce(), changed.nonce());
    assertEquals(tx.signature(), changed.signature());
    Result forged = online("broadcast", altered, "--json");
    assertEquals(4, forged.exit(), forged::toString);
    assertEquals("bad-signature", forged.errorJson().get("reason").getAsString(), forged::toString);
    // The wallet refused it before sending; the node refuses it too.
    JsonObject error = submitDirectly(altered).getAsJsonObject("error");
    assertEquals("bad-signature", error.getAsJsonObject("data").get("reason").getAsString(), error::toString);
  }

  private JsonObject submitDirectly(String hex) throws Exception {
    String token = Files.readString(node.cookieFile().orElseThrow(), StandardCharsets.US_ASCII).strip();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.rpcPort() + "/"))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tx_submit\",\"params\":{\"tx\":\"" + hex + "\"}}"))
        .build();
    return JsonParser.parseString(http.send(req, HttpResponse.BodyHandlers.ofString()).body()).getAsJsonObject();
  }

  /** A command that talks to the node. */
  private Result online(String... args) {
    List<String> all = new ArrayList<>(List.of("--node", "http://127.0.0.1:" + node.rpcPort(), "--rpc-cookie",
        node.cookieFile().orElseThrow().toString()));
    all.addAll(List.of(args));
    return wallet(all.toArray(String[]::new));
  }

  /** {@code cairn wallet --wallet-dir DIR --password-file FILE ARGS...} in this JVM. */
  private Result wallet(String... args) {
    List<String> all = new ArrayList<>(List.of("--wallet-dir", walletDir.toString(), "--password-file",
        passwordFile.toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new WalletCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(all.toArray(String[]::new));
    return new Result(exit, out.toString(), err.toString());
  }

  private interface Run {
    Result run();
  }

  /** Runs with {@code text} as standard input (the wallet reads the recovery phrase there without a console). */
  private static Result withStdin(String text, Run r) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    try {
      return r.run();
    } finally {
      System.setIn(saved);
    }
  }
}
