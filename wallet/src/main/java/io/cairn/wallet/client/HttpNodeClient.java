package io.cairn.wallet.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.wallet.client.NodeException.Kind;
import io.cairn.wallet.json.StrictJson;
import io.cairn.wallet.json.StrictJson.JsonFormatException;
import io.cairn.wallet.tx.Transfers;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link NodeClient} over JSON-RPC 2.0 on HTTP ({@code POST /}, named params, {@code Authorization:
 * Bearer <cookie>}). Responses are bounded ({@link #MAX_RESPONSE_BYTES}), parsed strictly and
 * checked field by field ({@link RpcResults}); anything unexpected is a
 * {@link Kind#BAD_RESPONSE} error, never a crash.
 */
public final class HttpNodeClient implements NodeClient {
  public static final int MAX_RESPONSE_BYTES = 8 << 20;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  private final NodeEndpoint endpoint;
  private final Duration timeout;
  private final AtomicLong ids = new AtomicLong();

  public HttpNodeClient(NodeEndpoint endpoint, Duration timeout) {
    this.endpoint = endpoint;
    this.timeout = timeout;
  }

  @Override
  public ChainInfo chainInfo() {
    return RpcResults.chainInfo(call("chain_info", new JsonObject()));
  }

  @Override
  public AccountState account(String address) {
    JsonObject p = new JsonObject();
    p.addProperty("address", address);
    return RpcResults.account(call("state_getAccount", p));
  }

  @Override
  public List<HistoryEntry> history(String address, int limit, Optional<String> before) {
    JsonObject p = new JsonObject();
    p.addProperty("address", address);
    p.addProperty("limit", limit);
    before.ifPresent(b -> p.addProperty("before", b));
    return RpcResults.history(call("state_getHistory", p), limit);
  }

  @Override
  public TxStatus transaction(Hash txid) {
    JsonObject p = new JsonObject();
    p.addProperty("txid", txid.toHex());
    JsonElement r = call("chain_getTransaction", p);
    if (r == null || r.isJsonNull()) {
      throw new NodeException(Kind.NOT_FOUND, "the node does not know transaction " + txid.toHex(),
          Optional.of("not-found"), 0);
    }
    return RpcResults.txStatus(r);
  }

  @Override
  public Hash submit(Transaction tx) {
    JsonObject p = new JsonObject();
    p.addProperty("tx", Transfers.toHex(tx));
    Hash got = RpcResults.txid(call("tx_submit", p));
    if (!got.equals(tx.txid())) {
      throw new NodeException(Kind.BAD_RESPONSE, "the node reported txid " + got.toHex()
          + " but the submitted transaction's id is " + tx.txid().toHex());
    }
    return got;
  }

  /** One JSON-RPC call; the {@code result}, or a {@link NodeException}. */
  JsonElement call(String method, JsonObject params) {
    long id = ids.incrementAndGet();
    JsonObject req = RpcRequests.call(id, method, params);
    int status;
    String body;
    try {
      BlockingHttp.Response resp = BlockingHttp.post(endpoint.url(), req.toString(), endpoint.token(), timeout,
          MAX_RESPONSE_BYTES);
      status = resp.status();
      body = resp.text();
    } catch (BlockingHttp.TooLarge e) {
      throw new NodeException(Kind.BAD_RESPONSE, method + ": the node's response is larger than "
          + (MAX_RESPONSE_BYTES >> 20) + " MiB");
    } catch (ConnectException e) {
      throw new NodeException(Kind.UNREACHABLE, "cannot reach the node at " + endpoint.url() + ": connection refused"
          + " (is it running? choose another with --node URL or --testnet)");
    } catch (SocketTimeoutException e) {
      throw new NodeException(Kind.UNREACHABLE, "the node at " + endpoint.url() + " did not answer " + method
          + " within " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      throw new NodeException(Kind.UNREACHABLE, "cannot reach the node at " + endpoint.url() + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : RpcResults.sanitize(e.getMessage())));
    }
    if (status == 401 || status == 403) {
      throw new NodeException(Kind.UNAUTHORIZED, "the node at " + endpoint.url() + " refused the credentials (HTTP "
          + status + "); " + (endpoint.token().isPresent() ? "is the cookie from this node's data directory?"
              : "give its cookie with --rpc-cookie FILE or --datadir DIR"));
    }
    JsonObject resp;
    try {
      resp = StrictJson.object(StrictJson.parse(body, method + " response"), method + " response");
    } catch (JsonFormatException e) {
      throw new NodeException(Kind.BAD_RESPONSE, "malformed response from the node: "
          + (status == 200 ? "" : "HTTP " + status + ", ") + RpcResults.sanitize(e.getMessage()));
    }
    return RpcResults.unwrap(resp, method, id);
  }
}
