package io.cairn.common.amount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz targets for {@link Amount#parse} (decimal CRN) and {@link Amount#parseUnits} (base units):
 * any text either gives an amount that formats and re-parses to itself, or is refused with
 * {@link Reason#BAD_AMOUNT}; nothing else may escape. Inputs are the UTF-8 text of the fuzzer's bytes.
 */
class AmountFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void parse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Amount a;
    try {
      a = Amount.parse(text);
    } catch (RejectedException e) {
      assertEquals(Reason.BAD_AMOUNT, e.reason(), e.getMessage());
      return;
    }
    assertTrue(a.units() >= 0);
    assertEquals(a, Amount.parse(a.format()));
    assertEquals(a, Amount.parseUnits(Long.toString(a.units())));
  }

  @FuzzTest(maxDuration = "5m")
  void parseUnits(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Amount a;
    try {
      a = Amount.parseUnits(text);
    } catch (RejectedException e) {
      assertEquals(Reason.BAD_AMOUNT, e.reason(), e.getMessage());
      return;
    }
    assertEquals(a, Amount.parseUnits(Long.toString(a.units())));
    assertEquals(a, Amount.parse(a.format()));
  }
}
