package io.cairn.node.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * {@link KvStore} on RocksDB: one column family per {@link Column} id, named by that id's byte.
 * RocksDB's LOCK file makes a second opener (another process, or this one) fail; that failure is
 * reported as {@link StoreLockedException}. Every native handle is closed exactly once, by
 * {@link #close()} or by the batch that owns it.
 */
final class RocksKvStore implements KvStore {
  static {
    NativeRocks.load();
  }

  private final Path dir;
  private final RocksProfile profile;
  private final RocksDB db;
  private final List<ColumnFamilyHandle> handles;
  private final Map<Integer, ColumnFamilyHandle> byId = new HashMap<>();
  private final WriteOptions syncWrite;
  private final WriteOptions asyncWrite;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RocksKvStore(Path dir, RocksProfile profile, RocksDB db, List<ColumnFamilyHandle> handles,
      List<Integer> ids) {
    this.dir = dir;
    this.profile = profile;
    this.db = db;
    this.handles = handles;
    for (int i = 0; i < ids.size(); i++) {
      byId.put(ids.get(i), handles.get(i + 1));
    }
    this.syncWrite = new WriteOptions().setSync(true);
    this.asyncWrite = new WriteOptions();
  }

  /** Opens or creates the database in {@code dir} with a family for each column id. */
  static RocksKvStore open(Path dir, List<Integer> columnIds) {
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot create data directory " + dir + ": " + e.getMessage(), e);
    }
    RocksProfile profile = new RocksProfile();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, profile.column(0)));
    for (int id : columnIds) {
      descriptors.add(new ColumnFamilyDescriptor(new byte[] {(byte) id}, profile.column(id)));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      RocksDB db = RocksDB.open(profile.db, dir.toString(), descriptors, handles);
      return new RocksKvStore(dir, profile, db, handles, columnIds);
    } catch (RocksDBException e) {
      for (ColumnFamilyHandle h : handles) {
        h.close();
      }
      profile.close();
      if (isLockError(e)) {
        throw new StoreLockedException(dir, e);
      }
      throw new StoreException("cannot open chain store in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static boolean isLockError(RocksDBException e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return m.contains("lock");
  }

  private ColumnFamilyHandle handle(int column) {
    if (closed.get()) {
      throw new IllegalStateException("chain store " + dir + " is closed");
    }
    ColumnFamilyHandle h = byId.get(column);
    if (h == null) {
      throw new IllegalArgumentException("unknown column id " + column);
    }
    return h;
  }

  @Override
  public byte[] get(int column, byte[] key) {
    try {
      return db.get(handle(column), key);
    } catch (RocksDBException e) {
      throw new StoreException("read failed in " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void scan(int column, byte[] prefix, byte[] startPast, boolean descending, Visitor visitor) {
    try (RocksIterator it = db.newIterator(handle(column))) {
      if (descending) {
        byte[] target = startPast != null ? startPast : KvStore.successor(prefix);
        if (target == null) {
          it.seekToLast();
        } else {
          it.seekForPrev(target);
          if (it.isValid() && java.util.Arrays.equals(it.key(), target)) {
            it.prev();
          }
        }
      } else {
        it.seek(startPast != null ? startPast : prefix);
        if (startPast != null && it.isValid() && java.util.Arrays.equals(it.key(), startPast)) {
          it.next();
        }
      }
      while (it.isValid()) {
        byte[] key = it.key();
        if (!KvStore.startsWith(key, prefix)) {
          return;
        }
        if (!visitor.visit(key, it.value())) {
          return;
        }
        if (descending) {
          it.prev();
        } else {
          it.next();
        }
      }
      try {
        it.status();
      } catch (RocksDBException e) {
        throw new StoreException("scan failed in " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public Batch batch() {
    if (closed.get()) {
      throw new IllegalStateException("chain store " + dir + " is closed");
    }
    return new RocksBatch();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try (FlushOptions wait = new FlushOptions().setWaitForFlush(true)) {
      // Memtables to compressed SST files, so a stopped node's directory holds no write-ahead log
      // (uncompressed, and replayed at the next start). Every block commit was synced already: if
      // this fails, nothing is lost.
      db.flush(wait, handles);
    } catch (RocksDBException e) {
      try {
        db.syncWal();
      } catch (RocksDBException again) {
        // as above
      }
    }
    for (ColumnFamilyHandle h : handles) {
      h.close();
    }
    db.close();
    syncWrite.close();
    asyncWrite.close();
    profile.close();
  }

  private final class RocksBatch implements Batch {
    private final WriteBatch batch = new WriteBatch();
    private boolean done;

    private void check() {
      if (done) {
        throw new IllegalStateException("batch already committed or closed");
      }
    }

    @Override
    public void put(int column, byte[] key, byte[] value) {
      check();
      try {
        batch.put(handle(column), key, value);
      } catch (RocksDBException e) {
        throw new StoreException("batch put failed: " + e.getMessage(), e);
      }
    }

    @Override
    public void delete(int column, byte[] key) {
      check();
      try {
        batch.delete(handle(column), key);
      } catch (RocksDBException e) {
        throw new StoreException("batch delete failed: " + e.getMessage(), e);
      }
    }

    @Override
    public void commit(boolean sync) {
      check();
      try {
        db.write(sync ? syncWrite : asyncWrite, batch);
      } catch (RocksDBException e) {
        throw new StoreException("write failed in " + dir + ": " + e.getMessage(), e);
      } finally {
        close();
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
}
