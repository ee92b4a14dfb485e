package io.cairn.common.amount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountTest {

  @ParameterizedTest
  @CsvSource({
      "0, 0, 0",
      "0.0, 0, 0",
      "1, 100000000, 1",
      "1.5, 150000000, 1.5",
      "1.50000000, 150000000, 1.5",
      "0.00000001, 1, 0.00000001",
      "0.1, 10000000, 0.1",
      "007, 700000000, 7",
      "12.345, 1234500000, 12.345",
      "92233720368.54775807, 9223372036854775807, 92233720368.54775807",
      "92233720368, 9223372036800000000, 92233720368"})
  void parsesAndFormatsExactly(String text, long units, String formatted) {
    Amount a = Amount.parse(text);
    assertEquals(units, a.units());
    assertEquals(formatted, a.format());
    assertEquals(formatted + " CRN", a.display());
    assertEquals(a, Amount.parse(a.format()));
  }

  @Test
  void maxIsLongMax() {
    assertEquals(Amount.MAX, Amount.parse("92233720368.54775807"));
    assertEquals(Long.MAX_VALUE, Amount.MAX.units());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "92233720368.54775808|is too large; the maximum is 92233720368.54775807",
      "92233720369|is too large",
      "99999999999999999999999|is too large",
      "1.000000001|has 9 decimals; at most 8 are allowed",
      "0.000000000|has 9 decimals",
      "-1|negative amount",
      "-0.5|negative amount",
      "1e5|is not a decimal number",
      "1E5|is not a decimal number",
      "+5|is not a decimal number",
      "abc|is not a decimal number",
      "1,5|is not a decimal number",
      "1.2.3|is not a decimal number",
      "1 000|is not a decimal number",
      "0x10|is not a decimal number",
      "１|is not a decimal number",
      "NaN|is not a decimal number",
      ".5|needs a digit before the decimal point",
      ".|needs a digit before the decimal point",
      "5.|needs a digit after the decimal point"})
  void rejectsWithAClearMessage(String text, String message) {
    RejectedException e = assertThrows(RejectedException.class, () -> Amount.parse(text));
    assertEquals(Reason.BAD_AMOUNT, e.reason());
    assertTrue(e.getMessage().contains(message), "'" + text + "' gave: " + e.getMessage());
  }

  @Test
  void emptyAndWhitespace() {
    for (String s : new String[] {"", " ", "\t\n", null}) {
      RejectedException e = assertThrows(RejectedException.class, () -> Amount.parse(s));
      assertEquals("empty amount", e.getMessage());
    }
    assertEquals(Amount.parse("1.5"), Amount.parse(" 1.5\n"), "surrounding whitespace is trimmed");
  }

  @Test
  void parseUnits() {
    assertEquals(0, Amount.parseUnits("0").units());
    assertEquals(Long.MAX_VALUE, Amount.parseUnits("9223372036854775807").units());
    for (String bad : new String[] {"", "-1", "1.5", " 1", "1e3", "9223372036854775808"}) {
      RejectedException e = assertThrows(RejectedException.class, () -> Amount.parseUnits(bad), bad);
      assertEquals(Reason.BAD_AMOUNT, e.reason());
    }
    assertThrows(RejectedException.class, () -> Amount.parseUnits(null));
  }

  @Test
  void checkedArithmetic() {
    assertEquals(Amount.MAX, Amount.MAX.minus(Amount.ofUnits(1)).plus(Amount.ofUnits(1)));
    assertThrows(ArithmeticException.class, () -> Amount.MAX.plus(Amount.ofUnits(1)));
    assertThrows(ArithmeticException.class, () -> Amount.ofUnits(1).minus(Amount.ofUnits(2)));
    assertEquals(Amount.ZERO, Amount.ofUnits(5).minus(Amount.ofUnits(5)));
    assertThrows(ArithmeticException.class, () -> Amount.ofCrn(92_233_720_369L));
    assertEquals(100_000_000L, Amount.ofCrn(1).units());
    assertThrows(IllegalArgumentException.class, () -> Amount.ofUnits(-1));
    assertTrue(Amount.ofUnits(0).isZero());
    assertTrue(Amount.ofUnits(1).compareTo(Amount.ofUnits(2)) < 0);
  }

  @Property(tries = 500)
  void formatParseRoundTrip(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long units) {
    Amount a = Amount.ofUnits(units);
    assertEquals(a, Amount.parse(a.format()));
    assertEquals(a, Amount.parseUnits(Long.toString(units)));
  }
}
