package io.cairn.common.bytes;

import java.util.Arrays;

/**
 * Immutable fixed-length byte value (hash, key, signature). Copies in and out, compares by content,
 * orders lexicographically as unsigned bytes.
 */
public abstract class FixedBytes implements Comparable<FixedBytes> {
  private final byte[] bytes;

  protected FixedBytes(byte[] bytes, int length, String what) {
    if (bytes == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    if (bytes.length != length) {
      throw new IllegalArgumentException("Expected " + length + " bytes for " + what + " but got " + bytes.length);
    }
    this.bytes = bytes.clone();
  }

  /** A copy of the bytes. */
  public final byte[] toArray() {
    return bytes.clone();
  }

  public final int length() {
    return bytes.length;
  }

  public final byte get(int index) {
    return bytes[index];
  }

  /** Copies the bytes into {@code dst} at {@code offset}. */
  public final void copyTo(byte[] dst, int offset) {
    System.arraycopy(bytes, 0, dst, offset, bytes.length);
  }

  public final String toHex() {
    return Hex.encode(bytes);
  }

  /** Read-only access for codecs and hashing in this library; callers must not modify it. */
  protected final byte[] unsafeArray() {
    return bytes;
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && Arrays.equals(bytes, ((FixedBytes) o).bytes);
  }

  /**
   * The first four bytes and the last four, as big-endian ints, combined: the values held here are
   * hashes, keys and signatures whose bytes are already spread, so this needs no pass over all of
   * them (hash maps keyed by txids and addresses call it many times per transaction). Colliding
   * values cost no more to craft than for {@code Arrays.hashCode}; {@code HashMap} turns a crowded
   * bucket into a tree ordered by {@link #compareTo}.
   */
  @Override
  public final int hashCode() {
    int n = bytes.length;
    if (n < 8) {
      return Arrays.hashCode(bytes);
    }
    return 31 * intAt(0) + intAt(n - 4);
  }

  /**
   * The first six bytes as an unsigned big-endian number (0 to 2^48 - 1), or fewer, zero-padded on
   * the right, for shorter values: two values whose prefixes differ compare as their prefixes do,
   * so a sort can order by these primitives and compare whole values only where prefixes tie.
   */
  public final long prefix48() {
    long v = 0;
    for (int i = 0; i < 6; i++) {
      v = v << 8 | (i < bytes.length ? bytes[i] & 0xff : 0);
    }
    return v;
  }

  private int intAt(int i) {
    return (bytes[i] & 0xff) << 24 | (bytes[i + 1] & 0xff) << 16 | (bytes[i + 2] & 0xff) << 8 | (bytes[i + 3] & 0xff);
  }

  @Override
  public final int compareTo(FixedBytes o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
