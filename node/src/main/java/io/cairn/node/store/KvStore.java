package io.cairn.node.store;

/**
 * The ordered key-value store under {@link ChainStore}: column families of byte keys and values
 * compared as unsigned bytes. Implemented by RocksDB ({@link RocksKvStore}) and, for pure tests, by
 * memory ({@link MemoryKvStore}); the contract test runs the same cases against both.
 */
interface KvStore extends AutoCloseable {
  /** The value, or null. */
  byte[] get(int column, byte[] key);

  /**
   * Visits the entries whose keys start with {@code prefix}, in ascending or descending key order,
   * until the visitor returns false. With {@code startBefore} (descending) or {@code startAfter}
   * (ascending) non-null, the scan begins strictly past that key.
   */
  void scan(int column, byte[] prefix, byte[] startPast, boolean descending, Visitor visitor);

  /** A new batch of writes, applied atomically by {@link Batch#commit}. */
  Batch batch();

  @Override
  void close();

  @FunctionalInterface
  interface Visitor {
    boolean visit(byte[] key, byte[] value);
  }

  /** Atomic group of writes; single use. */
  interface Batch extends AutoCloseable {
    void put(int column, byte[] key, byte[] value);

    void delete(int column, byte[] key);

    /** Applies every write or none; with {@code sync} it is on stable storage before returning. */
    void commit(boolean sync);

    @Override
    void close();
  }

  /** True when {@code key} starts with {@code prefix}. */
  static boolean startsWith(byte[] key, byte[] prefix) {
    if (key.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (key[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The smallest key greater than every key with this prefix, or null if there is none. */
  static byte[] successor(byte[] prefix) {
    byte[] s = prefix.clone();
    for (int i = s.length - 1; i >= 0; i--) {
      if (s[i] != (byte) 0xff) {
        s[i]++;
        return java.util.Arrays.copyOf(s, i + 1);
      }
    }
    return null;
  }
}
