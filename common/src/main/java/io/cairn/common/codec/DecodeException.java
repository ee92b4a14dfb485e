package io.cairn.common.codec;

/**
 * Input bytes do not follow the canonical encoding. The message says what was expected, where, and
 * what was found. Boundaries (peers, RPC, CLI) turn it into a {@code malformed} rejection.
 */
public final class DecodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DecodeException(String message) {
    super(message);
  }
}
