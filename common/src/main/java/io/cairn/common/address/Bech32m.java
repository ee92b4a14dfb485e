package io.cairn.common.address;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Bech32m (BIP-350) encoding of a human-readable part and 8-bit data. Decoding reports the first
 * problem found: mixed case, bad characters, bad length, missing separator, a Bech32 (BIP-173)
 * rather than Bech32m checksum, or a wrong checksum.
 */
public final class Bech32m {
  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int BECH32M_CONST = 0x2bc830a3;
  private static final int BECH32_CONST = 1;
  /**
   * BIP-173/350's limit. A Cairn address (16-character prefix at most, 33-byte payload) takes at
   * most 16 + 1 + 53 + 6 = 76 characters.
   */
  public static final int MAX_LENGTH = 90;

  /** The decoded parts. */
  public record Decoded(String hrp, byte[] data) {}

  /** Why a string is not valid Bech32m. */
  public static final class Bech32mException extends Exception {
    private static final long serialVersionUID = 1L;

    Bech32mException(String message) {
      super(message);
    }
  }

  private Bech32m() {}

  public static String encode(String hrp, byte[] data) {
    if (hrp.isEmpty() || !hrp.equals(hrp.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("prefix must be non-empty lower case: " + hrp);
    }
    byte[] values = convertBits(data, 8, 5, true);
    int[] checksum = checksum(hrp, values);
    StringBuilder sb = new StringBuilder(hrp.length() + 1 + values.length + 6).append(hrp).append('1');
    for (byte v : values) {
      sb.append(CHARSET.charAt(v));
    }
    for (int c : checksum) {
      sb.append(CHARSET.charAt(c));
    }
    return sb.toString();
  }

  /** Decodes and converts the 5-bit data to bytes (the padding must be zero bits). */
  public static Decoded decode(String s) throws Bech32mException {
    Decoded words = decodeWords(s);
    byte[] data = convertBits(words.data(), 5, 8, false);
    if (data == null) {
      throw new Bech32mException("invalid padding in the data part");
    }
    return new Decoded(words.hrp(), data);
  }

  /**
   * The generic BIP-350 checker: validates the string and its Bech32m checksum and returns the
   * lower-case prefix and the data part as 5-bit values (checksum removed), without converting.
   */
  static Decoded decodeWords(String s) throws Bech32mException {
    if (s.length() > MAX_LENGTH) {
      throw new Bech32mException("too long: " + s.length() + " characters, at most " + MAX_LENGTH);
    }
    boolean lower = false;
    boolean upper = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 33 || c > 126) {
        throw new Bech32mException("invalid character at position " + i);
      }
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
    }
    if (lower && upper) {
      throw new Bech32mException("mixed upper and lower case");
    }
    String str = s.toLowerCase(Locale.ROOT);
    int sep = str.lastIndexOf('1');
    if (sep < 1) {
      throw new Bech32mException("missing prefix or '1' separator");
    }
    if (str.length() - sep - 1 < 6) {
      throw new Bech32mException("too short: the checksum needs 6 characters after the separator");
    }
    String hrp = str.substring(0, sep);
    byte[] values = new byte[str.length() - sep - 1];
    for (int i = 0; i < values.length; i++) {
      int v = CHARSET.indexOf(str.charAt(sep + 1 + i));
      if (v < 0) {
        throw new Bech32mException("invalid character '" + str.charAt(sep + 1 + i) + "' at position " + (sep + 1 + i));
      }
      values[i] = (byte) v;
    }
    int check = polymod(expand(hrp, values, 0));
    if (check != BECH32M_CONST) {
      throw new Bech32mException(check == BECH32_CONST
          ? "Bech32 (BIP-173) checksum; addresses use Bech32m (BIP-350)"
          : "checksum does not match (a character is mistyped)");
    }
    byte[] data5 = new byte[values.length - 6];
    System.arraycopy(values, 0, data5, 0, data5.length);
    return new Decoded(hrp, data5);
  }

  private static int polymod(byte[] values) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    for (byte v : values) {
      int b = chk >>> 25;
      chk = ((chk & 0x1ffffff) << 5) ^ (v & 0xff);
      for (int i = 0; i < 5; i++) {
        if (((b >>> i) & 1) != 0) {
          chk ^= gen[i];
        }
      }
    }
    return chk;
  }

  private static byte[] expand(String hrp, byte[] values, int extra) {
    int n = hrp.length();
    byte[] out = new byte[2 * n + 1 + values.length + extra];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) (hrp.charAt(i) >> 5);
      out[n + 1 + i] = (byte) (hrp.charAt(i) & 31);
    }
    System.arraycopy(values, 0, out, 2 * n + 1, values.length);
    return out;
  }

  private static int[] checksum(String hrp, byte[] values) {
    int mod = polymod(expand(hrp, values, 6)) ^ BECH32M_CONST;
    int[] out = new int[6];
    for (int i = 0; i < 6; i++) {
      out[i] = (mod >>> (5 * (5 - i))) & 31;
    }
    return out;
  }

  /** General power-of-two base conversion; returns null on invalid padding when not padding. */
  static byte[] convertBits(byte[] in, int from, int to, boolean pad) {
    int acc = 0;
    int bits = 0;
    int maxv = (1 << to) - 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * from / to + 1);
    for (byte b : in) {
      int value = b & 0xff;
      if ((value >>> from) != 0) {
        return null;
      }
      acc = (acc << from) | value;
      bits += from;
      while (bits >= to) {
        bits -= to;
        out.write((acc >>> bits) & maxv);
      }
    }
    if (pad) {
      if (bits > 0) {
        out.write((acc << (to - bits)) & maxv);
      }
    } else if (bits >= from || ((acc << (to - bits)) & maxv) != 0) {
      return null;
    }
    return out.toByteArray();
  }
}
