package io.cairn.node.hostile;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.node.service.NodeService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The observer's view of a node: JSON-RPC over real HTTP with the node's cookie token, reduced to
 * the facts the hostile-peer suite compares before and after each attack.
 */
final class NodeRpc {
  private static final Gson GSON = new Gson();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI uri;
  private final String token;
  private final String prefix;
  private int nextId = 1;

  NodeRpc(NodeService node) {
    this.uri = URI.create("http://127.0.0.1:" + node.rpcPort() + "/");
    this.prefix = node.config().spec().addressPrefix();
    try {
      this.token = Files.readString(node.cookieFile().orElseThrow(), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tip and the mempool in one call. */
  record Tip(long height, Hash hash, int mempoolSize) {}

  Tip tip() {
    JsonObject o = ok("chain_info", Map.of()).getAsJsonObject();
    return new Tip(o.get("height").getAsLong(), Hash.parse(o.get("tipHash").getAsString()), o.get("mempoolSize").getAsInt());
  }

  boolean syncing() {
    return ok("chain_info", Map.of()).getAsJsonObject().get("syncing").getAsBoolean();
  }

  Hash genesisHash() {
    return Hash.parse(ok("chain_info", Map.of()).getAsJsonObject().get("genesisHash").getAsString());
  }

  /** Confirmed balance (base units) and nonce of an address. */
  record Account(Amount balance, long nonce) {}

  Account account(Address a) {
    JsonObject o = ok("state_getAccount", Map.of("address", a.encode(prefix))).getAsJsonObject();
    return new Account(Amount.ofUnits(Long.parseLong(o.get("balance").getAsString())), o.get("nonce").getAsLong());
  }

  /** Node ids (hex) of the connected peers, and whether each is inbound. */
  record Peer(String nodeId, boolean inbound) {}

  List<Peer> peers() {
    List<Peer> out = new ArrayList<>();
    for (JsonElement e : ok("net_peers", Map.of()).getAsJsonArray()) {
      JsonObject o = e.getAsJsonObject();
      out.add(new Peer(o.get("nodeId").getAsString(), "inbound".equals(o.get("direction").getAsString())));
    }
    return out;
  }

  boolean connectedTo(String nodeId) {
    return peers().stream().anyMatch(p -> p.nodeId().equals(nodeId));
  }

  long inboundCount() {
    return peers().stream().filter(Peer::inbound).count();
  }

  /** Size of the persisted address book. */
  int knownAddresses() {
    return ok("net_info", Map.of()).getAsJsonObject().get("knownAddresses").getAsInt();
  }

  /** Txids in the mempool. */
  List<String> mempoolTxids() {
    JsonObject o = ok("mempool_content", Map.of()).getAsJsonObject();
    List<String> out = new ArrayList<>();
    JsonElement txs = o.has("transactions") ? o.get("transactions") : o.get("txs");
    if (txs != null && txs.isJsonArray()) {
      for (JsonElement e : txs.getAsJsonArray()) {
        out.add(e.isJsonObject() ? e.getAsJsonObject().get("txid").getAsString() : e.getAsString());
      }
    }
    return out;
  }

  /** Mines {@code n} blocks now (dev networks); returns their hashes once connected. */
  List<Hash> mine(int n) {
    JsonArray hashes = ok("miner_mine", Map.of("blocks", n)).getAsJsonObject().getAsJsonArray("hashes");
    List<Hash> out = new ArrayList<>();
    hashes.forEach(h -> out.add(Hash.parse(h.getAsString())));
    return out;
  }

  /** Submits a signed transaction; returns its txid. */
  String submit(io.cairn.common.model.Transaction tx) {
    return ok("tx_submit", Map.of("tx", io.cairn.common.bytes.Bytes.of(tx.encode()).toHex()))
        .getAsJsonObject().get("txid").getAsString();
  }

  synchronized JsonElement ok(String method, Map<String, ?> params) {
    JsonObject req = new JsonObject();
    req.addProperty("jsonrpc", "2.0");
    req.addProperty("id", nextId++);
    req.addProperty("method", method);
    req.add("params", GSON.toJsonTree(params));
    try {
      HttpRequest r = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
          .POST(HttpRequest.BodyPublishers.ofString(req.toString())).build();
      HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
      JsonObject o = JsonParser.parseString(resp.body()).getAsJsonObject();
      if (!o.has("result")) {
        throw new AssertionError(method + " " + params + " failed: " + o);
      }
      return o.get("result");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
