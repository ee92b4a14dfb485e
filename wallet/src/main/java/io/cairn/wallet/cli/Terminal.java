package io.cairn.wallet.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/** The user's terminal, for prompts: visible lines and secrets read without echo. A seam for tests. */
interface Terminal {
  /** A visible line, or null at end of input. The prompt goes to the terminal or stderr, never stdout. */
  String readLine(String prompt);

  /** A secret read without echo when there is a console; else a line from stdin. Null at end of input. */
  String readSecret(String prompt);

  /** The process's console, or stdin/stderr when there is none (pipes, scripts). */
  static Terminal system() {
    return new SystemTerminal();
  }

  /** The JVM's console and standard streams. */
  final class SystemTerminal implements Terminal {
    private BufferedReader stdin;

    @Override
    public String readLine(String prompt) {
      Console c = System.console();
      if (c != null) {
        return c.readLine("%s", prompt);
      }
      return stdinLine(prompt);
    }

    @Override
    public String readSecret(String prompt) {
      Console c = System.console();
      if (c != null) {
        char[] s = c.readPassword("%s", prompt);
        return s == null ? null : new String(s);
      }
      return stdinLine(prompt);
    }

    private String stdinLine(String prompt) {
      PrintStream err = System.err;
      err.print(prompt);
      err.flush();
      try {
        if (stdin == null) {
          stdin = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        }
        String line = stdin.readLine();
        err.println();
        return line;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
      }
    }
  }
}
