package io.cairn.common.address;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for {@link Address#parse}: any text either parses to an address that encodes and
 * re-parses to itself, or is refused with {@link Reason#BAD_ADDRESS}; nothing else may escape.
 * Inputs are the UTF-8 text of the fuzzer's bytes (seed files are plain text).
 */
class AddressFuzzTest {
  private static final String PREFIX = "tcairn";

  @FuzzTest(maxDuration = "5m")
  void parse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Address a;
    try {
      a = Address.parse(text, PREFIX);
    } catch (RejectedException e) {
      assertEquals(Reason.BAD_ADDRESS, e.reason(), e.getMessage());
      return;
    }
    String encoded = a.encode(PREFIX);
    assertEquals(text.strip().toLowerCase(java.util.Locale.ROOT), encoded);
    assertEquals(a, Address.parse(encoded, PREFIX));
  }
}
