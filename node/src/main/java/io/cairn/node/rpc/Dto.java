package io.cairn.node.rpc;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.Transaction;
import io.cairn.node.rpc.NodeQueries.BlockInfo;
import io.cairn.node.rpc.NodeQueries.HistoryEntry;
import io.cairn.node.rpc.NodeQueries.PeerInfo;
import io.cairn.node.rpc.NodeQueries.TxInfo;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON shapes of results, apart from the model records: amounts as decimal strings of base
 * units, addresses as Bech32m with the chain's prefix, hashes and bytes as lower-case hex, u64
 * values that may exceed 2^53 (nonces of headers, work) as decimal strings. Every field is always
 * present ({@code null} when it does not apply).
 */
final class Dto {
  static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

  private Dto() {}

  static JsonElement tree(Object dto) {
    return GSON.toJsonTree(dto);
  }

  /** A transaction's own fields. */
  record Tx(
      String txid,
      int version,
      String from,
      String fromKey,
      String to,
      String amount,
      String fee,
      long nonce,
      String memo,
      String memoText,
      String signature,
      int size) {

    static Tx of(Transaction tx, String prefix) {
      return new Tx(
          tx.txid().toHex(),
          tx.version(),
          tx.sender().encode(prefix),
          tx.from().toHex(),
          tx.to().encode(prefix),
          Long.toString(tx.amount().units()),
          Long.toString(tx.fee().units()),
          tx.nonce(),
          tx.memo().toHex(),
          utf8OrNull(tx.memo()),
          tx.signature().toHex(),
          tx.encodedLength());
    }
  }

  /** chain_getTransaction: where the transaction is, followed by its own fields. */
  static JsonObject located(TxInfo info, String prefix) {
    JsonObject o = new JsonObject();
    boolean confirmed = info.status() == NodeQueries.TxStatus.CONFIRMED;
    o.addProperty("status", confirmed ? "confirmed" : "pending");
    o.addProperty("blockHash", confirmed ? info.blockHash().toHex() : null);
    o.addProperty("height", confirmed ? info.height() : null);
    o.addProperty("index", confirmed ? info.index() : null);
    o.addProperty("confirmations", info.confirmations());
    tree(Tx.of(info.tx(), prefix)).getAsJsonObject().entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
    return o;
  }

  /** chain_getBlock: header fields, txids, and with {@code full} the transactions. */
  static JsonObject block(BlockInfo info, boolean full, String prefix) {
    Block b = info.block();
    BlockHeader h = b.header();
    JsonObject o = new JsonObject();
    o.addProperty("hash", b.hash().toHex());
    o.addProperty("height", h.height());
    o.addProperty("version", h.version());
    o.addProperty("prevHash", h.prevHash().toHex());
    o.addProperty("merkleRoot", h.merkleRoot().toHex());
    o.addProperty("timestamp", h.timestampMs());
    o.addProperty("bits", String.format("%08x", h.bits()));
    o.addProperty("nonce", Long.toUnsignedString(h.nonce()));
    o.addProperty("miner", h.miner().encode(prefix));
    o.addProperty("txCount", b.transactions().size());
    o.addProperty("size", b.encodedLength());
    o.addProperty("confirmations", info.confirmations());
    o.addProperty("mainChain", info.confirmations() > 0);
    o.add("txids", GSON.toJsonTree(b.txids().stream().map(x -> x.toHex()).toList()));
    if (full) {
      o.add("transactions", GSON.toJsonTree(b.transactions().stream().map(t -> Tx.of(t, prefix)).toList()));
    }
    return o;
  }

  /** One state_getHistory entry: its block, its direction for the address, then its fields. */
  static JsonObject historyEntry(HistoryEntry e, String address, String prefix) {
    JsonObject o = new JsonObject();
    o.addProperty("blockHash", e.blockHash().toHex());
    o.addProperty("height", e.height());
    o.addProperty("index", e.index());
    o.addProperty("timestamp", e.timestampMs());
    String from = e.tx().sender().encode(prefix);
    String to = e.tx().to().encode(prefix);
    o.addProperty("direction", from.equals(to) ? "self" : from.equals(address) ? "out" : "in");
    tree(Tx.of(e.tx(), prefix)).getAsJsonObject().entrySet().forEach(x -> o.add(x.getKey(), x.getValue()));
    return o;
  }

  record Peer(
      String nodeId,
      String address,
      String direction,
      long height,
      String totalWork,
      String userAgent,
      long connectedSince,
      Long pingMs,
      long bytesIn,
      long bytesOut) {

    static Peer of(PeerInfo p) {
      return new Peer(p.nodeId(), p.address(), p.inbound() ? "inbound" : "outbound", p.height(),
          p.totalWork().toString(), p.userAgent(), p.connectedSinceMs(), p.pingMs() < 0 ? null : p.pingMs(),
          p.bytesIn(), p.bytesOut());
    }
  }

  static JsonElement peers(List<PeerInfo> peers) {
    return GSON.toJsonTree(peers.stream().map(Peer::of).toList());
  }

  /** The memo as text when it is valid UTF-8 without control characters, else null. */
  static String utf8OrNull(Bytes memo) {
    if (memo.isEmpty()) {
      return "";
    }
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(memo.toArray()))
          .toString();
      return s.chars().anyMatch(Character::isISOControl) ? null : s;
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
