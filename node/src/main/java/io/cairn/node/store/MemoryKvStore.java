package io.cairn.node.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** In-memory {@link KvStore} for pure tests and the store contract test. Batches apply atomically. */
public final class MemoryKvStore implements KvStore {
  private final Map<Integer, NavigableMap<byte[], byte[]>> columns = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile boolean closed;

  private NavigableMap<byte[], byte[]> column(int id) {
    if (closed) {
      throw new IllegalStateException("store is closed");
    }
    return columns.computeIfAbsent(id, k -> new ConcurrentSkipListMap<>(Arrays::compareUnsigned));
  }

  @Override
  public byte[] get(int column, byte[] key) {
    byte[] v = column(column).get(key);
    return v == null ? null : v.clone();
  }

  @Override
  public void scan(int column, byte[] prefix, byte[] startPast, boolean descending, Visitor visitor) {
    NavigableMap<byte[], byte[]> map = column(column);
    NavigableMap<byte[], byte[]> view;
    if (descending) {
      byte[] upper = KvStore.successor(prefix);
      NavigableMap<byte[], byte[]> tail = map.tailMap(prefix, true);
      view = upper == null ? tail : tail.headMap(upper, false);
      if (startPast != null) {
        view = view.headMap(startPast, false);
      }
      view = view.descendingMap();
    } else {
      view = map.tailMap(startPast != null ? startPast : prefix, startPast == null);
    }
    Iterator<Map.Entry<byte[], byte[]>> it = view.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<byte[], byte[]> e = it.next();
      if (!KvStore.startsWith(e.getKey(), prefix)) {
        if (descending) {
          continue;
        }
        if (Arrays.compareUnsigned(e.getKey(), prefix) > 0) {
          return;
        }
        continue;
      }
      if (!visitor.visit(e.getKey().clone(), e.getValue().clone())) {
        return;
      }
    }
  }

  @Override
  public Batch batch() {
    return new MemoryBatch();
  }

  @Override
  public void close() {
    closed = true;
  }

  private final class MemoryBatch implements Batch {
    private record Op(int column, byte[] key, byte[] value) {}

    private final List<Op> ops = new ArrayList<>();
    private boolean done;

    private void check() {
      if (done) {
        throw new IllegalStateException("batch already committed or closed");
      }
    }

    @Override
    public void put(int column, byte[] key, byte[] value) {
      check();
      ops.add(new Op(column, key.clone(), value.clone()));
    }

    @Override
    public void delete(int column, byte[] key) {
      check();
      ops.add(new Op(column, key.clone(), null));
    }

    @Override
    public void commit(boolean sync) {
      check();
      done = true;
      synchronized (MemoryKvStore.this) {
        for (Op op : ops) {
          if (op.value == null) {
            column(op.column).remove(op.key);
          } else {
            column(op.column).put(op.key, op.value);
          }
        }
      }
    }

    @Override
    public void close() {
      done = true;
    }
  }
}
