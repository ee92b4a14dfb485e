package io.cairn.wallet.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.reason.RejectedException;
import io.cairn.wallet.client.NodeClient.AccountState;
import io.cairn.wallet.client.NodeClient.ChainInfo;
import io.cairn.wallet.client.NodeClient.HistoryEntry;
import io.cairn.wallet.client.NodeClient.Status;
import io.cairn.wallet.client.NodeClient.TxStatus;
import io.cairn.wallet.client.NodeException.Kind;
import io.cairn.wallet.json.StrictJson;
import io.cairn.wallet.json.StrictJson.JsonFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads JSON-RPC responses defensively: every field is checked for type and range; text from the
 * node is clipped and stripped of control characters before it is shown. Errors carry the reason
 * code from {@code error.data}, which may be a string ({@code "nonce-too-low"}) or an object with a
 * {@code reason} field.
 */
final class RpcResults {
  /** Nonces further than this ahead of the confirmed nonce are not believed. */
  static final long MAX_PENDING_AHEAD = 10_000;
  private static final long MAX_HEIGHT = 1L << 48;

  private RpcResults() {}

  static JsonElement unwrap(JsonObject resp, String method, long id) {
    try {
      String v = StrictJson.string(resp, "jsonrpc", 8, method + " response");
      if (!v.equals("2.0")) {
        throw new JsonFormatException(method + " response has jsonrpc '" + v + "', expected '2.0'");
      }
      JsonElement idEl = resp.get("id");
      if (idEl == null || idEl.isJsonNull() || !idEl.isJsonPrimitive() || !idEl.getAsJsonPrimitive().isNumber()
          || !idEl.getAsString().equals(Long.toString(id))) {
        throw new JsonFormatException(method + " response has id " + (idEl == null ? "none" : StrictJson.clip(idEl.toString()))
            + ", expected " + id);
      }
      boolean hasError = resp.has("error") && !resp.get("error").isJsonNull();
      if (hasError && resp.has("result")) {
        throw new JsonFormatException(method + " response has both result and error");
      }
      if (hasError) {
        throw error(StrictJson.object(resp.get("error"), method + " error"), method);
      }
      if (!resp.has("result")) {
        throw new JsonFormatException(method + " response has neither result nor error");
      }
      return resp.get("result");
    } catch (JsonFormatException e) {
      throw bad(e);
    }
  }

  private static NodeException error(JsonObject err, String method) {
    long code = StrictJson.integer(err, "code", Integer.MIN_VALUE, Integer.MAX_VALUE, method + " error");
    String message = sanitize(StrictJson.optString(err, "message", 100_000, method + " error").orElse(""));
    Optional<String> reason = Optional.empty();
    JsonElement data = err.get("data");
    if (data != null && !data.isJsonNull()) {
      if (data.isJsonPrimitive() && data.getAsJsonPrimitive().isString()) {
        reason = Optional.of(data.getAsString());
      } else if (data.isJsonObject()) {
        reason = StrictJson.optString(data.getAsJsonObject(), "reason", 100_000, method + " error.data");
      }
    }
    reason = reason.map(r -> r.matches("[a-z0-9][a-z0-9-]{0,63}") ? r : "unknown (" + sanitize(r) + ")");
    String text = reason.map(r -> r + (message.isEmpty() ? "" : ": " + message)).orElse(message.isEmpty()
        ? "JSON-RPC error " + code : message + " (JSON-RPC error " + code + ")");
    Kind kind;
    if (reason.filter("unauthorized"::equals).isPresent()) {
      kind = Kind.UNAUTHORIZED;
    } else if (reason.filter("not-found"::equals).isPresent()) {
      kind = Kind.NOT_FOUND;
    } else if (reason.isPresent()) {
      kind = Kind.REJECTED;
    } else {
      kind = Kind.ERROR;
    }
    return new NodeException(kind, method + " failed: " + text, reason, (int) code);
  }

  static ChainInfo chainInfo(JsonElement r) {
    try {
      JsonObject o = StrictJson.object(r, "chain_info result");
      String w = "chain_info result";
      String network = sanitize(StrictJson.string(o, "network", 64, w));
      Hash genesis = hash(StrictJson.string(o, "genesisHash", 66, w), w + ".genesisHash");
      long height = flexLong(StrictJson.required(o, "height", w), 0, MAX_HEIGHT, w + ".height");
      Optional<Hash> tip = StrictJson.optString(o, "tipHash", 66, w).map(s -> hash(s, w + ".tipHash"));
      Optional<String> prefix = StrictJson.optString(o, "addressPrefix", 16, w);
      if (prefix.isPresent() && !prefix.get().matches("[a-z][a-z0-9]{0,15}")) {
        throw new JsonFormatException(w + ".addressPrefix '" + sanitize(prefix.get()) + "' is not a valid prefix");
      }
      Optional<Amount> minFee = o.has("minFee") && !o.get("minFee").isJsonNull()
          ? Optional.of(amount(o.get("minFee"), w + ".minFee")) : Optional.empty();
      Optional<Boolean> dev = StrictJson.optBoolean(o, "dev", w);
      return new ChainInfo(network, genesis, height, tip, prefix, minFee, dev);
    } catch (JsonFormatException e) {
      throw bad(e);
    }
  }

  static AccountState account(JsonElement r) {
    try {
      String w = "state_getAccount result";
      JsonObject o = StrictJson.object(r, w);
      Amount balance = amount(StrictJson.required(o, "balance", w), w + ".balance");
      long nonce = flexLong(StrictJson.required(o, "nonce", w), 0, Long.MAX_VALUE, w + ".nonce");
      long pending = o.has("pendingNonce") && !o.get("pendingNonce").isJsonNull()
          ? flexLong(o.get("pendingNonce"), 0, Long.MAX_VALUE, w + ".pendingNonce") : nonce;
      if (pending < nonce) {
        throw new JsonFormatException(w + ": pendingNonce " + pending + " is below the confirmed nonce " + nonce);
      }
      if (pending - nonce > MAX_PENDING_AHEAD) {
        throw new JsonFormatException(w + ": pendingNonce " + pending + " is absurdly far ahead of the confirmed nonce "
            + nonce + " (more than " + MAX_PENDING_AHEAD + ")");
      }
      return new AccountState(balance, nonce, pending);
    } catch (JsonFormatException e) {
      throw bad(e);
    }
  }

  static List<HistoryEntry> history(JsonElement r, int limit) {
    try {
      String w = "state_getHistory result";
      JsonArray arr;
      if (r != null && r.isJsonObject()) {
        JsonObject o = r.getAsJsonObject();
        String key = o.has("transactions") ? "transactions" : o.has("items") ? "items" : "history";
        arr = StrictJson.array(o, key, limit, w);
      } else if (r != null && r.isJsonArray()) {
        arr = StrictJson.asArray(r, limit, w);
      } else {
        throw new JsonFormatException(w + " must be an array or an object but is " + StrictJson.kind(r));
      }
      List<HistoryEntry> out = new ArrayList<>(arr.size());
      for (int i = 0; i < arr.size(); i++) {
        String wi = w + "[" + i + "]";
        JsonObject e = StrictJson.object(arr.get(i), wi);
        Hash txid = hash(StrictJson.string(e, "txid", 66, wi), wi + ".txid");
        Optional<String> from = StrictJson.optString(e, "from", 200, wi).map(RpcResults::sanitize);
        Optional<String> to = StrictJson.optString(e, "to", 200, wi).map(RpcResults::sanitize);
        Optional<Amount> amount = optAmount(e, "amount", wi);
        Optional<Amount> fee = optAmount(e, "fee", wi);
        OptionalLong nonce = optLong(e, "nonce", Long.MAX_VALUE, wi);
        OptionalLong height = optLong(e, "height", MAX_HEIGHT, wi);
        OptionalLong time = optLong(e, e.has("timestampMs") ? "timestampMs" : "timestamp", Long.MAX_VALUE, wi);
        out.add(new HistoryEntry(txid, from, to, amount, fee, nonce, height, time));
      }
      return List.copyOf(out);
    } catch (JsonFormatException e) {
      throw bad(e);
    }
  }

  static TxStatus txStatus(JsonElement r) {
    try {
      String w = "chain_getTransaction result";
      JsonObject o = StrictJson.object(r, w);
      String s = StrictJson.string(o, "status", 32, w);
      Status status = switch (s) {
        case "pending" -> Status.PENDING;
        case "confirmed" -> Status.CONFIRMED;
        default -> throw new JsonFormatException(w + ".status must be 'pending' or 'confirmed' but is '" + sanitize(s) + "'");
      };
      Optional<Hash> block = StrictJson.optString(o, "blockHash", 66, w).map(h -> hash(h, w + ".blockHash"));
      OptionalLong height = optLong(o, "height", MAX_HEIGHT, w);
      long conf = optLong(o, "confirmations", MAX_HEIGHT, w).orElse(0);
      if (status == Status.CONFIRMED && (block.isEmpty() || height.isEmpty())) {
        throw new JsonFormatException(w + " says confirmed but lacks blockHash or height");
      }
      if (status == Status.PENDING && conf != 0) {
        throw new JsonFormatException(w + " says pending but has " + conf + " confirmations");
      }
      return new TxStatus(status, block, height, conf);
    } catch (JsonFormatException e) {
      throw bad(e);
    }
  }

  static Hash txid(JsonElement r) {
    try {
      String w = "tx_submit result";
      if (r != null && r.isJsonPrimitive() && r.getAsJsonPrimitive().isString()) {
        return hash(StrictJson.asString(r, 66, w), w);
      }
      JsonObject o = StrictJson.object(r, w);
      return hash(StrictJson.string(o, "txid", 66, w), w + ".txid");
    } catch (JsonFormatException e) {
      throw bad(e);
    }
  }

  /** A whole number given as a JSON number or a decimal string. */
  static long flexLong(JsonElement e, long min, long max, String where) {
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
      String s = e.getAsString();
      if (!s.matches("[0-9]{1,19}")) {
        throw new JsonFormatException(where + " must be a whole number but is '" + sanitize(s) + "'");
      }
      long v;
      try {
        v = Long.parseLong(s);
      } catch (NumberFormatException ex) {
        throw new JsonFormatException(where + " must be between " + min + " and " + max + " but is " + s);
      }
      if (v < min || v > max) {
        throw new JsonFormatException(where + " must be between " + min + " and " + max + " but is " + v);
      }
      return v;
    }
    return StrictJson.asInteger(e, min, max, where);
  }

  private static OptionalLong optLong(JsonObject o, String key, long max, String where) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? OptionalLong.empty() : OptionalLong.of(flexLong(e, 0, max, where + "." + key));
  }

  private static Optional<Amount> optAmount(JsonObject o, String key, String where) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? Optional.empty() : Optional.of(amount(e, where + "." + key));
  }

  /** Base units as a decimal string (a JSON number is accepted too). */
  static Amount amount(JsonElement e, String where) {
    String s;
    if (e.isJsonPrimitive() && (e.getAsJsonPrimitive().isString() || e.getAsJsonPrimitive().isNumber())) {
      s = e.getAsString();
    } else {
      throw new JsonFormatException(where + " must be base units as a decimal string but is " + StrictJson.kind(e));
    }
    if (s.length() > 25) {
      throw new JsonFormatException(where + " must be at most " + Long.MAX_VALUE + " base units but has " + s.length() + " digits");
    }
    try {
      return Amount.parseUnits(s);
    } catch (RejectedException ex) {
      throw new JsonFormatException(where + ": " + ex.getMessage());
    }
  }

  private static Hash hash(String hex, String where) {
    if (!hex.matches("(0x)?[0-9a-fA-F]{64}")) {
      throw new JsonFormatException(where + " must be 32 bytes of hex but is '" + sanitize(StrictJson.clip(hex)) + "'");
    }
    return Hash.parse(hex);
  }

  private static NodeException bad(JsonFormatException e) {
    return new NodeException(Kind.BAD_RESPONSE, "malformed response from the node: " + sanitize(e.getMessage()));
  }

  /** Untrusted text made safe to print: no control characters (no terminal escapes), at most 300 chars. */
  static String sanitize(String s) {
    StringBuilder sb = new StringBuilder(Math.min(s.length(), 300));
    for (int i = 0; i < s.length() && sb.length() < 300; i++) {
      char c = s.charAt(i);
      sb.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c);
    }
    if (s.length() > 300) {
      sb.append("...");
    }
    return sb.toString();
  }
}
