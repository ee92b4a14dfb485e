package io.cairn.node.p2p.wire;

import io.cairn.common.codec.Reader;
import io.cairn.common.codec.Writer;
import io.cairn.common.crypto.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * The first 16 bytes of a txid: how transaction relay announces, requests and reports missing
 * transactions ({@code INV_TX}, {@code GET_TX}, {@code TX_NOT_FOUND}), half the bytes of a full
 * txid. Two transactions share one only by a 128-bit collision of SHA-256 prefixes, about 2^64
 * hashing work even for an attacker grinding both, so it identifies a transaction as well as the
 * relay needs; bodies ({@code TXS}) are still checked against the full txid they hash to.
 *
 * <pre>
 * | txid[0..8] u64 big-endian (hi) | txid[8..16] u64 big-endian (lo) |
 * </pre>
 */
public record ShortTxid(long hi, long lo) {
  public static final int LENGTH = 16;

  /** The short id of a full txid. */
  public static ShortTxid of(Hash txid) {
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = hi << 8 | (txid.get(i) & 0xff);
      lo = lo << 8 | (txid.get(8 + i) & 0xff);
    }
    return new ShortTxid(hi, lo);
  }

  void write(Writer w) {
    w.u64(hi);
    w.u64(lo);
  }

  static void writeAll(Writer w, List<ShortTxid> ids) {
    w.u32(ids.size());
    for (ShortTxid id : ids) {
      id.write(w);
    }
  }

  static List<ShortTxid> readAll(Reader r, int max, String what) {
    int n = r.count(max, LENGTH, what);
    List<ShortTxid> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new ShortTxid(r.u64(what), r.u64(what)));
    }
    return out;
  }

  /**
   * Written out rather than generated: short ids key the relay's maps and sets (recent, known per
   * peer, requested, in flight), several lookups per transaction, and the record's invokedynamic
   * methods are slow under the C1-only JIT nodes run with. Same contract as the generated ones.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof ShortTxid s && hi == s.hi && lo == s.lo;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(hi) * 31 + Long.hashCode(lo);
  }

  @Override
  public String toString() {
    return String.format("%016x%016x", hi, lo);
  }

  /** The first 4 bytes in hex, like {@link Hash#shortHex()}. */
  public String shortHex() {
    return String.format("%08x", hi >>> 32);
  }
}
