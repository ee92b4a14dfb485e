package io.cairn.node.store;

/**
 * One atomic change to the store: typed puts and deletes collected in one write batch and applied by
 * {@link #commit}. Unusable after commit or close; the native batch is released exactly once. Use
 * in try-with-resources: closing without commit discards the writes.
 */
public final class StoreUpdate implements AutoCloseable {
  private final KvStore.Batch batch;
  private boolean done;

  StoreUpdate(KvStore.Batch batch) {
    this.batch = batch;
  }

  private void check() {
    if (done) {
      throw new IllegalStateException("update already committed or closed");
    }
  }

  public <K, V> StoreUpdate put(Column<K, V> column, K key, V value) {
    check();
    batch.put(column.id(), column.keys().encode(key), column.values().encode(value));
    return this;
  }

  public <K> StoreUpdate delete(Column<K, ?> column, K key) {
    check();
    batch.delete(column.id(), column.keys().encode(key));
    return this;
  }

  public <T> StoreUpdate put(Single<T> single, T value) {
    check();
    batch.put(Schema.META.id(), single.keyBytes(), single.codec().encode(value));
    return this;
  }

  /**
   * Applies every write or none. With {@code sync} the writes are on stable storage (fsync of the
   * write-ahead log) before this returns: used for every block connect and disconnect.
   */
  public void commit(boolean sync) {
    check();
    done = true;
    try {
      batch.commit(sync);
    } finally {
      batch.close();
    }
  }

  @Override
  public void close() {
    if (!done) {
      done = true;
      batch.close();
    }
  }
}
