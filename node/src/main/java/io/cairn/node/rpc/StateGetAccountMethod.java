package io.cairn.node.rpc;

import com.google.gson.JsonElement;
import io.cairn.common.address.Address;
import io.cairn.node.rpc.NodeQueries.AccountInfo;
import java.util.List;

/** {@code state_getAccount {address}}: confirmed balance and nonce, and the next nonce with pending ones. */
final class StateGetAccountMethod implements RpcMethod {
  private final NodeQueries queries;
  private final String prefix;

  StateGetAccountMethod(NodeQueries queries, String prefix) {
    this.queries = queries;
    this.prefix = prefix;
  }

  record Result(String address, String balance, long nonce, long pendingNonce) {}

  @Override
  public String name() {
    return "state_getAccount";
  }

  @Override
  public List<String> paramNames() {
    return List.of("address");
  }

  @Override
  public JsonElement call(Params params) throws RpcException {
    Address address = params.address("address");
    AccountInfo a = queries.account(address);
    return Dto.tree(new Result(address.encode(prefix), Long.toString(a.balance().units()), a.nonce(), a.pendingNonce()));
  }
}
