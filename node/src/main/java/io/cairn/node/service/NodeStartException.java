package io.cairn.node.service;

/**
 * The node cannot start; the message is one line for the user and {@link #exitCode()} is what the
 * process should exit with: {@link #CONFIG} (2) for bad options, config file, chain spec or miner
 * address; {@link #RUNTIME} (1) for everything the environment refused (port in use, data directory
 * locked, I/O failure).
 */
public final class NodeStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  public static final int RUNTIME = 1;
  public static final int CONFIG = 2;

  private final int exitCode;

  private NodeStartException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public static NodeStartException config(String message) {
    return new NodeStartException(CONFIG, message, null);
  }

  public static NodeStartException config(String message, Throwable cause) {
    return new NodeStartException(CONFIG, message, cause);
  }

  public static NodeStartException runtime(String message, Throwable cause) {
    return new NodeStartException(RUNTIME, message, cause);
  }

  public int exitCode() {
    return exitCode;
  }
}
