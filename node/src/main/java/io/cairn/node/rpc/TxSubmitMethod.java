package io.cairn.node.rpc;

import com.google.gson.JsonObject;
import io.cairn.common.codec.DecodeException;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.node.rpc.NodeCommands.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tx_submit {tx}}: a hex-encoded signed transaction to the mempool; returns its txid. The
 * calls of one JSON-RPC batch reach the node together as one {@link NodeCommands#submitTransactions}
 * (signatures verified in parallel, one admission in order).
 */
final class TxSubmitMethod implements BatchMethod {
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
  public List<Reply> callAll(List<Params> calls) {
    Reply[] replies = new Reply[calls.size()];
    List<Transaction> txs = new ArrayList<>(calls.size());
    List<Integer> at = new ArrayList<>(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      try {
        txs.add(decode(calls.get(i)));
        at.add(i);
      } catch (RpcException e) {
        replies[i] = Reply.failed(e);
      }
    }
    List<Outcome<Hash>> outcomes = txs.isEmpty() ? List.of() : commands.submitTransactions(txs);
    if (outcomes.size() != txs.size()) {
      throw new IllegalStateException(outcomes.size() + " outcomes for " + txs.size() + " transactions");
    }
    for (int k = 0; k < outcomes.size(); k++) {
      Outcome<Hash> outcome = outcomes.get(k);
      if (outcome.isOk()) {
        JsonObject o = new JsonObject();
        o.addProperty("txid", outcome.value().toHex());
        replies[at.get(k)] = Reply.ok(o);
      } else {
        replies[at.get(k)] = Reply.failed(RpcException.of(outcome.rejected()));
      }
    }
    return List.of(replies);
  }

  private static Transaction decode(Params params) throws RpcException {
    if (params.string("tx").length() > 2 * Transaction.MAX_ENCODED_LENGTH + 2) {
      throw RpcException.invalidParams(Reason.MALFORMED,
          "'tx' is longer than the largest transaction (" + Transaction.MAX_ENCODED_LENGTH + " bytes)");
    }
    try {
      return Transaction.decode(params.hex("tx"));
    } catch (DecodeException | IllegalArgumentException e) {
      throw RpcException.invalidParams(Reason.MALFORMED, "'tx' is not a signed transaction: " + e.getMessage());
    }
  }
}
