package io.cairn.node.rpc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.cairn.common.codec.DecodeException;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.node.rpc.NodeCommands.Outcome;
import java.util.List;

/** {@code tx_submit {tx}}: a hex-encoded signed transaction to the mempool; returns its txid. */
final class TxSubmitMethod implements RpcMethod {
  private final NodeCommands commands;

  TxSubmitMethod(NodeCommands commands) {
    this.commands = commands;
  }

  @Override
  public String name() {
    return "tx_submit";
  }

  @Override
  public List<String> paramNames() {
    return List.of("tx");
  }

  @Override
  public JsonElement call(Params params) throws RpcException {
    if (params.string("tx").length() > 2 * Transaction.MAX_ENCODED_LENGTH + 2) {
      throw RpcException.invalidParams(Reason.MALFORMED,
          "'tx' is longer than the largest transaction (" + Transaction.MAX_ENCODED_LENGTH + " bytes)");
    }
    Transaction tx;
    try {
      tx = Transaction.decode(params.hex("tx"));
    } catch (DecodeException | IllegalArgumentException e) {
      throw RpcException.invalidParams(Reason.MALFORMED, "'tx' is not a signed transaction: " + e.getMessage());
    }
    Outcome<Hash> outcome = commands.submitTransaction(tx);
    if (!outcome.isOk()) {
      throw RpcException.of(outcome.rejected());
    }
    JsonObject o = new JsonObject();
    o.addProperty("txid", outcome.value().toHex());
    return o;
  }
}
