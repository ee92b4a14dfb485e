package io.cairn.node.store;

/** An I/O failure or corrupt data in the chain store: the one unchecked store exception. */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
