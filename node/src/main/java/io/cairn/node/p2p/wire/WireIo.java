package io.cairn.node.p2p.wire;

import io.cairn.common.bytes.Bytes;
import io.cairn.common.codec.DecodeException;
import io.cairn.common.codec.Reader;
import io.cairn.common.codec.Writer;
import io.cairn.common.crypto.Hash;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Encoding helpers shared by the message records. */
final class WireIo {
  private WireIo() {}

  static void writeHashes(Writer w, List<Hash> hashes) {
    w.u32(hashes.size());
    for (Hash h : hashes) {
      w.fixed(h);
    }
  }

  static List<Hash> readHashes(Reader r, int max, String what) {
    int n = r.count(max, Hash.LENGTH, what);
    List<Hash> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(Hash.of(r.fixed(Hash.LENGTH, what)));
    }
    return out;
  }

  /** Unsigned big integer as u8 length then big-endian magnitude without leading zeros (at most 32 bytes). */
  static void writeBig(Writer w, BigInteger v) {
    byte[] b = v.toByteArray();
    int off = b.length > 1 && b[0] == 0 ? 1 : 0;
    int len = v.signum() == 0 ? 0 : b.length - off;
    if (len > 32) {
      throw new IllegalArgumentException("work wider than 256 bits");
    }
    w.u8(len).raw(b, off, len);
  }

  static BigInteger readBig(Reader r, String what) {
    byte[] b = r.bytes8(32, what);
    if (b.length > 0 && b[0] == 0) {
      throw new DecodeException("Expected " + what + " without leading zero bytes");
    }
    return new BigInteger(1, b);
  }

  static void writeText(Writer w, String s) {
    w.bytes8(Bytes.of(s.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * u8 length then that many bytes of well-formed UTF-8. Malformed bytes are refused, not replaced:
   * a replaced string re-encodes longer (3 bytes per U+FFFD), so an address relayed onward could no
   * longer be encoded.
   */
  static String readText(Reader r, int max, String what) {
    int at = r.position();
    byte[] b = r.bytes8(max, what);
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      throw new DecodeException("Expected UTF-8 text for " + what + " at offset " + at + " but got malformed bytes");
    }
  }

  static String clip(String s, int maxBytes) {
    String out = s;
    while (out.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }

  static <T> List<T> bounded(List<T> items, int max, String what) {
    if (items.size() > max) {
      throw new IllegalArgumentException("Expected at most " + max + " " + what + " but got " + items.size());
    }
    return List.copyOf(items);
  }
}
