package io.cairn.wallet.cli;

import com.google.gson.JsonObject;
import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.ChainSpecJson;
import io.cairn.common.spec.Genesis;
import io.cairn.wallet.client.NodeClient.AccountState;
import io.cairn.wallet.client.NodeClient.ChainInfo;
import io.cairn.wallet.client.NodeClient.Status;
import io.cairn.wallet.client.NodeClient.TxStatus;
import io.cairn.wallet.client.NodeException;
import io.cairn.wallet.keys.AccountKey;
import io.cairn.wallet.keys.DevAccounts;
import io.cairn.wallet.keystore.Keystore;
import io.cairn.wallet.tx.Transfers;
import io.cairn.wallet.tx.Transfers.Draft;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** send, sign (offline), broadcast. Nothing is signed before the user has seen and confirmed it. */
final class TransferActions {
  static final int MAX_CONFIRMATIONS = 10_000;

  private TransferActions() {}

  /** What the user asked to transfer, from the command line. */
  record TransferConfig(Optional<String> wallet, int from, String to, String amount, Optional<String> fee,
      Optional<String> memo, boolean yes) {}

  record SendConfig(TransferConfig transfer, boolean await, int confirmations, long timeoutSeconds) {}

  record SignConfig(TransferConfig transfer, long nonce, Optional<String> chain, Optional<String> genesis) {}

  /** The network a transaction is signed for. */
  record Chain(String network, Hash genesis, Optional<String> prefix, Optional<Amount> minFee, boolean dev) {}

  static int send(Session s, SendConfig c) {
    if (c.confirmations() < 1 || c.confirmations() > MAX_CONFIRMATIONS) {
      throw new WalletException(WalletException.BAD_INPUT, "--confirmations must be between 1 and " + MAX_CONFIRMATIONS);
    }
    if (c.timeoutSeconds() < 1) {
      throw new WalletException(WalletException.BAD_INPUT, "--timeout must be at least 1 second");
    }
    TransferConfig t = c.transfer();
    Parsed p = parse(s, t);
    ChainInfo info = s.node().chainInfo();
    Chain chain = new Chain(info.network(), info.genesisHash(), info.addressPrefix(), info.minFee(),
        info.dev().orElse(s.config.testnet().isPresent()));
    Address to = checkPrefix(p, chain);
    Address fromAddr = s.accountAddress(p.ks(), t.from());
    String prefix = chain.prefix().orElse(p.ks().addressPrefix());
    AccountState acct = s.node().account(fromAddr.encode(prefix));
    Amount fee = p.fee().orElse(chain.minFee().orElse(Transfers.FALLBACK_FEE));
    long nonce = acct.pendingNonce();
    Amount total = total(p.amount(), fee);
    if (acct.balance().compareTo(total) < 0) {
      throw new RejectedException(Reason.INSUFFICIENT_FUNDS, "the balance of " + fromAddr.encode(prefix) + " is "
          + acct.balance().display() + ", which does not cover " + p.amount().display() + " plus fee " + fee.display());
    }
    Transaction tx = signConfirmed(s, p, t, chain, to, fee, nonce, prefix, false);
    Hash txid = s.node().submit(tx);
    JsonObject o = describe(tx, prefix);
    if (!s.json()) {
      s.out.println("Submitted transaction " + txid.toHex());
      s.out.flush();
    }
    if (c.await()) {
      TxStatus st = await(s, txid, c.confirmations(), c.timeoutSeconds());
      QueryActions.json(txid, st).entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
    }
    if (s.json()) {
      s.printJson(o);
    }
    return WalletException.OK;
  }

  static int sign(Session s, SignConfig c) {
    if (c.chain().isPresent() == c.genesis().isPresent()) {
      throw new WalletException(WalletException.BAD_INPUT, "give exactly one of --chain FILE|testnet and --genesis HASH");
    }
    if (c.nonce() < 0) {
      throw new WalletException(WalletException.BAD_INPUT, "--nonce must not be negative");
    }
    TransferConfig t = c.transfer();
    Parsed p = parse(s, t);
    Chain chain = c.chain().isPresent() ? fromSpec(c.chain().get()) : fromGenesis(c.genesis().get());
    Address to = checkPrefix(p, chain);
    String prefix = chain.prefix().orElse(p.ks().addressPrefix());
    Amount fee = p.fee().orElse(chain.minFee().orElse(Transfers.FALLBACK_FEE));
    total(p.amount(), fee);
    Transaction tx;
    try {
      tx = signConfirmed(s, p, t, chain, to, fee, c.nonce(), prefix, true);
    } catch (RejectedException e) {
      if (e.reason() == Reason.DEV_PHRASE_REFUSED && c.genesis().isPresent()) {
        throw new RejectedException(Reason.DEV_PHRASE_REFUSED, "this wallet uses the public dev phrase, which is only"
            + " allowed on dev networks; with --genesis the wallet cannot tell, so give the chain spec with --chain");
      }
      throw e;
    }
    if (s.json()) {
      JsonObject o = describe(tx, prefix);
      o.addProperty("tx", Transfers.toHex(tx));
      s.printJson(o);
    } else {
      s.out.println(Transfers.toHex(tx));
    }
    return WalletException.OK;
  }

  static int broadcast(Session s, String hex, boolean skipCheck) {
    Transaction tx = Transfers.fromHex(hex);
    ChainInfo info = s.node().chainInfo();
    if (!skipCheck && !tx.verifySignature(info.genesisHash())) {
      // Refused locally for the reason the node would give: exit 4 like the node's own refusal.
      throw new WalletException(WalletException.REJECTED, Reason.BAD_SIGNATURE.code() + ": the signature does not"
          + " verify for network '" + info.network() + "' (genesis " + info.genesisHash().shortHex()
          + "); was it signed for another network, or altered?", Optional.of(Reason.BAD_SIGNATURE.code()));
    }
    Hash txid = s.node().submit(tx);
    if (s.json()) {
      s.printJson(describe(tx, info.addressPrefix().orElse(Session.DEFAULT_PREFIX)));
    } else {
      s.out.println("Submitted transaction " + txid.toHex());
    }
    return WalletException.OK;
  }

  /** Polls until {@code k} confirmations or the timeout, printing each change of state. */
  static TxStatus await(Session s, Hash txid, int k, long timeoutSeconds) {
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    String last = "";
    while (true) {
      TxStatus st = null;
      String line;
      try {
        st = s.node().transaction(txid);
        line = st.status() == Status.PENDING ? "pending: in the mempool, waiting for a block..."
            : "confirmed at height " + (st.height().isPresent() ? st.height().getAsLong() : "?") + " in block "
                + st.blockHash().map(Hash::shortHex).orElse("?") + ": " + Math.min(st.confirmations(), k) + "/" + k
                + " confirmation" + (k == 1 ? "" : "s");
      } catch (NodeException e) {
        if (e.kind() == NodeException.Kind.NOT_FOUND) {
          line = "waiting for the node to report the transaction...";
        } else if (e.kind() == NodeException.Kind.UNREACHABLE) {
          line = "node unreachable, retrying: " + e.getMessage();
        } else {
          throw e;
        }
      }
      if (!line.equals(last)) {
        s.info(line);
        last = line;
      }
      if (st != null && st.status() == Status.CONFIRMED && st.confirmations() >= k) {
        return st;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new WalletException(WalletException.FAILED, "timed out after " + timeoutSeconds + " s waiting for " + k
            + " confirmation" + (k == 1 ? "" : "s") + "; transaction " + txid.toHex()
            + " was submitted and may still confirm (check with 'cairn wallet tx " + txid.toHex() + "')");
      }
      try {
        Thread.sleep(s.seams.pollMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WalletException(WalletException.FAILED, "interrupted while waiting for " + txid.toHex());
      }
    }
  }

  private record Parsed(Keystore ks, Amount amount, Optional<Amount> fee, String memo, String to) {}

  /** Checks everything that needs neither node nor password. */
  private static Parsed parse(Session s, TransferConfig t) {
    KeyActions.checkIndex(t.from());
    Amount amount = Amount.parse(t.amount());
    if (amount.isZero()) {
      throw new RejectedException(Reason.ZERO_AMOUNT, "the amount must be greater than zero");
    }
    Optional<Amount> fee = t.fee().map(Amount::parse);
    String memo = t.memo().orElse("");
    if (memo.getBytes(StandardCharsets.UTF_8).length > Transaction.MAX_MEMO) {
      throw new RejectedException(Reason.MEMO_TOO_LONG, "the memo is " + memo.getBytes(StandardCharsets.UTF_8).length
          + " bytes in UTF-8; at most " + Transaction.MAX_MEMO + " are allowed");
    }
    Keystore ks = s.load(s.walletName(t.wallet()));
    Session.address(t.to(), ks.addressPrefix());
    return new Parsed(ks, amount, fee, memo, t.to());
  }

  /** The recipient, checked against the chain's prefix (known once the chain is). */
  private static Address checkPrefix(Parsed p, Chain chain) {
    return Session.address(p.to(), chain.prefix().orElse(p.ks().addressPrefix()));
  }

  private static Amount total(Amount amount, Amount fee) {
    try {
      return amount.plus(fee);
    } catch (ArithmeticException e) {
      throw new RejectedException(Reason.AMOUNT_OVERFLOW, "amount plus fee exceeds the largest amount");
    }
  }

  /** Shows the summary, asks for confirmation, then unlocks, checks the dev phrase rule, signs. */
  private static Transaction signConfirmed(Session s, Parsed p, TransferConfig t, Chain chain, Address to, Amount fee,
      long nonce, String prefix, boolean summaryToErr) {
    Address from = s.accountAddress(p.ks(), t.from());
    java.util.function.Consumer<String> show = summaryToErr ? l -> s.err.println(l) : s::info;
    show.accept("Network:  " + chain.network() + " (genesis " + chain.genesis().shortHex() + ")");
    show.accept("From:     " + from.encode(prefix) + " (wallet '" + p.ks().name() + "', account " + t.from() + ")");
    show.accept("To:       " + to.encode(prefix));
    show.accept("Amount:   " + p.amount().display());
    show.accept("Fee:      " + fee.display());
    show.accept("Total:    " + total(p.amount(), fee).display());
    show.accept("Nonce:    " + nonce);
    if (!p.memo().isEmpty()) {
      show.accept("Memo:     " + p.memo());
    }
    s.err.flush();
    if (!s.confirm(summaryToErr ? "Sign this transaction?" : "Sign and send this transaction?", t.yes())) {
      throw new WalletException(WalletException.FAILED, "cancelled; nothing was signed or sent");
    }
    byte[] seed = s.unlock(p.ks());
    AccountKey key = null;
    try {
      DevAccounts.requireAllowed(seed, chain.dev(), chain.network());
      key = AccountKey.derive(seed, t.from());
      if (!key.address().equals(from)) {
        throw new RejectedException(Reason.MALFORMED, "keystore '" + p.ks().name() + "' caches another address for"
            + " account " + t.from() + " than its seed gives; the file was altered");
      }
      Draft d = Transfers.draft(key, to, p.amount(), fee, nonce, p.memo(), chain.minFee());
      return d.sign(chain.genesis());
    } finally {
      Arrays.fill(seed, (byte) 0);
      if (key != null) {
        key.destroy();
      }
    }
  }

  private static Chain fromSpec(String chain) {
    ChainSpec spec;
    try {
      if (ChainSpecJson.BUILT_IN.contains(chain)) {
        spec = ChainSpecJson.builtIn(chain);
      } else {
        Path f = Path.of(chain);
        if (Files.size(f) > 16L << 20) {
          throw new WalletException(WalletException.BAD_INPUT, "chain spec " + f + " is larger than 16 MiB");
        }
        spec = ChainSpecJson.parse(Files.readString(f, StandardCharsets.UTF_8));
      }
    } catch (ChainSpecJson.SpecException e) {
      throw new WalletException(WalletException.BAD_INPUT, "invalid chain spec " + chain + ": " + e.getMessage());
    } catch (IOException e) {
      throw new WalletException(WalletException.BAD_INPUT, "cannot read chain spec " + chain + " (give a file or 'testnet'): "
          + e.getMessage());
    }
    return new Chain(spec.network(), Genesis.hash(spec), Optional.of(spec.addressPrefix()), Optional.of(spec.minFee()),
        spec.dev());
  }

  private static Chain fromGenesis(String hex) {
    String h = hex.strip();
    if (!h.matches("(0x)?[0-9a-fA-F]{64}")) {
      throw new WalletException(WalletException.BAD_INPUT, "invalid --genesis '" + h + "': expected 64 hex digits");
    }
    return new Chain("unknown (--genesis)", Hash.parse(h), Optional.empty(),
        Optional.empty(), false);
  }

  static JsonObject describe(Transaction tx, String prefix) {
    JsonObject o = new JsonObject();
    o.addProperty("txid", tx.txid().toHex());
    o.addProperty("from", tx.sender().encode(prefix));
    o.addProperty("to", tx.to().encode(prefix));
    o.addProperty("amount", Long.toString(tx.amount().units()));
    o.addProperty("fee", Long.toString(tx.fee().units()));
    o.addProperty("nonce", tx.nonce());
    if (!tx.memo().isEmpty()) {
      o.addProperty("memo", tx.memo().toUtf8());
    }
    return o;
  }
}
