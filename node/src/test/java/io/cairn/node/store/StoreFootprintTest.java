package io.cairn.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.consensus.SignatureCheck;
import io.cairn.node.testing.BlockDraft;
import io.cairn.node.testing.ChainBuilder;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;

/**
 * A measuring harness, not a regular test (skipped unless {@code -Dcairn.footprint=true}): connects
 * a W4-like chain (blocks x transfers from distinct funded senders, sender {@code j mod S} with nonce
 * {@code j / S} paying the next sender) to a real RocksDB store, closes it as a stopping node does,
 * and prints the data directory's size per file kind and per column (live key and value bytes, SST
 * bytes). Run it with
 *
 * <pre>
 * mvn -B -q -o -pl node -am test -Dtest=StoreFootprintTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dcairn.footprint=true [-Dcairn.footprint.blocks=200 -Dcairn.footprint.perBlock=500 -Dcairn.footprint.senders=20000]
 * </pre>
 */
class StoreFootprintTest {
  @TempDir
  Path tmp;

  @Test
  void measure() throws Exception {
    assumeTrue(Boolean.getBoolean("cairn.footprint"), "measuring harness: -Dcairn.footprint=true");
    int blocks = Integer.getInteger("cairn.footprint.blocks", 200);
    int perBlock = Integer.getInteger("cairn.footprint.perBlock", 500);
    int senders = Integer.getInteger("cairn.footprint.senders", 20_000);
    ChainSpec spec = TestSpecs.withAllocations(senders, Amount.ofCrn(1_000));
    ChainBuilder chain = ChainBuilder.create(spec);
    Hash genesis = chain.genesisHash();
    List<TestKey> keys = IntStream.range(0, senders).parallel().mapToObj(TestKey::of).toList();
    List<Block> built = new ArrayList<>();
    Hash parent = genesis;
    for (int b = 0; b < blocks; b++) {
      BlockDraft d = chain.on(parent);
      int first = b * perBlock;
      var txs = IntStream.range(first, first + perBlock).parallel().mapToObj(j -> keys.get(j % senders)
          .transfer(genesis, keys.get((j % senders + 1) % senders).address(), Amount.ofUnits(100_000), spec.minFee(),
              j / senders)).toList();
      txs.forEach(d::tx);
      Block blk = d.mine();
      built.add(blk);
      parent = blk.hash();
    }
    Path dir = tmp.resolve("chain");
    // The store's own cost is the point: signatures are checked before (and not timed) unless
    // -Dcairn.footprint.sigs=direct puts the node's single-thread check into the connect loop.
    boolean direct = "direct".equals(System.getProperty("cairn.footprint.sigs"));
    if (!direct) {
      built.parallelStream().flatMap(blk -> blk.transactions().stream())
          .forEach(tx -> assertEquals(true, tx.verifySignature(genesis)));
    }
    SignatureCheck sigs = direct ? SignatureCheck.DIRECT : (tx, g) -> true;
    long t0 = System.nanoTime();
    long c0 = cpuNanos();
    long c1;
    long t1;
    try (ChainStore store = ChainStore.open(dir, spec)) {
      ChainEngine engine = ChainEngine.open(store, sigs);
      for (Block blk : built) {
        assertEquals(1, engine.acceptBlock(blk, blk.header().timestampMs() + 1_000).connected().size());
      }
      c1 = cpuNanos();
      t1 = System.nanoTime();
    }
    long c2 = cpuNanos();
    long t2 = System.nanoTime();
    long txCount = (long) blocks * perBlock;
    StringBuilder out = new StringBuilder();
    out.append(String.format("footprint: %d blocks x %d txs, %d senders, signatures %s%n", blocks, perBlock, senders,
        direct ? "checked in the loop" : "checked beforehand"));
    out.append(String.format("connect: %,d ms wall, %,d ms process CPU (%.1f us CPU/tx); close: %,d ms wall, %,d ms CPU%n",
        (t1 - t0) / 1_000_000, (c1 - c0) / 1_000_000, (c1 - c0) / 1e3 / txCount, (t2 - t1) / 1_000_000,
        (c2 - c1) / 1_000_000));
    Map<String, long[]> kinds = new TreeMap<>();
    long total = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        long size = Files.size(p);
        total += size;
        long[] k = kinds.computeIfAbsent(kind(p.getFileName().toString()), x -> new long[2]);
        k[0]++;
        k[1] += size;
      }
    }
    out.append(String.format("data dir %,d bytes = %.1f B/tx%n", total, (double) total / txCount));
    kinds.forEach((k, v) -> out.append(String.format("  %-9s %3d files %,12d bytes %7.1f B/tx%n", k, v[0], v[1],
        (double) v[1] / txCount)));
    columns(dir, txCount, out);
    System.out.print(out);
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static String kind(String name) {
    if (name.endsWith(".sst")) {
      return "sst";
    }
    if (name.endsWith(".log")) {
      return "wal";
    }
    if (name.startsWith("LOG")) {
      return "info-log";
    }
    if (name.startsWith("OPTIONS")) {
      return "options";
    }
    if (name.startsWith("MANIFEST")) {
      return "manifest";
    }
    return "other";
  }

  /** Live entries per column (keys and values, as the store encodes them) and their SST bytes. */
  private static void columns(Path dir, long txCount, StringBuilder out) throws Exception {
    List<byte[]> names;
    try (Options o = new Options()) {
      names = RocksDB.listColumnFamilies(o, dir.toString());
    }
    List<ColumnFamilyDescriptor> ds = new ArrayList<>();
    try (ColumnFamilyOptions cf = new ColumnFamilyOptions(); DBOptions db = new DBOptions()) {
      for (byte[] n : names) {
        ds.add(new ColumnFamilyDescriptor(n, cf));
      }
      List<ColumnFamilyHandle> hs = new ArrayList<>();
      try (RocksDB rdb = RocksDB.openReadOnly(db, dir.toString(), ds, hs)) {
        for (int i = 0; i < names.size(); i++) {
          ColumnFamilyHandle h = hs.get(i);
          long n = 0;
          long kb = 0;
          long vb = 0;
          try (RocksIterator it = rdb.newIterator(h)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
              n++;
              kb += it.key().length;
              vb += it.value().length;
            }
          }
          String name = names.get(i).length == 1 ? column(names.get(i)[0]) : new String(names.get(i));
          long sst = rdb.getLongProperty(h, "rocksdb.total-sst-files-size");
          out.append(String.format("  cf %-9s %8d rows  keys %,11d  values %,11d  (%6.1f B/tx)  sst %,11d (%6.1f B/tx)%n",
              name, n, kb, vb, (double) (kb + vb) / txCount, sst, (double) sst / txCount));
        }
        hs.forEach(ColumnFamilyHandle::close);
      }
    }
  }

  private static String column(byte id) {
    for (Column<?, ?> c : Schema.COLUMNS) {
      if (c.id() == id) {
        return c.name();
      }
    }
    return "id" + id;
  }

  static {
    NativeRocks.load();
  }
}
