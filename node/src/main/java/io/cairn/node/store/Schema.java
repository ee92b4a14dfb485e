package io.cairn.node.store;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.node.chain.BlockIndexEntry;
import io.cairn.node.state.Account;
import java.util.List;

/**
 * The whole on-disk layout of the chain store, in one place. Column ids are RocksDB column family
 * names (one byte each) and, like metadata keys, are never reused: a retired column keeps its id
 * reserved. Bump {@link #VERSION} on any incompatible change; the store refuses a newer version.
 *
 * <pre>
 * id  column    key                                          value
 *  1  headers   block hash (32)                              {@link IndexEntryCodec} (header, work, status, seq)
 *  2  bodies    block hash (32)                              tx count u32 | txs
 *  3  height    height u64                                   main-chain block hash (32)
 *  4  accounts  address payload (33)                         balance u64 | nonce u64
 *  5  undo      block hash (32)                              undo record (state transition's codec)
 *  6  txindex   txid (32)                                    block hash (32) | height u64 | pos u32
 *  7  history   address payload (33) | height u64 | pos u32  txid (32)
 *  8  meta      ASCII key                                    see the single values below
 *  9  peers     raw (owned by the P2P address book)          raw
 * 10  bans      raw (owned by the P2P ban list)              raw
 * </pre>
 */
public final class Schema {
  /** On-disk schema version. */
  public static final int VERSION = 1;

  public static final Column<Hash, BlockIndexEntry> HEADERS = new Column<>(1, "headers", Codecs.HASH, IndexEntryCodec.INSTANCE);
  public static final Column<Hash, List<Transaction>> BODIES = new Column<>(2, "bodies", Codecs.HASH, Codecs.BODY);
  public static final Column<Long, Hash> HEIGHT = new Column<>(3, "height", Codecs.U64, Codecs.HASH);
  public static final Column<Address, Account> ACCOUNTS = new Column<>(4, "accounts", Codecs.ADDRESS, Codecs.ACCOUNT);
  public static final Column<Hash, byte[]> UNDO = new Column<>(5, "undo", Codecs.HASH, Codecs.RAW);
  public static final Column<Hash, TxLocation> TX_INDEX = new Column<>(6, "txindex", Codecs.HASH, Codecs.TX_LOCATION);
  static final Column<Codecs.HistoryKey, Hash> HISTORY = new Column<>(7, "history", Codecs.HISTORY_KEY, Codecs.HASH);
  public static final Column<byte[], byte[]> META = new Column<>(8, "meta", Codecs.RAW, Codecs.RAW);
  /** Reserved for the P2P address book; keys and values are that package's business. */
  public static final Column<byte[], byte[]> PEERS = new Column<>(9, "peers", Codecs.RAW, Codecs.RAW);
  /** Reserved for the P2P ban list. */
  public static final Column<byte[], byte[]> BANS = new Column<>(10, "bans", Codecs.RAW, Codecs.RAW);

  public static final List<Column<?, ?>> COLUMNS =
      List.of(HEADERS, BODIES, HEIGHT, ACCOUNTS, UNDO, TX_INDEX, HISTORY, META, PEERS, BANS);

  /** Hash of the main chain's tip; every block connect and disconnect moves it in the same batch. */
  public static final Single<Hash> TIP = new Single<>("tip", Codecs.HASH);
  public static final Single<Integer> SCHEMA_VERSION = new Single<>("schema-version", Codecs.U32);
  public static final Single<Hash> GENESIS_HASH = new Single<>("genesis-hash", Codecs.HASH);
  public static final Single<Hash> SPEC_COMMITMENT = new Single<>("spec-commitment", Codecs.HASH);
  /** Next first-seen sequence number to hand out. */
  public static final Single<Long> NEXT_SEQ = new Single<>("next-seq", Codecs.U64);

  private Schema() {}

  static List<Integer> columnIds() {
    return COLUMNS.stream().map(Column::id).toList();
  }
}
