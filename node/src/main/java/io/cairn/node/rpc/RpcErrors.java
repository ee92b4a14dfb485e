package io.cairn.node.rpc;

import io.cairn.common.reason.Reason;

/** JSON-RPC error codes: the standard ones and Cairn's application codes (documented in docs/rpc.md). */
final class RpcErrors {
  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  static final int METHOD_NOT_FOUND = -32601;
  static final int INVALID_PARAMS = -32602;
  static final int INTERNAL_ERROR = -32603;

  /** The node refused the command (a transaction, a peer...); {@code data.reason} says why. */
  static final int REJECTED = -32000;
  /** No such block, transaction or peer. */
  static final int NOT_FOUND = -32001;
  /** Every RPC worker is busy; retry later. */
  static final int BUSY = -32002;
  /** The cookie token is missing or wrong. */
  static final int UNAUTHORIZED = -32003;
  /** Not allowed on this network or by this node's configuration (e.g. miner_mine off a dev network). */
  static final int NOT_ALLOWED = -32004;

  private RpcErrors() {}

  /** The application error code for a refusal. */
  static int codeFor(Reason reason) {
    switch (reason) {
      case NOT_FOUND:
        return NOT_FOUND;
      case BUSY:
        return BUSY;
      case UNAUTHORIZED:
        return UNAUTHORIZED;
      case NOT_ALLOWED:
        return NOT_ALLOWED;
      case MALFORMED:
      case BAD_ADDRESS:
      case BAD_AMOUNT:
      case BAD_VERSION:
        return INVALID_PARAMS;
      default:
        return REJECTED;
    }
  }
}
