package io.cairn.node.store;

/** The data directory holds another chain (different genesis or spec), or a newer schema. */
public final class ChainSpecMismatchException extends StoreException {
  private static final long serialVersionUID = 1L;

  public ChainSpecMismatchException(String message) {
    super(message);
  }
}
