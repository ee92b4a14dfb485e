package io.cairn.common.address;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.codec.DecodeException;
import io.cairn.common.crypto.PublicKey;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import io.cairn.common.testing.Fixtures;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AddressTest {
  private static final String PREFIX = "tcairn";
  private final Address address = Fixtures.address(0);
  private final String text = address.encode(PREFIX);

  @Test
  void equalityAndHashFollowTheKeyInEveryByte() {
    byte[] k = new byte[PublicKey.LENGTH];
    k[5] = 7;
    Address a = Address.of(PublicKey.of(k));
    assertEquals(a, Address.of(PublicKey.of(k.clone())));
    assertEquals(a.hashCode(), Address.of(PublicKey.of(k.clone())).hashCode());
    for (int i = 0; i < k.length; i++) {
      byte[] other = k.clone();
      other[i] ^= 1;
      assertTrue(!a.equals(Address.of(PublicKey.of(other))), "differs in byte " + i);
    }
    java.util.Set<Integer> hashes = new java.util.HashSet<>();
    for (int i = 0; i < 256; i++) {
      byte[] b = new byte[PublicKey.LENGTH];
      b[0] = (byte) i;
      b[31] = (byte) (255 - i);
      hashes.add(Address.of(PublicKey.of(b)).hashCode());
    }
    assertEquals(256, hashes.size(), "keys differing in their first and last bytes hash apart");
  }

  @Test
  void roundTripsThroughText() {
    assertTrue(text.startsWith("tcairn1"), text);
    assertEquals(66, text.length());
    assertEquals(address, Address.parse(text, PREFIX));
    assertEquals(address, Address.parse("  " + text + "\n", PREFIX), "surrounding whitespace is trimmed");
    assertEquals(address, Address.parse(text.toUpperCase(Locale.ROOT), PREFIX), "all upper case is valid Bech32m");
    for (int i = 0; i < Fixtures.ACCOUNTS; i++) {
      Address a = Fixtures.address(i);
      assertEquals(a, Address.parse(a.encode(PREFIX), PREFIX));
    }
  }

  @Test
  void roundTripsThroughPayload() {
    byte[] payload = address.payload();
    assertEquals(Address.ENCODED_LENGTH, payload.length);
    assertEquals(0, payload[0]);
    assertArrayEquals(address.key().toArray(), java.util.Arrays.copyOfRange(payload, 1, 33));
    assertEquals(address, Address.fromPayload(payload));
  }

  @Test
  void wrongChecksum() {
    char last = text.charAt(text.length() - 1);
    String bad = text.substring(0, text.length() - 1) + (last == 'q' ? 'p' : 'q');
    assertRejected(bad, "checksum does not match");
  }

  @Test
  void wrongPrefix() {
    assertRejected(address.encode("cairn"), "wrong prefix: expected 'tcairn' but got 'cairn'");
  }

  @Test
  void mixedCase() {
    assertRejected("T" + text.substring(1), "mixed upper and lower case");
  }

  @Test
  void wrongLength() {
    assertRejected(Bech32m.encode(PREFIX, new byte[32]), "wrong length: expected 33 bytes of payload but got 32");
    assertRejected(Bech32m.encode(PREFIX, new byte[34]), "wrong length: expected 33 bytes of payload but got 34");
  }

  @Test
  void wrongVersion() {
    byte[] payload = address.payload();
    payload[0] = 1;
    assertRejected(Bech32m.encode(PREFIX, payload), "unsupported address version 1, expected 0");
  }

  @Test
  void bech32InsteadOfBech32m() {
    String bech32 = TestBech32.encode(PREFIX, address.payload());
    assertRejected(bech32, "Bech32 (BIP-173) checksum; addresses use Bech32m (BIP-350)");
  }

  @Test
  void emptyGarbageAndTooLong() {
    assertRejected("", "empty address");
    assertRejected("   ", "empty address");
    assertRejected(null, "empty address");
    assertRejected("tcairn", "missing prefix or '1' separator");
    assertRejected("tcairn1bbbbbbbb", "invalid character 'b'");
    assertRejected(PREFIX + "1" + "q".repeat(90), "too long");
  }

  @Test
  void binaryVersionIsChecked() {
    byte[] payload = address.payload();
    payload[0] = 2;
    DecodeException e = assertThrows(DecodeException.class, () -> Address.fromPayload(payload));
    assertEquals("Expected address version 0 at offset 0 but got 2", e.getMessage());
    assertThrows(DecodeException.class, () -> Address.fromPayload(java.util.Arrays.copyOf(address.payload(), 34)));
    assertThrows(IllegalArgumentException.class, () -> new Address(1, PublicKey.of(new byte[32])));
  }

  @Test
  void zeroAddressIsAllZeroKey() {
    assertArrayEquals(new byte[32], Address.ZERO.key().toArray());
    assertEquals(Address.ZERO, Address.parse(Address.ZERO.encode(PREFIX), PREFIX));
  }

  private static void assertRejected(String input, String message) {
    RejectedException e = assertThrows(RejectedException.class, () -> Address.parse(input, PREFIX));
    assertEquals(Reason.BAD_ADDRESS, e.reason());
    assertTrue(e.getMessage().contains(message), "for '" + input + "' got: " + e.getMessage());
  }

  /** Original Bech32 (BIP-173, checksum constant 1), only to produce the wrong-variant input. */
  static final class TestBech32 {
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    static String encode(String hrp, byte[] data) {
      byte[] words = Bech32m.convertBits(data, 8, 5, true);
      int[] values = new int[hrp.length() * 2 + 1 + words.length + 6];
      for (int i = 0; i < hrp.length(); i++) {
        values[i] = hrp.charAt(i) >> 5;
        values[hrp.length() + 1 + i] = hrp.charAt(i) & 31;
      }
      for (int i = 0; i < words.length; i++) {
        values[2 * hrp.length() + 1 + i] = words[i];
      }
      int mod = polymod(values) ^ 1;
      StringBuilder sb = new StringBuilder(hrp).append('1');
      for (byte w : words) {
        sb.append(CHARSET.charAt(w));
      }
      for (int i = 0; i < 6; i++) {
        sb.append(CHARSET.charAt((mod >>> (5 * (5 - i))) & 31));
      }
      return sb.toString();
    }

    private static int polymod(int[] values) {
      int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
      int chk = 1;
      for (int v : values) {
        int top = chk >>> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ v;
        for (int i = 0; i < 5; i++) {
          if (((top >>> i) & 1) != 0) {
            chk ^= gen[i];
          }
        }
      }
      return chk;
    }
  }
}
