package io.cairn.common.model;

import io.cairn.common.address.Address;
import io.cairn.common.codec.DecodeException;
import io.cairn.common.codec.Reader;
import io.cairn.common.codec.Writer;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Sha256;
import java.util.Objects;

/**
 * A block header; its hash is SHA-256d of this 126-byte encoding.
 *
 * <pre>
 * offset 0    1        9          41           73          81     85      93      126
 *        +----+--------+----------+------------+-----------+------+-------+-------+
 *        | v  | height | prevHash | merkleRoot | timestamp | bits | nonce | miner |
 *        | u8 | u64    | 32       | 32         | u64 ms    | u32  | u64   | 33    |
 *        +----+--------+----------+------------+-----------+------+-------+-------+
 * </pre>
 */
public record BlockHeader(
    int version, long height, Hash prevHash, Hash merkleRoot, long timestampMs, int bits, long nonce, Address miner) {

  public static final int VERSION = 1;
  public static final int ENCODED_LENGTH = 126;
  /** Where the nonce sits in the encoding, so a miner can vary it in place. */
  public static final int NONCE_OFFSET = 85;

  public BlockHeader {
    Objects.requireNonNull(prevHash, "prevHash");
    Objects.requireNonNull(merkleRoot, "merkleRoot");
    Objects.requireNonNull(miner, "miner");
    if (version != VERSION) {
      throw new IllegalArgumentException("Expected header version 1 but got " + version);
    }
    if (height < 0 || timestampMs < 0) {
      throw new IllegalArgumentException("height and timestamp must not be negative");
    }
  }

  public BlockHeader withNonce(long newNonce) {
    return new BlockHeader(version, height, prevHash, merkleRoot, timestampMs, bits, newNonce, miner);
  }

  public void write(Writer w) {
    w.u8(version).u64(height).fixed(prevHash).fixed(merkleRoot).u64(timestampMs).u32(bits & 0xffffffffL).u64(nonce);
    miner.write(w);
  }

  public byte[] encode() {
    Writer w = new Writer(ENCODED_LENGTH);
    write(w);
    return w.toByteArray();
  }

  public Hash hash() {
    return Sha256.hashTwice(encode());
  }

  public static BlockHeader read(Reader r) {
    int at = r.position();
    int version = r.u8("header version");
    if (version != VERSION) {
      throw new DecodeException("Expected header version 1 at offset " + at + " but got " + version);
    }
    long height = r.u63("height");
    Hash prev = Hash.of(r.fixed(Hash.LENGTH, "previous hash"));
    Hash root = Hash.of(r.fixed(Hash.LENGTH, "merkle root"));
    long ts = r.u63("timestamp");
    int bits = (int) r.u32("bits");
    long nonce = r.u64("nonce");
    Address miner = Address.read(r);
    return new BlockHeader(version, height, prev, root, ts, bits, nonce, miner);
  }

  public static BlockHeader decode(byte[] bytes) {
    Reader r = new Reader(bytes);
    BlockHeader h = read(r);
    r.finish("header");
    return h;
  }
}
