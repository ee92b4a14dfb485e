package io.cairn.common.bytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HexTest {
  @Property(tries = 200)
  void roundTrip(@ForAll byte[] bytes) {
    assertArrayEquals(bytes, Hex.decode(Hex.encode(bytes)));
    assertArrayEquals(bytes, Hex.decode("0x" + Hex.encode(bytes).toUpperCase(java.util.Locale.ROOT)));
  }

  @Test
  void strictDecoding() {
    assertArrayEquals(new byte[] {0x0a, (byte) 0xff}, Hex.decode("0aFF"));
    IllegalArgumentException odd = assertThrows(IllegalArgumentException.class, () -> Hex.decode("abc"));
    assertEquals("Expected an even number of hex digits but got 3", odd.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Hex.decode("0g"));
    assertEquals("Expected hex digits but got 'g' at position 1", bad.getMessage());
    // Characters outside ISO-8859-1 (one, and a surrogate pair) are named as they are.
    assertEquals("Expected hex digits but got '\u0660' at position 2",
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("00\u06600")).getMessage());
    assertEquals("Expected hex digits but got '\ud83d' at position 2",
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("00\ud83d\ude00")).getMessage());
    assertEquals("Expected hex digits but got '?' at position 0",
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("?0")).getMessage());
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    assertArrayEquals(all, Hex.decode(Hex.encode(all)));
    assertArrayEquals(all, Hex.decode(Hex.encode(all).toUpperCase(java.util.Locale.ROOT)));
    // Digits of other scripts and full-width letters are not hex digits.
    assertThrows(IllegalArgumentException.class, () -> Hex.decode("\u0663\u0663"));
    assertThrows(IllegalArgumentException.class, () -> Hex.decode("\uff21\uff21"));
    assertThrows(IllegalArgumentException.class, () -> Hex.decode(" 00"));
  }

  @Test
  void bytesValueSemantics() {
    byte[] raw = {1, 2, 3};
    Bytes b = Bytes.of(raw);
    raw[0] = 9;
    assertEquals("010203", b.toHex(), "copied in");
    b.toArray()[0] = 9;
    assertEquals("010203", b.toHex(), "copied out");
    assertEquals(Bytes.fromHex("010203"), b);
    assertEquals(Bytes.fromHex("010203").hashCode(), b.hashCode());
    assertNotEquals(Bytes.fromHex("0102"), b);
    assertTrue(Bytes.of(new byte[0]).isEmpty());
    assertEquals("h\u00e9", Bytes.utf8("h\u00e9").toUtf8());
    assertTrue(Bytes.fromHex("00ff").compareTo(Bytes.fromHex("0100")) < 0, "unsigned order");
  }
}
