package io.cairn.wallet.cli;

import java.util.Optional;

/** A failure the CLI reports with a message and an exit code. */
final class WalletException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final int OK = 0;
  /** Cancelled by the user, timed out waiting, I/O error, or anything unexpected. */
  static final int FAILED = 1;
  /** Bad input: invalid address, amount, phrase, wallet name, unknown wallet, malformed keystore. */
  static final int BAD_INPUT = 2;
  /** Node unreachable, credentials refused, or its answer malformed. */
  static final int NODE = 3;
  /** Transaction rejected (by the node, or locally for the same reason the node would). */
  static final int REJECTED = 4;
  static final int WRONG_PASSWORD = 5;

  private final int exitCode;
  private final transient Optional<String> reason;

  WalletException(int exitCode, String message) {
    this(exitCode, message, Optional.empty());
  }

  WalletException(int exitCode, String message, Optional<String> reason) {
    super(message);
    this.exitCode = exitCode;
    this.reason = reason;
  }

  int exitCode() {
    return exitCode;
  }

  Optional<String> reason() {
    return reason;
  }
}
