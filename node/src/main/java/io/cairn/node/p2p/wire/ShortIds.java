package io.cairn.node.p2p.wire;

import io.cairn.common.codec.Writer;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Sha256;
import io.cairn.common.model.BlockHeader;

/**
 * Short transaction ids for compact blocks: the low 48 bits of SipHash-2-4 of the txid, keyed by the
 * first 16 bytes of SHA-256(header encoding || salt u64). The key changes with every block (and the
 * sender's random salt), so nobody can grind colliding transactions ahead of time.
 *
 * <p>SipHash-2-4 (Aumasson and Bernstein, 2012) is written out here for the one input length used,
 * 32 bytes: a receiver hashes every txid in its mempool for each compact block, and the general MAC
 * objects of Bouncy Castle cost several times more per call (a key object, an init and a byte loop
 * each time). {@code ShortIdsTest} checks it against Bouncy Castle's {@code SipHash(2, 4)}.
 */
public final class ShortIds {
  private static final long MASK_48 = 0xffff_ffff_ffffL;
  private final long k0;
  private final long k1;

  private ShortIds(byte[] key) {
    this.k0 = le64(key, 0);
    this.k1 = le64(key, 8);
  }

  public static ShortIds forBlock(BlockHeader header, long salt) {
    byte[] seed = new Writer(BlockHeader.ENCODED_LENGTH + 8).raw(header.encode()).u64(salt).toByteArray();
    return new ShortIds(Sha256.digest(seed));
  }

  /** The 48-bit short id of a txid. Thread-safe. */
  public long of(Hash txid) {
    byte[] m = txid.toArray();
    long v0 = k0 ^ 0x736f6d6570736575L;
    long v1 = k1 ^ 0x646f72616e646f6dL;
    long v2 = k0 ^ 0x6c7967656e657261L;
    long v3 = k1 ^ 0x7465646279746573L;
    // Four 8-byte message words, then the final word holding only the length (32 << 56); 2 rounds each.
    for (int w = 0; w <= m.length; w += 8) {
      long mi = w < m.length ? le64(m, w) : (long) m.length << 56;
      v3 ^= mi;
      for (int r = 0; r < 2; r++) {
        v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
        v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
        v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
        v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
      }
      v0 ^= mi;
    }
    v2 ^= 0xff;
    for (int r = 0; r < 4; r++) {
      v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
      v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
      v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
      v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
    }
    return (v0 ^ v1 ^ v2 ^ v3) & MASK_48;
  }

  private static long le64(byte[] b, int at) {
    return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24
        | (b[at + 4] & 0xffL) << 32 | (b[at + 5] & 0xffL) << 40 | (b[at + 6] & 0xffL) << 48 | (b[at + 7] & 0xffL) << 56;
  }
}
