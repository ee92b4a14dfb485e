package io.cairn.testnet.cli;

import java.util.Map;

/**
 * How the user ran this command, for the commands we print to copy and paste: the root {@code ./cairn}
 * script exports its own {@code $0} as {@code CAIRN_COMMAND} ({@code ./cairn}, {@code ../cairn}, a
 * full path), so a printed "send a transfer" line runs as it is; without it (the jar run directly)
 * the bare name {@code cairn}.
 */
final class Self {
  static final String ENV = "CAIRN_COMMAND";

  private Self() {}

  static String command() {
    return command(System.getenv());
  }

  static String command(Map<String, String> env) {
    String s = env.get(ENV);
    if (s == null || s.isBlank()) {
      return "cairn";
    }
    return s.matches("[A-Za-z0-9_./+:@%-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
