package io.cairn.common.amount;

import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;

/**
 * A non-negative quantity of base units; 1 CRN = 100,000,000 base units. Arithmetic is checked:
 * overflow or a negative result is an {@link ArithmeticException}, never a wrap. Text is parsed and
 * formatted exactly, without floating point.
 */
public record Amount(long units) implements Comparable<Amount> {
  public static final int DECIMALS = 8;
  public static final long UNITS_PER_CRN = 100_000_000L;
  public static final Amount ZERO = new Amount(0);
  public static final Amount MAX = new Amount(Long.MAX_VALUE);

  public Amount {
    if (units < 0) {
      throw new IllegalArgumentException("Amount must not be negative: " + units);
    }
  }

  public static Amount ofUnits(long units) {
    return units == 0 ? ZERO : new Amount(units);
  }

  public static Amount ofCrn(long crn) {
    return new Amount(Math.multiplyExact(crn, UNITS_PER_CRN));
  }

  public Amount plus(Amount other) {
    return new Amount(Math.addExact(units, other.units));
  }

  /** @throws ArithmeticException when the result would be negative */
  public Amount minus(Amount other) {
    long r = units - other.units;
    if (r < 0) {
      throw new ArithmeticException("Amount underflow: " + units + " - " + other.units);
    }
    return new Amount(r);
  }

  public boolean isZero() {
    return units == 0;
  }

  /**
   * Parses a decimal CRN amount such as {@code 1.5} or {@code 0.00000001}.
   *
   * @throws RejectedException {@link Reason#BAD_AMOUNT} saying what is wrong
   */
  public static Amount parse(String text) {
    if (text == null || text.isBlank()) {
      throw bad("empty amount");
    }
    String s = text.strip();
    if (s.startsWith("-")) {
      throw bad("negative amount '" + s + "'");
    }
    int dot = s.indexOf('.');
    String whole = dot < 0 ? s : s.substring(0, dot);
    String frac = dot < 0 ? "" : s.substring(dot + 1);
    if (whole.isEmpty()) {
      throw bad("'" + s + "' needs a digit before the decimal point");
    }
    if (dot >= 0 && frac.isEmpty()) {
      throw bad("'" + s + "' needs a digit after the decimal point");
    }
    if (!digits(whole) || !digits(frac)) {
      throw bad("'" + s + "' is not a decimal number (digits and at most one '.', no exponent, sign or separators)");
    }
    if (frac.length() > DECIMALS) {
      throw bad("'" + s + "' has " + frac.length() + " decimals; at most " + DECIMALS + " are allowed");
    }
    try {
      long w = Long.parseLong(whole);
      long f = frac.isEmpty() ? 0 : Long.parseLong(frac + "0".repeat(DECIMALS - frac.length()));
      return ofUnits(Math.addExact(Math.multiplyExact(w, UNITS_PER_CRN), f));
    } catch (NumberFormatException | ArithmeticException e) {
      throw bad("'" + s + "' is too large; the maximum is " + MAX.format());
    }
  }

  /**
   * Parses a whole number of base units (the JSON form of amounts).
   *
   * @throws RejectedException {@link Reason#BAD_AMOUNT}
   */
  public static Amount parseUnits(String text) {
    if (text == null || text.isEmpty() || !digits(text)) {
      throw bad("expected a whole number of base units but got '" + text + "'");
    }
    try {
      return ofUnits(Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw bad("'" + text + "' base units is too large; the maximum is " + Long.MAX_VALUE);
    }
  }

  /** Exact decimal form with trailing zeros trimmed: {@code 1.5}, {@code 0.00000001}, {@code 12}. */
  public String format() {
    long whole = units / UNITS_PER_CRN;
    long frac = units % UNITS_PER_CRN;
    if (frac == 0) {
      return Long.toString(whole);
    }
    String f = String.format("%08d", frac);
    int end = f.length();
    while (f.charAt(end - 1) == '0') {
      end--;
    }
    return whole + "." + f.substring(0, end);
  }

  /** {@code 1.5 CRN}. */
  public String display() {
    return format() + " CRN";
  }

  @Override
  public int compareTo(Amount o) {
    return Long.compare(units, o.units);
  }

  @Override
  public String toString() {
    return format();
  }

  private static boolean digits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static RejectedException bad(String detail) {
    return new RejectedException(Reason.BAD_AMOUNT, detail);
  }
}
