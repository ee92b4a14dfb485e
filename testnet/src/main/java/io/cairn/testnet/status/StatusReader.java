package io.cairn.testnet.status;

import com.google.gson.JsonObject;
import io.cairn.testnet.launcher.NodeRpc;
import io.cairn.testnet.launcher.Testnet;
import io.cairn.testnet.launcher.TestnetFile.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads every node's status over JSON-RPC ({@code chain_info}; the tip block's timestamp through
 * {@code chain_getBlock}, remembered per tip hash so that a refresh costs one call per node).
 */
public final class StatusReader {
  private final Testnet testnet;
  private final Map<String, Long> blockTimes = new ConcurrentHashMap<>();

  public StatusReader(Testnet testnet) {
    this.testnet = testnet;
  }

  public List<NodeStatus> read() {
    List<NodeStatus> out = new ArrayList<>();
    for (Node n : testnet.nodes()) {
      out.add(read(n));
    }
    return out;
  }

  NodeStatus read(Node n) {
    String p2p = "127.0.0.1:" + n.p2pPort();
    String log = testnet.layout().logFile(n.name()).toString();
    if (!testnet.running(n)) {
      return new NodeStatus(n.name(), n.miner(), 0, p2p, n.rpcUrl(), log, false, 0, Optional.empty(), 0, 0,
          OptionalLong.empty(), Optional.of("not running"));
    }
    NodeRpc rpc = testnet.rpc(n);
    try {
      JsonObject info = rpc.object("chain_info");
      String tip = info.get("tipHash").getAsString();
      long height = info.get("height").getAsLong();
      OptionalLong ts = OptionalLong.empty();
      Long known = blockTimes.get(tip);
      if (known == null) {
        JsonObject p = new JsonObject();
        p.addProperty("hash", tip);
        try {
          known = rpc.object("chain_getBlock", p).get("timestamp").getAsLong();
          if (blockTimes.size() > 10_000) {
            blockTimes.clear();
          }
          blockTimes.put(tip, known);
        } catch (NodeRpc.RpcException e) {
          known = null;
        }
      }
      if (known != null) {
        ts = OptionalLong.of(known);
      }
      return new NodeStatus(n.name(), n.miner(), n.pid(), p2p, n.rpcUrl(), log, true, height, Optional.of(tip),
          intOf(info, "peers"), intOf(info, "mempoolSize"), ts, Optional.empty());
    } catch (RuntimeException e) { // unreachable, refused, or an answer without the expected fields
      return new NodeStatus(n.name(), n.miner(), n.pid(), p2p, n.rpcUrl(), log, false, 0, Optional.empty(), 0, 0,
          OptionalLong.empty(), Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }

  private static int intOf(JsonObject o, String key) {
    return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsInt() : 0;
  }
}
