package io.cairn.common.codec;

/**
 * Strict, bounded reader for the canonical encoding. Every read checks the remaining bytes before it
 * allocates, so a hostile length field can never make it allocate more than the input holds.
 * {@link #finish()} rejects trailing bytes.
 */
public final class Reader {
  private final byte[] buf;
  private final int end;
  private int pos;

  public Reader(byte[] buf) {
    this(buf, 0, buf.length);
  }

  public Reader(byte[] buf, int offset, int length) {
    if (offset < 0 || length < 0 || length > buf.length - offset) {
      throw new IllegalArgumentException("slice out of range");
    }
    this.buf = buf;
    this.pos = offset;
    this.end = offset + length;
  }

  public int remaining() {
    return end - pos;
  }

  public int position() {
    return pos;
  }

  private void need(int n, String what) {
    if (n < 0 || end - pos < n) {
      throw new DecodeException(
          "Expected " + n + " bytes for " + what + " at offset " + pos + " but got " + (end - pos));
    }
  }

  public int u8(String what) {
    need(1, what);
    return buf[pos++] & 0xff;
  }

  public long u32(String what) {
    need(4, what);
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (buf[pos++] & 0xff);
    }
    return v;
  }

  public long u64(String what) {
    need(8, what);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buf[pos++] & 0xff);
    }
    return v;
  }

  /** A 64-bit value that must not be negative (amounts, heights, nonces). */
  public long u63(String what) {
    int at = pos;
    long v = u64(what);
    if (v < 0) {
      throw new DecodeException("Expected a non-negative " + what + " at offset " + at + " but got " + Long.toUnsignedString(v));
    }
    return v;
  }

  public byte[] fixed(int n, String what) {
    need(n, what);
    byte[] out = new byte[n];
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    return out;
  }

  /** u8 length (at most {@code max}) then that many bytes. */
  public byte[] bytes8(int max, String what) {
    int at = pos;
    int len = u8(what + " length");
    if (len > max) {
      throw new DecodeException("Expected at most " + max + " bytes for " + what + " at offset " + at + " but got " + len);
    }
    return fixed(len, what);
  }

  /** u32 length (at most {@code max}) then that many bytes. */
  public byte[] bytes32(int max, String what) {
    int at = pos;
    long len = u32(what + " length");
    if (len > max) {
      throw new DecodeException("Expected at most " + max + " bytes for " + what + " at offset " + at + " but got " + len);
    }
    return fixed((int) len, what);
  }

  /**
   * A u32 element count, checked against {@code max} and against the bytes left given each element
   * takes at least {@code minElementSize} bytes, so the caller can size a list safely.
   */
  public int count(int max, int minElementSize, String what) {
    int at = pos;
    long n = u32(what + " count");
    if (n > max) {
      throw new DecodeException("Expected at most " + max + " " + what + " at offset " + at + " but got " + n);
    }
    if (n * Math.max(1, minElementSize) > remaining()) {
      throw new DecodeException("Expected room for " + n + " " + what + " at offset " + at
          + " but only " + remaining() + " bytes remain");
    }
    return (int) n;
  }

  /** Rejects trailing bytes. */
  public void finish(String what) {
    if (pos != end) {
      throw new DecodeException("Expected end of " + what + " at offset " + pos + " but " + (end - pos) + " bytes remain");
    }
  }
}
