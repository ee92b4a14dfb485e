package io.cairn.node.rpc;

import com.google.gson.JsonObject;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;

/**
 * A JSON-RPC error to send back: a code from {@link RpcErrors}, a message for people, and for
 * application errors the rejection reason, sent as {@code data: {"reason": code, "detail": text}}.
 */
final class RpcException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int code;
  private final transient Rejected rejected;

  RpcException(int code, String message) {
    this(code, message, null);
  }

  RpcException(int code, String message, Rejected rejected) {
    super(message, null, false, false);
    this.code = code;
    this.rejected = rejected;
  }

  static RpcException invalidParams(String message) {
    return new RpcException(RpcErrors.INVALID_PARAMS, "Invalid params: " + message);
  }

  static RpcException invalidParams(Reason reason, String message) {
    return new RpcException(RpcErrors.INVALID_PARAMS, "Invalid params: " + message, Rejected.of(reason, message));
  }

  /** The error for a refusal, its code chosen by {@link RpcErrors#codeFor(Reason)}. */
  static RpcException of(Rejected rejected) {
    return new RpcException(RpcErrors.codeFor(rejected.reason()), rejected.toString(), rejected);
  }

  int code() {
    return code;
  }

  /** The {@code error} member of a response. */
  JsonObject toJson() {
    JsonObject error = new JsonObject();
    error.addProperty("code", code);
    error.addProperty("message", getMessage());
    if (rejected != null) {
      JsonObject data = new JsonObject();
      data.addProperty("reason", rejected.reason().code());
      data.addProperty("detail", rejected.detail());
      error.add("data", data);
    }
    return error;
  }
}
