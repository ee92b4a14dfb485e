package io.cairn.node.rpc;

import com.google.gson.JsonElement;
import io.cairn.node.rpc.NodeQueries.ChainInfo;
import java.util.List;

/** {@code chain_info}: the network and its tip, and the facts a wallet needs to build transactions. */
final class ChainInfoMethod implements RpcMethod {
  private final NodeQueries queries;

  ChainInfoMethod(NodeQueries queries) {
    this.queries = queries;
  }

  record Result(
      String network,
      String genesisHash,
      long height,
      String tipHash,
      String totalWork,
      boolean syncing,
      int peers,
      int mempoolSize,
      String minFee,
      String addressPrefix,
      long targetBlockTimeMs,
      boolean dev,
      long tipSinceMs) {}

  @Override
  public String name() {
    return "chain_info";
  }

  @Override
  public List<String> paramNames() {
    return List.of();
  }

  @Override
  public JsonElement call(Params params) {
    ChainInfo c = queries.chainInfo();
    return Dto.tree(new Result(c.network(), c.genesisHash().toHex(), c.height(), c.tipHash().toHex(),
        c.totalWork().toString(), c.syncing(), c.peers(), c.mempoolSize(), Long.toString(c.minFee().units()),
        c.addressPrefix(), c.targetBlockTimeMs(), c.dev(), c.tipSinceMs()));
  }
}
