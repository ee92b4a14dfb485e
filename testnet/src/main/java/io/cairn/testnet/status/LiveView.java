package io.cairn.testnet.status;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The foreground status view: the live table every second until the thread is interrupted or the
 * process stops. On a terminal it redraws in place (ANSI: cursor home, clear screen); otherwise it
 * prints a block per refresh, and only when something other than the block ages changed.
 */
public final class LiveView {
  private static final String HOME_CLEAR = "\u001b[H\u001b[2J";

  private LiveView() {}

  public static void run(StatusReader reader, PrintWriter out, boolean ansi, String header, Duration every,
      LongSupplier clock) {
    String lastPlain = "";
    while (!Thread.currentThread().isInterrupted()) {
      List<NodeStatus> s = reader.read();
      long now = clock.getAsLong();
      if (ansi) {
        out.print(HOME_CLEAR + header + "\n\n" + StatusTable.live(s, now));
        out.flush();
      } else {
        String stable = StatusTable.live(s, 0);
        if (!stable.equals(lastPlain)) {
          out.print(StatusTable.live(s, now) + "\n");
          out.flush();
          lastPlain = stable;
        }
      }
      try {
        Thread.sleep(every.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
