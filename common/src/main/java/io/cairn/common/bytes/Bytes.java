package io.cairn.common.bytes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Immutable variable-length byte string (memos, encoded blobs) with content equality. */
public final class Bytes implements Comparable<Bytes> {
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Bytes of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  public static Bytes utf8(String s) {
    return of(s.getBytes(StandardCharsets.UTF_8));
  }

  public static Bytes fromHex(String hex) {
    return of(Hex.decode(hex));
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  public int length() {
    return bytes.length;
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  /** Decodes as UTF-8, replacing malformed sequences. */
  public String toUtf8() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Bytes o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
