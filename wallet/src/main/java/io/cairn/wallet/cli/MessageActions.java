package io.cairn.wallet.cli;

import com.google.gson.JsonObject;
import io.cairn.common.address.Address;
import io.cairn.common.address.Bech32m;
import io.cairn.common.bytes.Hex;
import io.cairn.common.crypto.Signature;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import io.cairn.wallet.keys.AccountKey;
import io.cairn.wallet.keystore.Keystore;
import io.cairn.wallet.tx.SignedMessages;
import java.util.Arrays;
import java.util.Optional;

/** sign-message, verify-message: proving control of an address without a transaction. */
final class MessageActions {
  private MessageActions() {}

  record SignMessageConfig(Optional<String> wallet, int from, String message) {}

  record VerifyMessageConfig(String address, String message, String signature) {}

  static int sign(Session s, SignMessageConfig c) {
    KeyActions.checkIndex(c.from());
    Keystore ks = s.load(s.walletName(c.wallet()));
    byte[] seed = s.unlock(ks);
    AccountKey key = AccountKey.derive(seed, c.from());
    Arrays.fill(seed, (byte) 0);
    try {
      Signature sig = SignedMessages.sign(key, c.message());
      String address = key.address().encode(ks.addressPrefix());
      if (s.json()) {
        JsonObject o = new JsonObject();
        o.addProperty("address", address);
        o.addProperty("message", c.message());
        o.addProperty("signature", sig.toHex());
        s.printJson(o);
      } else {
        s.out.println("Address:   " + address);
        s.out.println("Signature: " + sig.toHex());
      }
      return WalletException.OK;
    } finally {
      key.destroy();
    }
  }

  static int verify(Session s, VerifyMessageConfig c) {
    Address address = parseAnyPrefix(c.address());
    String hex = c.signature().strip();
    if (!hex.matches("(0x)?[0-9a-fA-F]{128}")) {
      throw new WalletException(WalletException.BAD_INPUT, "invalid signature: expected 128 hex digits (64 bytes) but got "
          + hex.length() + " characters");
    }
    Signature sig = Signature.of(Hex.decode(hex));
    boolean ok = SignedMessages.verify(address, c.message(), sig);
    if (s.json()) {
      JsonObject o = new JsonObject();
      o.addProperty("address", c.address().strip());
      o.addProperty("valid", ok);
      s.printJson(o);
    }
    if (!ok) {
      throw new RejectedException(Reason.BAD_SIGNATURE, "the signature is NOT valid for " + c.address().strip()
          + " and this message");
    }
    if (!s.json()) {
      s.out.println("Valid: the message was signed by " + c.address().strip());
    }
    return WalletException.OK;
  }

  /** Any network's address: the message domain is not tied to a network. */
  private static Address parseAnyPrefix(String text) {
    String t = text == null ? "" : text.strip();
    try {
      return Address.parse(t, Bech32m.decode(t).hrp());
    } catch (Bech32m.Bech32mException e) {
      throw new RejectedException(Reason.BAD_ADDRESS, "invalid address '" + t + "': " + e.getMessage());
    }
  }
}
