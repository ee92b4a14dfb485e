package io.cairn.node.store;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.chain.BlockIndexEntry;
import io.cairn.node.state.Account;
import io.cairn.node.state.AccountView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The node's persistent chain: typed reads over the {@link Schema} and atomic updates. Opening
 * writes genesis on first use and refuses a directory that holds another chain or is in use.
 *
 * <p>Reads may come from any thread. Writes come from the single chain thread ({@link ChainEngine})
 * through {@link #update()}; {@link BlockWrites} builds the batches for block connects and
 * disconnects.
 */
public final class ChainStore implements AutoCloseable, AccountView {
  private final KvStore kv;
  private final ChainSpec spec;
  private final Hash genesisHash;
  private final String where;

  private ChainStore(KvStore kv, ChainSpec spec, Hash genesisHash, String where) {
    this.kv = kv;
    this.spec = spec;
    this.genesisHash = genesisHash;
    this.where = where;
  }

  /**
   * Opens (or creates) the RocksDB store in {@code dir} for {@code spec}.
   *
   * @throws StoreLockedException when another process (or this one) has the directory open
   * @throws ChainSpecMismatchException when the directory holds another chain or a newer schema
   * @throws StoreException on any other I/O failure
   */
  public static ChainStore open(Path dir, ChainSpec spec) {
    KvStore kv = RocksKvStore.open(dir, Schema.columnIds());
    try {
      return init(kv, spec, dir.toString());
    } catch (RuntimeException e) {
      kv.close();
      throw e;
    }
  }

  /** A store in memory, for tests that need no disk (same code above the key-value layer). */
  public static ChainStore inMemory(ChainSpec spec) {
    return init(new MemoryKvStore(), spec, "memory");
  }

  private static ChainStore init(KvStore kv, ChainSpec spec, String where) {
    Hash genesis = GenesisWriter.genesisHash(spec);
    ChainStore store = new ChainStore(kv, spec, genesis, where);
    Optional<Integer> version = store.get(Schema.SCHEMA_VERSION);
    if (version.isEmpty()) {
      GenesisWriter.write(store, spec);
      return store;
    }
    if (version.get() != Schema.VERSION) {
      throw new ChainSpecMismatchException("data directory " + where + " has store schema version "
          + version.get() + " but this node reads version " + Schema.VERSION);
    }
    Hash storedGenesis = store.get(Schema.GENESIS_HASH).orElseThrow(() -> store.corrupt("genesis hash missing"));
    Hash storedSpec = store.get(Schema.SPEC_COMMITMENT).orElseThrow(() -> store.corrupt("spec commitment missing"));
    if (!storedGenesis.equals(genesis) || !storedSpec.equals(spec.commitment())) {
      throw new ChainSpecMismatchException("chain spec mismatch: data directory " + where
          + " holds the chain with genesis " + storedGenesis + " but the chain spec given ('"
          + spec.network() + "') has genesis " + genesis);
    }
    store.tipHash();
    return store;
  }

  StoreException corrupt(String what) {
    return new StoreException("chain store " + where + " is corrupt: " + what);
  }

  public ChainSpec spec() {
    return spec;
  }

  public Hash genesisHash() {
    return genesisHash;
  }

  /** A new atomic update; commit it once, or close it to discard. */
  public StoreUpdate update() {
    return new StoreUpdate(kv.batch());
  }

  public <K, V> Optional<V> get(Column<K, V> column, K key) {
    byte[] v = kv.get(column.id(), column.keys().encode(key));
    return v == null ? Optional.empty() : Optional.of(decode(column.values(), v, column.name()));
  }

  public <T> Optional<T> get(Single<T> single) {
    byte[] v = kv.get(Schema.META.id(), single.keyBytes());
    return v == null ? Optional.empty() : Optional.of(decode(single.codec(), v, single.key()));
  }

  private <T> T decode(Codec<T> codec, byte[] bytes, String what) {
    try {
      return codec.decode(bytes);
    } catch (RuntimeException e) {
      throw new StoreException("chain store " + where + " is corrupt: bad " + what + ": " + e.getMessage(), e);
    }
  }

  /** Raw iteration of a column's entries with this key prefix, ascending; for P2P's raw columns. */
  public void scanRaw(Column<byte[], byte[]> column, byte[] prefix, java.util.function.BiPredicate<byte[], byte[]> visitor) {
    kv.scan(column.id(), prefix, null, false, visitor::test);
  }

  /** The main chain's tip. */
  public Hash tipHash() {
    return get(Schema.TIP).orElseThrow(() -> corrupt("tip missing"));
  }

  public Optional<BlockIndexEntry> entry(Hash hash) {
    return get(Schema.HEADERS, hash);
  }

  /** The main-chain block hash at {@code height}. */
  public Optional<Hash> hashAt(long height) {
    return height < 0 ? Optional.empty() : get(Schema.HEIGHT, height);
  }

  public boolean hasBody(Hash hash) {
    return kv.get(Schema.BODIES.id(), hash.toArray()) != null;
  }

  /** The full block, when its header and body are stored (on any branch). */
  public Optional<Block> block(Hash hash) {
    Optional<BlockIndexEntry> h = entry(hash);
    if (h.isEmpty()) {
      return Optional.empty();
    }
    return get(Schema.BODIES, hash).map(txs -> new Block(h.get().header(), txs));
  }

  /** The account at the current tip ({@link Account#EMPTY} if never touched). */
  @Override
  public Account account(Address address) {
    return get(Schema.ACCOUNTS, address).orElse(Account.EMPTY);
  }

  public Optional<TxLocation> txLocation(Hash txid) {
    return get(Schema.TX_INDEX, txid);
  }

  /** The undo record stored when the block was connected (present while it is on the main chain). */
  public Optional<byte[]> undo(Hash block) {
    return get(Schema.UNDO, block);
  }

  /**
   * Up to {@code limit} confirmed transactions that {@code address} sent or received, newest first,
   * starting strictly before {@code before} (null for the newest).
   */
  public List<HistoryEntry> history(Address address, int limit, HistoryEntry before) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive");
    }
    List<HistoryEntry> out = new ArrayList<>(Math.min(limit, 1024));
    byte[] prefix = address.payload();
    byte[] start = before == null ? null
        : Schema.HISTORY.keys().encode(new Codecs.HistoryKey(address, before.height(), before.position()));
    kv.scan(Schema.HISTORY.id(), prefix, start, true, (k, v) -> {
      Codecs.HistoryKey key = decode(Schema.HISTORY.keys(), k, "history key");
      out.add(new HistoryEntry(key.height(), key.position(), decode(Codecs.HASH, v, "history txid")));
      return out.size() < limit;
    });
    return out;
  }

  /** Every stored header, in key order; used to rebuild the in-memory block index at start. */
  public void forEachEntry(Consumer<BlockIndexEntry> action) {
    kv.scan(Schema.HEADERS.id(), new byte[0], null, false, (k, v) -> {
      action.accept(decode(IndexEntryCodec.INSTANCE, v, "header"));
      return true;
    });
  }

  /** Every stored account (address, account); for consistency checks and tests. */
  public void forEachAccount(java.util.function.BiConsumer<Address, Account> action) {
    kv.scan(Schema.ACCOUNTS.id(), new byte[0], null, false, (k, v) -> {
      action.accept(decode(Codecs.ADDRESS, k, "account key"), decode(Codecs.ACCOUNT, v, "account"));
      return true;
    });
  }

  /** Number of entries in a column (full scan; for tests and consistency checks). */
  public long count(Column<?, ?> column) {
    long[] n = {0};
    kv.scan(column.id(), new byte[0], null, false, (k, v) -> {
      n[0]++;
      return true;
    });
    return n[0];
  }

  @Override
  public void close() {
    kv.close();
  }

  @Override
  public String toString() {
    return "ChainStore(" + where + ")";
  }

  /** Body of a block as stored. */
  Optional<List<Transaction>> body(Hash hash) {
    return get(Schema.BODIES, hash);
  }
}
