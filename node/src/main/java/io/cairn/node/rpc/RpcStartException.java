package io.cairn.node.rpc;

/** The RPC server could not start (port taken, unsafe bind without auth, cookie not writable). */
public final class RpcStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RpcStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
