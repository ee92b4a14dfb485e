package io.cairn.wallet.client;

import java.util.Optional;

/**
 * A failed node call. {@link Kind} says whose fault and how the CLI reports it; for a JSON-RPC error
 * the node's reason code (from {@code error.data}) and message are kept.
 */
public final class NodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the call failed. */
  public enum Kind {
    /** Connection refused, timed out, DNS, TLS: no answer. */
    UNREACHABLE,
    /** HTTP 401/403 or the node's {@code unauthorized} reason. */
    UNAUTHORIZED,
    /** The node answered something that is not a well-formed response to the request. */
    BAD_RESPONSE,
    /** The node refused the request for a stated reason (e.g. {@code nonce-too-low}). */
    REJECTED,
    /** The node does not know the transaction, block or account asked for. */
    NOT_FOUND,
    /** Any other JSON-RPC error (method not found, invalid params, internal error). */
    ERROR
  }

  private final Kind kind;
  private final transient Optional<String> reasonCode;
  private final int rpcCode;

  public NodeException(Kind kind, String message) {
    this(kind, message, Optional.empty(), 0);
  }

  public NodeException(Kind kind, String message, Optional<String> reasonCode, int rpcCode) {
    super(message);
    this.kind = kind;
    this.reasonCode = reasonCode;
    this.rpcCode = rpcCode;
  }

  public Kind kind() {
    return kind;
  }

  /** The node's reason code, e.g. {@code nonce-too-low}, when it gave one. */
  public Optional<String> reasonCode() {
    return reasonCode;
  }

  /** The JSON-RPC error code, or 0 when the failure was not a JSON-RPC error. */
  public int rpcCode() {
    return rpcCode;
  }
}
