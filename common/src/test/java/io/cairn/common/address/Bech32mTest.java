package io.cairn.common.address;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** BIP-350 test vectors for the generic Bech32m checker, plus the byte-level encode/decode. */
class Bech32mTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "A1LQFN3A",
      "a1lqfn3a",
      "an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6",
      "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx",
      "11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8",
      "split1checkupstagehandshakeupstreamerranterredcaperredlc445v",
      "?1v759aa"})
  void bip350ValidStrings(String s) throws Exception {
    Bech32m.Decoded d = Bech32m.decodeWords(s);
    String lower = s.toLowerCase(Locale.ROOT);
    assertEquals(lower.substring(0, lower.lastIndexOf('1')), d.hrp());
    assertEquals(lower.length() - d.hrp().length() - 1 - 6, d.data().length);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'\u00201xj0phk'|invalid character at position 0",
      "'\u007f1g6xzxy'|invalid character at position 0",
      "'\u00801vctc34'|invalid character at position 0",
      "an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4|too long",
      "qyrz8wqd2c9m|missing prefix or '1' separator",
      "1qyrz8wqd2c9m|missing prefix or '1' separator",
      "y1b0jsk6g|invalid character 'b'",
      "lt1igcx5c0|invalid character 'i'",
      "in1muywd|too short",
      "mm1crxm3i|invalid character 'i'",
      "au1s5cgom|invalid character 'o'",
      "M1VUXWEZ|checksum does not match",
      "16plkw9|missing prefix or '1' separator",
      "1p2gdwpf|missing prefix or '1' separator"})
  void bip350InvalidStrings(String s, String expected) {
    Bech32m.Bech32mException e = assertThrows(Bech32m.Bech32mException.class, () -> Bech32m.decodeWords(s));
    assertTrue(e.getMessage().contains(expected), "'" + s + "': " + e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"A12UEL5L", "a12uel5l", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", "?1ezyfcl"})
  void bip173Bech32StringsAreNamedAsSuch(String s) {
    Bech32m.Bech32mException e = assertThrows(Bech32m.Bech32mException.class, () -> Bech32m.decodeWords(s));
    assertTrue(e.getMessage().contains("Bech32 (BIP-173) checksum"), e.getMessage());
  }

  @Test
  void byteLevelDecodeReencodesTheVectors() throws Exception {
    for (String s : new String[] {"a1lqfn3a", "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx",
        "split1checkupstagehandshakeupstreamerranterredcaperredlc445v", "?1v759aa"}) {
      Bech32m.Decoded d = Bech32m.decode(s);
      assertEquals(s, Bech32m.encode(d.hrp(), d.data()));
    }
    // 82 words of 31 leave two one-bits of padding: fine for the checker, not for bytes.
    Bech32m.Bech32mException e = assertThrows(Bech32m.Bech32mException.class, () ->
        Bech32m.decode("11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8"));
    assertTrue(e.getMessage().contains("padding"), e.getMessage());
  }

  @Test
  void wordsOfTheAbcdefVectorCountDown() throws Exception {
    byte[] words = Bech32m.decodeWords("abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx").data();
    for (int i = 0; i < 32; i++) {
      assertEquals(31 - i, words[i]);
    }
  }

  @Test
  void encodeRefusesUpperCaseOrEmptyPrefix() {
    assertThrows(IllegalArgumentException.class, () -> Bech32m.encode("A", new byte[1]));
    assertThrows(IllegalArgumentException.class, () -> Bech32m.encode("", new byte[1]));
  }

  @Property(tries = 300)
  void bytesRoundTrip(@ForAll @Size(max = 40) byte[] data) throws Exception {
    String s = Bech32m.encode("tcairn", data);
    Bech32m.Decoded d = Bech32m.decode(s);
    assertEquals("tcairn", d.hrp());
    assertArrayEquals(data, d.data());
    assertEquals(d.hrp(), Bech32m.decode(s.toUpperCase(Locale.ROOT)).hrp());
  }

  @Property(tries = 300)
  void anySingleCharacterChangeIsDetected(@ForAll @Size(min = 1, max = 33) byte[] data,
      @ForAll("positions") int where, @ForAll("charset") char replacement) {
    String s = Bech32m.encode("tcairn", data);
    int i = 7 + Math.floorMod(where, s.length() - 7);
    if (s.charAt(i) == replacement) {
      return;
    }
    String changed = s.substring(0, i) + replacement + s.substring(i + 1);
    assertThrows(Bech32m.Bech32mException.class, () -> Bech32m.decode(changed));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Integer> positions() {
    return net.jqwik.api.Arbitraries.integers().between(0, 1000);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Character> charset() {
    return net.jqwik.api.Arbitraries.of("qpzry9x8gf2tvdw0s3jn54khce6mua7l".chars().mapToObj(c -> (char) c).toArray(Character[]::new));
  }
}
