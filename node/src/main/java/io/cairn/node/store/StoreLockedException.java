package io.cairn.node.store;

import java.nio.file.Path;

/** The data directory is already open in this or another process. */
public final class StoreLockedException extends StoreException {
  private static final long serialVersionUID = 1L;

  public StoreLockedException(Path dir, Throwable cause) {
    super("data directory " + dir + " is in use by another process (or already open in this one)", cause);
  }
}
