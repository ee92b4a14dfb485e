package io.cairn.node.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Logger;
import org.rocksdb.WriteBufferManager;
import org.slf4j.LoggerFactory;

/**
 * The RocksDB options of the chain store, sized for a small node (the issue-8 goals: a node's peak
 * RSS under 116 MiB while it syncs, its data directory under 400 bytes per transaction). Owns every
 * native options object it makes; {@link #close()} frees them after the database is closed.
 *
 * <ul>
 *   <li>Memory: all memtables share one {@value #MEMTABLE_BUDGET}-byte budget (a
 *       {@link WriteBufferManager}; RocksDB's default is 64 MiB per column family, two of them), each
 *       at most {@value #MEMTABLE_BYTES} bytes; all columns share one {@value #BLOCK_CACHE}-byte block
 *       cache (the default is 32 MiB per table factory). The WAL is bounded at
 *       {@value #MAX_WAL_BYTES} bytes: past it the columns holding the oldest log are flushed, so a
 *       rarely written column does not pin old logs.
 *   <li>Disk: the bulk columns (bodies, undo, tx index, history) are ZSTD-compressed in 32 KiB blocks
 *       (a tx index block then holds each block hash it refers to about once); the small hot ones
 *       (headers, accounts, ...) LZ4 in 4 KiB blocks. Point-lookup columns get Bloom filters, so a
 *       lookup of an unknown txid or a new account usually reads no block. RocksDB's info log goes
 *       through SLF4J at WARN and above (its option dump and periodic statistics are dropped), so the
 *       directory holds no LOG files.
 * </ul>
 */
final class RocksProfile implements AutoCloseable {
  /**
   * Memtable budget and sizes, block cache: halved from 16 MiB / 4 MiB / 8 MiB (issue 8, RSS work):
   * the syncing node's peak RSS in W4 (200 blocks x 500 transfers) fell about 8 MiB at the same CPU
   * time per transaction; 4 MiB / 1 MiB / 2 MiB saved about 3 MiB more but flushes tiny tables.
   */
  static final long MEMTABLE_BUDGET = 8L << 20;
  static final long MEMTABLE_BYTES = 2L << 20;
  static final long BLOCK_CACHE = 4L << 20;
  static final long MAX_WAL_BYTES = 32L << 20;
  private static final int BULK_BLOCK_BYTES = 32 << 10;
  private static final int ZSTD_LEVEL = 1;

  /** Columns written once per transaction or block and read rarely: compressed hard, large blocks. */
  private static final Set<Integer> BULK = Set.of(Schema.BODIES.id(), Schema.UNDO.id(), Schema.TX_INDEX.id(),
      Schema.HISTORY.id());
  /** Columns read by key where misses are common: Bloom filters. */
  private static final Set<Integer> LOOKUP = Set.of(Schema.TX_INDEX.id(), Schema.ACCOUNTS.id(),
      Schema.HEADERS.id());

  private final List<AutoCloseable> owned = new ArrayList<>();
  private final LRUCache cache;
  /** ZSTD level 1: on these columns as small as the default level 3, and cheaper to write. */
  private final CompressionOptions zstdLevel;
  final DBOptions db;

  RocksProfile() {
    cache = own(new LRUCache(BLOCK_CACHE));
    zstdLevel = own(new CompressionOptions()).setLevel(ZSTD_LEVEL);
    WriteBufferManager wbm = own(new WriteBufferManager(MEMTABLE_BUDGET, cache));
    db = own(new DBOptions())
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        .setMaxOpenFiles(256)
        .setWriteBufferManager(wbm)
        .setMaxTotalWalSize(MAX_WAL_BYTES)
        .setMaxBackgroundJobs(2)
        .setStatsDumpPeriodSec(0)
        .setStatsPersistPeriodSec(0)
        .setKeepLogFileNum(1)
        .setMaxManifestFileSize(4L << 20)
        .setLogger(own(new WarnLogger()));
  }

  /** The options of the column family with this id (the default family: {@code 0}). */
  ColumnFamilyOptions column(int id) {
    boolean bulk = BULK.contains(id);
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setBlockCache(cache)
        .setCacheIndexAndFilterBlocks(true)
        .setPinL0FilterAndIndexBlocksInCache(true)
        .setBlockSize(bulk ? BULK_BLOCK_BYTES : 4096);
    if (LOOKUP.contains(id)) {
      table.setFilterPolicy(own(new BloomFilter(10)));
    }
    ColumnFamilyOptions cf = own(new ColumnFamilyOptions())
        .setWriteBufferSize(MEMTABLE_BYTES)
        .setMaxWriteBufferNumber(2)
        .setTableFormatConfig(table);
    if (bulk) {
      return cf.setCompressionType(CompressionType.ZSTD_COMPRESSION)
          .setBottommostCompressionType(CompressionType.ZSTD_COMPRESSION)
          .setCompressionOptions(zstdLevel)
          .setBottommostCompressionOptions(zstdLevel);
    }
    return cf.setCompressionType(CompressionType.LZ4_COMPRESSION)
        .setBottommostCompressionType(CompressionType.LZ4_COMPRESSION);
  }

  private <T extends AutoCloseable> T own(T o) {
    owned.add(o);
    return o;
  }

  @Override
  public void close() {
    for (int i = owned.size() - 1; i >= 0; i--) {
      try {
        owned.get(i).close();
      } catch (Exception e) {
        throw new IllegalStateException("closing RocksDB options", e);
      }
    }
    owned.clear();
  }

  /** RocksDB's info log into SLF4J: warnings and errors only (no option dump, no statistics). */
  private static final class WarnLogger extends Logger {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("io.cairn.node.store.rocksdb");

    WarnLogger() {
      super(InfoLogLevel.WARN_LEVEL);
    }

    @Override
    protected void log(InfoLogLevel level, String message) {
      switch (level) {
        case WARN_LEVEL -> LOG.warn(message);
        case ERROR_LEVEL, FATAL_LEVEL -> LOG.error(message);
        default -> { } // the header (option dump) and anything below WARN
      }
    }
  }

  static {
    NativeRocks.load(); // before the first native options object
  }
}
