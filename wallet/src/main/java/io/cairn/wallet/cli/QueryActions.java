package io.cairn.wallet.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.wallet.client.NodeClient.AccountState;
import io.cairn.wallet.client.NodeClient.HistoryEntry;
import io.cairn.wallet.client.NodeClient.Status;
import io.cairn.wallet.client.NodeClient.TxStatus;
import io.cairn.wallet.keystore.Keystore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** balance, history, tx: read-only questions to the node. */
final class QueryActions {
  static final int MAX_HISTORY = 500; // the node's state_getHistory limit (docs/rpc.md)

  private QueryActions() {}

  record WhoConfig(Optional<String> address, Optional<String> wallet, int from) {}

  record HistoryConfig(WhoConfig who, int limit, Optional<String> before) {}

  static int balance(Session s, WhoConfig c) {
    String address = resolve(s, c);
    AccountState a = s.node().account(address);
    if (s.json()) {
      JsonObject o = new JsonObject();
      o.addProperty("address", address);
      o.addProperty("balance", Long.toString(a.balance().units()));
      o.addProperty("balanceDisplay", a.balance().display());
      o.addProperty("nonce", a.nonce());
      o.addProperty("pendingNonce", a.pendingNonce());
      s.printJson(o);
    } else {
      s.out.println("Address:  " + address);
      s.out.println("Balance:  " + a.balance().display());
      s.out.println("Nonce:    " + a.nonce() + (a.pendingNonce() > a.nonce()
          ? " (" + (a.pendingNonce() - a.nonce()) + " pending; next nonce " + a.pendingNonce() + ")" : ""));
    }
    return WalletException.OK;
  }

  static int history(Session s, HistoryConfig c) {
    if (c.limit() < 1 || c.limit() > MAX_HISTORY) {
      throw new WalletException(WalletException.BAD_INPUT, "--limit must be between 1 and " + MAX_HISTORY + " but is " + c.limit());
    }
    c.before().ifPresent(QueryActions::txid);
    String address = resolve(s, c.who());
    List<HistoryEntry> entries = s.node().history(address, c.limit(), c.before());
    if (s.json()) {
      JsonArray arr = new JsonArray();
      for (HistoryEntry e : entries) {
        JsonObject o = new JsonObject();
        o.addProperty("txid", e.txid().toHex());
        e.from().ifPresent(v -> o.addProperty("from", v));
        e.to().ifPresent(v -> o.addProperty("to", v));
        e.amount().ifPresent(v -> o.addProperty("amount", Long.toString(v.units())));
        e.fee().ifPresent(v -> o.addProperty("fee", Long.toString(v.units())));
        e.nonce().ifPresent(v -> o.addProperty("nonce", v));
        e.height().ifPresent(v -> o.addProperty("height", v));
        e.timestampMs().ifPresent(v -> o.addProperty("timestampMs", v));
        arr.add(o);
      }
      JsonObject o = new JsonObject();
      o.addProperty("address", address);
      o.add("transactions", arr);
      s.printJson(o);
      return WalletException.OK;
    }
    if (entries.isEmpty()) {
      s.out.println("No confirmed transactions for " + address);
      return WalletException.OK;
    }
    s.out.println("Transactions of " + address + " (newest first):");
    for (HistoryEntry e : entries) {
      String dir = e.from().filter(address::equals).isPresent() ? "sent to " + e.to().orElse("?")
          : e.to().filter(address::equals).isPresent() ? "received from " + e.from().orElse("?") : "";
      s.out.printf("  %s  %s  %s%s%s%n",
          e.height().isPresent() ? String.format("#%-7d", e.height().getAsLong()) : "        ",
          e.txid().shortHex(),
          e.amount().map(Amount::display).orElse(""),
          dir.isEmpty() ? "" : "  " + dir,
          e.timestampMs().isPresent() ? "  " + Instant.ofEpochMilli(e.timestampMs().getAsLong()) : "");
    }
    return WalletException.OK;
  }

  static int tx(Session s, String txidText) {
    Hash txid = txid(txidText);
    TxStatus t = s.node().transaction(txid);
    if (s.json()) {
      s.printJson(json(txid, t));
    } else {
      s.out.println("Transaction " + txid.toHex());
      s.out.println(describe(t));
    }
    return WalletException.OK;
  }

  static JsonObject json(Hash txid, TxStatus t) {
    JsonObject o = new JsonObject();
    o.addProperty("txid", txid.toHex());
    o.addProperty("status", t.status().code());
    t.blockHash().ifPresent(h -> o.addProperty("blockHash", h.toHex()));
    t.height().ifPresent(h -> o.addProperty("height", h));
    o.addProperty("confirmations", t.confirmations());
    return o;
  }

  static String describe(TxStatus t) {
    if (t.status() == Status.PENDING) {
      return "Status: pending (in the mempool, not yet in a block)";
    }
    return "Status: confirmed in block " + t.blockHash().map(Hash::toHex).orElse("?") + " at height "
        + (t.height().isPresent() ? t.height().getAsLong() : "?") + ", " + t.confirmations() + " confirmation"
        + (t.confirmations() == 1 ? "" : "s");
  }

  static Hash txid(String text) {
    String t = text.strip();
    if (!t.matches("[0-9a-fA-F]{64}")) {
      throw new WalletException(WalletException.BAD_INPUT, "invalid txid '" + t + "': expected 64 hex digits");
    }
    return Hash.parse(t);
  }

  /** The address asked about: the argument, else the wallet's account {@code --from}. */
  private static String resolve(Session s, WhoConfig c) {
    if (c.address().isPresent()) {
      return Session.address(c.address().get(), Session.DEFAULT_PREFIX).encode(Session.DEFAULT_PREFIX);
    }
    KeyActions.checkIndex(c.from());
    Keystore ks = s.load(s.walletName(c.wallet()));
    Address a = s.accountAddress(ks, c.from());
    return a.encode(ks.addressPrefix());
  }
}
