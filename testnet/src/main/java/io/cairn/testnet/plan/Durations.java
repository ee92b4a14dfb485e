package io.cairn.testnet.plan;

import java.time.Duration;
import java.util.Locale;

/** Parses durations as users write them: {@code 2s}, {@code 500ms}, {@code 1m}, {@code 1h}, or plain seconds. */
public final class Durations {
  private Durations() {}

  /**
   * Parses a positive duration.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static Duration parse(String text) {
    String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,9})(ms|s|m|h)?").matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration: use e.g. 500ms, 2s, 1m or 1h");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration d = switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
    if (d.isZero()) {
      throw new IllegalArgumentException("'" + text + "': the duration must be greater than zero");
    }
    return d;
  }

  /** Short human form: {@code 2s}, {@code 1.5s}, {@code 250ms}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
  }
}
