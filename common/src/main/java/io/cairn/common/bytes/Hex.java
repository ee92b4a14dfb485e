package io.cairn.common.bytes;

import java.nio.charset.StandardCharsets;

/** Lower-case hexadecimal without prefix; decoding is strict (even length, hex digits only). */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  /** The value of each ISO-8859-1 character as a hex digit, or -1. */
  private static final byte[] VALUES = new byte[256];

  static {
    for (int c = 0; c < 256; c++) {
      VALUES[c] = (byte) digit((char) c);
    }
  }

  private Hex() {}

  public static String encode(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /**
   * Decodes hex (either case, optional {@code 0x} prefix).
   *
   * @throws IllegalArgumentException with the position of the first bad character
   */
  public static byte[] decode(String hex) {
    String s = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (s.length() % 2 != 0) {
      throw new IllegalArgumentException("Expected an even number of hex digits but got " + s.length());
    }
    byte[] out = new byte[s.length() / 2];
    // One bulk copy to bytes, then a table per digit: charAt per digit costs several times more under
    // the C1-only JIT nodes run with (a transaction in JSON-RPC is about 300 digits). A character
    // outside ISO-8859-1 becomes '?', not a digit, and the loop below names the real one.
    // (A surrogate pair becomes one '?', so a string holding one gives fewer bytes: the slow path.)
    byte[] ascii = s.getBytes(StandardCharsets.ISO_8859_1);
    boolean ok = ascii.length == s.length();
    for (int i = 0; ok && i < out.length; i++) {
      int hi = VALUES[ascii[2 * i] & 0xff];
      int lo = VALUES[ascii[2 * i + 1] & 0xff];
      ok &= (hi | lo) >= 0;
      out[i] = (byte) ((hi << 4) | lo);
    }
    if (ok) {
      return out;
    }
    for (int i = 0; i < out.length; i++) {
      int hi = digit(s.charAt(2 * i));
      int lo = digit(s.charAt(2 * i + 1));
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("Expected hex digits but got '" + s.charAt(hi < 0 ? 2 * i : 2 * i + 1)
            + "' at position " + (hi < 0 ? 2 * i : 2 * i + 1));
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /** ASCII hex digits only (Character.digit would also accept other scripts' digits). */
  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
