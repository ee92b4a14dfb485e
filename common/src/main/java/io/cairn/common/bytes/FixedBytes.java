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

  @Override
  public final int hashCode() {
    return Arrays.hashCode(bytes);
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
