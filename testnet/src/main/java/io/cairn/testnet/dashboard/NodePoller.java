package io.cairn.testnet.dashboard;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.testnet.launcher.CookieToken;
import io.cairn.wallet.client.BlockingHttp;
import io.cairn.wallet.client.RpcRequests;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Polls one node's JSON-RPC with the token from its cookie file (re-read whenever the node refuses
 * it, since a restarted node writes a new one) and reports to the {@link DashboardModel}: every poll
 * {@code chain_info}; on a new tip the tip block and up to {@link #BACKFILL} ancestors this node was
 * not yet seen with (blocks that arrived between two polls get the same first-seen time: the
 * timeline's resolution is the poll interval); every {@link #SLOW_EVERY}th poll also {@code net_info}
 * and {@code net_peers}.
 */
final class NodePoller {
  static final int BACKFILL = 10;
  static final int SLOW_EVERY = 5;
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  /** The largest answer read (a batch of a few calls and one block). */
  private static final int MAX_BODY = 16 << 20;

  private final String name;
  private final URI url;
  private final Object lock;
  private final DashboardModel model;
  private final LongSupplier clock;
  private final CookieToken token;
  private String nodeId;
  private String lastTip;
  private long polls;

  NodePoller(String name, URI url, Path cookieFile, Object lock, DashboardModel model, LongSupplier clock) {
    this.name = name;
    this.url = url;
    this.token = new CookieToken(cookieFile);
    this.lock = lock;
    this.model = model;
    this.clock = clock;
  }

  URI url() {
    return url;
  }

  /** One round; failures become a "down" status with the reason, never an exception. */
  void poll() {
    try {
      pollOnce();
    } catch (IOException | RuntimeException e) {
      nodeId = null;
      lastTip = null;
      String why = e instanceof NoSuchFileException ? "no cookie file " + token.file() + " (not running?)"
          : e instanceof ConnectException ? "not answering at " + url
          : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      synchronized (lock) {
        model.status(name, DashboardModel.Status.down(why), clock.getAsLong());
      }
    }
  }

  private void pollOnce() throws IOException {
    boolean slow = polls++ % SLOW_EVERY == 0 || nodeId == null;
    JsonArray calls = new JsonArray();
    calls.add(RpcRequests.call(0, "chain_info", null));
    if (slow) {
      calls.add(RpcRequests.call(1, "net_info", null));
      calls.add(RpcRequests.call(2, "net_peers", null));
    }
    JsonElement[] results = send(calls);
    long now = clock.getAsLong();
    JsonObject info = results[0].getAsJsonObject();
    List<DashboardModel.Peer> peers = null;
    if (slow) {
      nodeId = results[1].getAsJsonObject().get("nodeId").getAsString();
      peers = new ArrayList<>();
      for (JsonElement p : results[2].getAsJsonArray()) {
        JsonObject o = p.getAsJsonObject();
        peers.add(new DashboardModel.Peer(o.get("nodeId").getAsString(), o.get("direction").getAsString()));
      }
    }
    String tip = info.get("tipHash").getAsString();
    long height = info.get("height").getAsLong();
    boolean first = lastTip == null;
    synchronized (lock) {
      model.status(name, new DashboardModel.Status(true, null, height, tip, info.get("peers").getAsInt(),
          info.get("mempoolSize").getAsInt(), info.get("syncing").getAsBoolean(), nodeId), now);
      if (peers != null) {
        model.peers(name, peers);
      }
      if (first) {
        model.seen(name, tip, height, now);
      }
    }
    if (!first && !tip.equals(lastTip)) {
      backfill(tip, height, now);
    }
    lastTip = tip;
  }

  /** Marks the new tip and the ancestors this node was not yet seen with as first seen now. */
  private void backfill(String tip, long height, long now) throws IOException {
    String hash = tip;
    long h = height;
    for (int i = 0; i <= BACKFILL && h >= 0; i++) {
      synchronized (lock) {
        if (model.hasSeen(name, hash)) {
          return;
        }
        model.seen(name, hash, h, now);
      }
      if (i == BACKFILL || h == 0) {
        return;
      }
      JsonArray calls = new JsonArray();
      JsonObject params = new JsonObject();
      params.addProperty("hash", hash);
      calls.add(RpcRequests.call(0, "chain_getBlock", params));
      JsonObject block = send(calls)[0].getAsJsonObject();
      hash = block.get("prevHash").getAsString();
      h = block.get("height").getAsLong() - 1;
    }
  }

  /** Sends a batch; returns the results by id, or throws with the node's error. */
  private JsonElement[] send(JsonArray calls) throws IOException {
    BlockingHttp.Response r = post(calls.toString());
    if (r.status() == 401) {
      token.forget();
      r = post(calls.toString());
    }
    if (r.status() != 200) {
      throw new IOException("HTTP " + r.status() + " from " + url);
    }
    JsonElement[] out = new JsonElement[calls.size()];
    for (JsonElement e : JsonParser.parseString(r.text()).getAsJsonArray()) {
      JsonObject o = e.getAsJsonObject();
      int id = o.get("id").getAsInt();
      if (o.has("error")) {
        throw new IOException("RPC error from " + url + ": " + o.get("error"));
      }
      out[id] = o.get("result");
    }
    return out;
  }

  private BlockingHttp.Response post(String body) throws IOException {
    String t = token.get().orElseThrow(() -> new NoSuchFileException(token.file().toString()));
    return BlockingHttp.post(url, body, Optional.of(t), TIMEOUT, MAX_BODY);
  }
}
