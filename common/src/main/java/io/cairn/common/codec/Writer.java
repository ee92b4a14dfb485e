package io.cairn.common.codec;

import io.cairn.common.bytes.Bytes;
import io.cairn.common.bytes.FixedBytes;
import java.util.Arrays;

/** Growable big-endian byte writer for the canonical encoding. Not thread-safe; use once. */
public final class Writer {
  private byte[] buf;
  private int size;

  public Writer() {
    this(256);
  }

  public Writer(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  public Writer u8(int v) {
    if (v < 0 || v > 0xff) {
      throw new IllegalArgumentException("u8 out of range: " + v);
    }
    ensure(1);
    buf[size++] = (byte) v;
    return this;
  }

  public Writer u32(long v) {
    if (v < 0 || v > 0xffffffffL) {
      throw new IllegalArgumentException("u32 out of range: " + v);
    }
    ensure(4);
    for (int i = 3; i >= 0; i--) {
      buf[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  /** Writes a signed 64-bit value as 8 big-endian bytes. */
  public Writer u64(long v) {
    ensure(8);
    for (int i = 7; i >= 0; i--) {
      buf[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  public Writer raw(byte[] bytes) {
    return raw(bytes, 0, bytes.length);
  }

  public Writer raw(byte[] bytes, int off, int len) {
    ensure(len);
    System.arraycopy(bytes, off, buf, size, len);
    size += len;
    return this;
  }

  public Writer fixed(FixedBytes value) {
    ensure(value.length());
    value.copyTo(buf, size);
    size += value.length();
    return this;
  }

  /** u8 length then the bytes (at most 255). */
  public Writer bytes8(Bytes value) {
    u8(value.length());
    return raw(value.toArray());
  }

  /** u32 length then the bytes. */
  public Writer bytes32(byte[] value) {
    u32(value.length);
    return raw(value);
  }

  public int size() {
    return size;
  }

  /**
   * The bytes written. A writer sized exactly hands over its buffer without a copy (safe: any later
   * write to a full buffer grows it into a new array first).
   */
  public byte[] toByteArray() {
    return size == buf.length ? buf : Arrays.copyOf(buf, size);
  }
}
