package io.cairn.common.bytes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Fuzz target for {@link Hex#decode}: any text either decodes to bytes that encode back to the
 * same digits (lower-cased, without {@code 0x}), or is refused with IllegalArgumentException.
 */
class HexFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void decode(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    byte[] bytes;
    try {
      bytes = Hex.decode(text);
    } catch (IllegalArgumentException expected) {
      return;
    }
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    assertEquals(digits.toLowerCase(Locale.ROOT), Hex.encode(bytes));
  }
}
