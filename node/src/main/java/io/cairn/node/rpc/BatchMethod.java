package io.cairn.node.rpc;

import com.google.gson.JsonElement;
import java.util.List;
import java.util.Objects;

/**
 * A method whose calls the node can serve together: the {@link Dispatcher} hands consecutive calls
 * of it in one JSON-RPC batch to {@link #callAll} at once (tx_submit: one mempool admission for the
 * whole batch instead of one per call). A single call is a batch of one, so both take one path.
 */
interface BatchMethod extends RpcMethod {

  /**
   * Runs the calls in order and answers each: same results and errors as {@link #call} one by one.
   * Runs on an RPC worker thread.
   */
  List<Reply> callAll(List<Params> calls);

  @Override
  default JsonElement call(Params params) throws RpcException {
    Reply r = callAll(List.of(params)).get(0);
    if (r.error() != null) {
      throw r.error();
    }
    return r.result();
  }

  /** The answer to one call: a result (JSON null allowed) or an error. */
  record Reply(JsonElement result, RpcException error) {
    public Reply {
      if ((result == null) == (error == null)) {
        throw new IllegalArgumentException("exactly one of result and error must be set");
      }
    }

    static Reply ok(JsonElement result) {
      return new Reply(Objects.requireNonNull(result, "result"), null);
    }

    static Reply failed(RpcException error) {
      return new Reply(null, Objects.requireNonNull(error, "error"));
    }
  }
}
