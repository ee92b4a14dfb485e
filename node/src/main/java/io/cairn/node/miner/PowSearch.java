package io.cairn.node.miner;

import io.cairn.common.model.BlockHeader;
import java.math.BigInteger;
import java.util.Objects;
import java.util.OptionalLong;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * Searches nonces for one header encoding without re-encoding it: the nonce is written in place at
 * {@link BlockHeader#NONCE_OFFSET} and the header hashed with SHA-256d, starting from the SHA-256
 * state after the first 64-byte block (which the nonce does not touch).
 *
 * <pre>
 * bytes 0..63   : hashed once ("midstate")
 * bytes 64..125 : re-hashed per attempt; nonce at 85..92 (u64 big-endian)
 * </pre>
 *
 * A hash meets the target when, read as a big-endian number, it is at most the target. Not
 * thread-safe: each mining thread owns its own search.
 */
public final class PowSearch {
  private static final int BLOCK = 64;
  private final byte[] header;
  private final byte[] target = new byte[32];
  private final SHA256Digest midstate = new SHA256Digest();
  private final SHA256Digest work = new SHA256Digest();
  private final byte[] first = new byte[32];
  private final byte[] second = new byte[32];

  public PowSearch(byte[] headerEncoding, BigInteger target) {
    Objects.requireNonNull(headerEncoding, "headerEncoding");
    if (headerEncoding.length != BlockHeader.ENCODED_LENGTH) {
      throw new IllegalArgumentException("Expected a " + BlockHeader.ENCODED_LENGTH + "-byte header but got "
          + headerEncoding.length);
    }
    if (target.signum() <= 0 || target.bitLength() > 256) {
      throw new IllegalArgumentException("target must be a positive 256-bit number");
    }
    this.header = headerEncoding.clone();
    byte[] t = target.toByteArray();
    int n = Math.min(t.length, 32);
    System.arraycopy(t, t.length - n, this.target, 32 - n, n);
    midstate.update(header, 0, BLOCK);
  }

  /** The first nonce in {@code [start, start + count)} (wrapping as u64) whose hash meets the target. */
  public OptionalLong search(long start, long count) {
    long nonce = start;
    for (long i = 0; i < count; i++, nonce++) {
      if (meets(nonce)) {
        return OptionalLong.of(nonce);
      }
    }
    return OptionalLong.empty();
  }

  /** True when the header with {@code nonce} meets the target. */
  public boolean meets(long nonce) {
    int at = BlockHeader.NONCE_OFFSET;
    for (int b = 7; b >= 0; b--) {
      header[at + 7 - b] = (byte) (nonce >>> (8 * b));
    }
    work.reset(midstate);
    work.update(header, BLOCK, header.length - BLOCK);
    work.doFinal(first, 0);
    work.update(first, 0, 32);
    work.doFinal(second, 0);
    for (int i = 0; i < 32; i++) {
      int h = second[i] & 0xff;
      int t = target[i] & 0xff;
      if (h != t) {
        return h < t;
      }
    }
    return true;
  }
}
