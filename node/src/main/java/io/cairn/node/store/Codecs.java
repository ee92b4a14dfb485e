package io.cairn.node.store;

import io.cairn.common.address.Address;
import io.cairn.common.codec.DecodeException;
import io.cairn.common.codec.Reader;
import io.cairn.common.codec.Writer;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import io.cairn.node.state.Account;
import java.util.ArrayList;
import java.util.List;

/** The codecs of the schema's keys and values. All fixed-width integers are big-endian. */
final class Codecs {
  private Codecs() {}

  /**
   * A u32 field that is stored from a non-negative int: a value of 2^31 or more was never written by
   * the store, so it is corruption (not clamped, not wrapped to a negative int).
   */
  private static int u31(Reader r, String what) {
    int at = r.position();
    long v = r.u32(what);
    if (v > Integer.MAX_VALUE) {
      throw new DecodeException("Expected a " + what + " below 2^31 at offset " + at + " but got " + v);
    }
    return (int) v;
  }

  static final Codec<byte[]> RAW = new Codec<>() {
    @Override
    public byte[] encode(byte[] value) {
      return value.clone();
    }

    @Override
    public byte[] decode(byte[] bytes) {
      return bytes.clone();
    }
  };

  static final Codec<Hash> HASH = new Codec<>() {
    @Override
    public byte[] encode(Hash value) {
      return value.toArray();
    }

    @Override
    public Hash decode(byte[] bytes) {
      Reader r = new Reader(bytes);
      Hash h = Hash.of(r.fixed(Hash.LENGTH, "hash"));
      r.finish("hash");
      return h;
    }
  };

  /** u64 big-endian, so that keys sort by number. */
  static final Codec<Long> U64 = new Codec<>() {
    @Override
    public byte[] encode(Long value) {
      return new Writer(8).u64(value).toByteArray();
    }

    @Override
    public Long decode(byte[] bytes) {
      Reader r = new Reader(bytes);
      long v = r.u63("u64");
      r.finish("u64");
      return v;
    }
  };

  /** The 33-byte address payload (version byte then key). */
  static final Codec<Address> ADDRESS = new Codec<>() {
    @Override
    public byte[] encode(Address value) {
      return value.payload();
    }

    @Override
    public Address decode(byte[] bytes) {
      return Address.fromPayload(bytes);
    }
  };

  static final Codec<Account> ACCOUNT = new Codec<>() {
    @Override
    public byte[] encode(Account value) {
      return value.encode();
    }

    @Override
    public Account decode(byte[] bytes) {
      return Account.decode(bytes);
    }
  };

  /** A block's transactions without its header: count u32 then each transaction's encoding. */
  static final Codec<List<Transaction>> BODY = new Codec<>() {
    @Override
    public byte[] encode(List<Transaction> txs) {
      int size = 4;
      for (Transaction tx : txs) {
        size += tx.encodedLength();
      }
      Writer w = new Writer(size);
      w.u32(txs.size());
      for (Transaction tx : txs) {
        tx.write(w);
      }
      return w.toByteArray();
    }

    @Override
    public List<Transaction> decode(byte[] bytes) {
      Reader r = new Reader(bytes);
      int n = r.count(Block.MAX_ENCODED_LENGTH / Transaction.MIN_ENCODED_LENGTH,
          Transaction.MIN_ENCODED_LENGTH, "transactions");
      List<Transaction> txs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        txs.add(Transaction.read(r));
      }
      r.finish("block body");
      return txs;
    }
  };

  /** block hash (32) | height u64 | position u32. */
  static final Codec<TxLocation> TX_LOCATION = new Codec<>() {
    @Override
    public byte[] encode(TxLocation v) {
      return new Writer(44).fixed(v.blockHash()).u64(v.height()).u32(v.position()).toByteArray();
    }

    @Override
    public TxLocation decode(byte[] bytes) {
      Reader r = new Reader(bytes);
      TxLocation loc = new TxLocation(Hash.of(r.fixed(32, "block hash")), r.u63("height"), u31(r, "position"));
      r.finish("tx location");
      return loc;
    }
  };

  static final Codec<Integer> U32 = new Codec<>() {
    @Override
    public byte[] encode(Integer value) {
      return new Writer(4).u32(value).toByteArray();
    }

    @Override
    public Integer decode(byte[] bytes) {
      Reader r = new Reader(bytes);
      int v = u31(r, "u32");
      r.finish("u32");
      return v;
    }
  };

  /** Key of the address history column: address payload (33) | height u64 | position u32. */
  record HistoryKey(Address address, long height, int position) {}

  static final Codec<HistoryKey> HISTORY_KEY = new Codec<>() {
    @Override
    public byte[] encode(HistoryKey k) {
      Writer w = new Writer(45);
      k.address().write(w);
      return w.u64(k.height()).u32(k.position()).toByteArray();
    }

    @Override
    public HistoryKey decode(byte[] bytes) {
      Reader r = new Reader(bytes);
      HistoryKey k = new HistoryKey(Address.read(r), r.u63("height"), u31(r, "position"));
      r.finish("history key");
      return k;
    }
  };
}
