package io.cairn.node.rpc;

import com.google.gson.JsonElement;
import io.cairn.common.crypto.Hash;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.node.rpc.NodeQueries.TxInfo;
import java.util.List;

/** {@code chain_getTransaction {txid}}: status (pending or confirmed), block, confirmations and fields. */
final class ChainGetTransactionMethod implements RpcMethod {
  private final NodeQueries queries;
  private final String prefix;

  ChainGetTransactionMethod(NodeQueries queries, String prefix) {
    this.queries = queries;
    this.prefix = prefix;
  }

  @Override
  public String name() {
    return "chain_getTransaction";
  }

  @Override
  public List<String> paramNames() {
    return List.of("txid");
  }

  @Override
  public JsonElement call(Params params) throws RpcException {
    Hash txid = params.hash("txid");
    TxInfo info = queries.transaction(txid).orElseThrow(() -> RpcException.of(
        Rejected.of(Reason.NOT_FOUND, "no transaction " + txid.toHex() + " in the mempool or the main chain")));
    return Dto.located(info, prefix);
  }
}
