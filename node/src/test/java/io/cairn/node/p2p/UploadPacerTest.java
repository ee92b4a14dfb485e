package io.cairn.node.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pacing schedule of {@link UploadCap}, on a made-up clock (nanoseconds). */
class UploadPacerTest {
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000 * MS;
  private static final long RATE = 400_000; // bytes per second, as the bench caps
  private static final long BURST = 100 * MS;

  /** A message: when it was written and how large it is; {@code sentAt} is filled in by {@link #run}. */
  private static final class Write {
    final long at;
    final long bytes;
    long sentAt = -1;

    Write(long at, long bytes) {
      this.at = at;
      this.bytes = bytes;
    }
  }

  /**
   * Plays the writes through a pacer as {@link UploadCap} does: a write goes at once when nothing
   * waits and the pacer allows it, else it waits in order; the waiting ones go when the pacer allows.
   */
  private static void run(List<Write> writes, long rate, long burst) {
    UploadPacer pacer = new UploadPacer(rate, burst, 0);
    ArrayDeque<Write> waiting = new ArrayDeque<>();
    long now = 0;
    int next = 0;
    while (next < writes.size() || !waiting.isEmpty()) {
      long drainAt = waiting.isEmpty() ? Long.MAX_VALUE : now + pacer.delay(now);
      long writeAt = next < writes.size() ? writes.get(next).at : Long.MAX_VALUE;
      if (drainAt <= writeAt) {
        now = drainAt;
        while (!waiting.isEmpty() && pacer.delay(now) == 0) {
          Write w = waiting.poll();
          pacer.sent(w.bytes, now);
          w.sentAt = now;
        }
      } else {
        now = writeAt;
        Write w = writes.get(next++);
        if (waiting.isEmpty() && pacer.delay(now) == 0) {
          pacer.sent(w.bytes, now);
          w.sentAt = now;
        } else {
          waiting.add(w);
        }
      }
    }
  }

  @Test
  void anIdleLinkSendsAtOnceThenAtTheRate() {
    UploadPacer p = new UploadPacer(RATE, BURST, 0);
    long t = 5 * SECOND;
    assertEquals(0, p.delay(t));
    p.sent(40_000, t); // exactly the 100 ms an idle link saved up
    assertEquals(0, p.delay(t));
    p.sent(40_000, t); // owed: the next bytes wait the 100 ms these take
    assertEquals(100 * MS, p.delay(t));
    assertEquals(0, p.delay(t + 100 * MS));
  }

  @Test
  void aMessageLargerThanTheBurstGoesWhenTheLinkIsClearAndIsOwedAfterwards() {
    UploadPacer p = new UploadPacer(RATE, BURST, 0);
    p.sent(4_000_000, SECOND);
    assertEquals(10 * SECOND - BURST, p.delay(SECOND));
  }

  /**
   * The bug this class replaced: after a syncing peer's 16 block requests were answered at once
   * (16 x 80 kB, 3.2 s at 400 kB/s), a write shortly afterwards waited for those bytes twice in
   * Netty's traffic shaping (about 6.3 s), and the link was silent for 3 s with data waiting. Here
   * it goes as soon as the bytes before it are sent.
   */
  @Test
  void aWriteAfterABurstWaitsOnlyForTheBytesBeforeIt() {
    List<Write> writes = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      writes.add(new Write(0, 80_000));
    }
    Write late = new Write(100 * MS + MS, 80_000);
    writes.add(late);
    run(writes, RATE, BURST);
    long owedBefore = 16 * 80_000 * SECOND / RATE - BURST;
    assertEquals(owedBefore, late.sentAt);
  }

  /**
   * Random writes of TLS-record sizes, in bursts and pauses: the link never sends more than the
   * rate allows over any stretch (plus the saved-up burst and one message), in order, and is never
   * idle while something waits.
   */
  @Test
  void neverFasterThanTheRateAndNeverIdleWhileSomethingWaits() {
    Random r = new Random(42);
    for (int round = 0; round < 20; round++) {
      long rate = 1_000 + r.nextInt(2_000_000);
      List<Write> writes = new ArrayList<>();
      long t = r.nextInt(1_000) * MS;
      for (int i = 0; i < 400; i++) {
        t += r.nextInt(4) == 0 ? r.nextInt(2_000) * MS : r.nextInt(3) * MS;
        writes.add(new Write(t, 1 + r.nextInt(16_700)));
      }
      run(writes, rate, BURST);
      long maxMessage = writes.stream().mapToLong(w -> w.bytes).max().orElseThrow();
      for (int i = 0; i < writes.size(); i++) {
        Write w = writes.get(i);
        assertTrue(w.sentAt >= w.at, "sent before it was written");
        if (i > 0) {
          assertTrue(w.sentAt >= writes.get(i - 1).sentAt, "out of order");
        }
        // Over any stretch ending with this message, at most the rate's worth plus burst and one message.
        long bytes = 0;
        for (int j = i; j >= 0; j--) {
          bytes += writes.get(j).bytes;
          long stretch = w.sentAt - writes.get(j).sentAt;
          long allowed = (stretch + BURST) * rate / SECOND + maxMessage + (i - j + 1); // + rounding, 1 ns a message
          assertTrue(bytes <= allowed, "round " + round + ": " + bytes + " bytes in " + stretch + " ns at " + rate + " B/s");
        }
        // Work-conserving: a message that waited went the moment the bytes before it were paid for.
        if (w.sentAt > w.at && i > 0) {
          Write prev = writes.get(i - 1);
          long clear = prev.sentAt + prev.bytes * SECOND / rate;
          assertTrue(w.sentAt <= Math.max(clear, prev.sentAt), "round " + round + ": idle " + (w.sentAt - clear)
              + " ns with message " + i + " waiting");
        }
      }
    }
  }

  @Test
  void rejectsANonPositiveRate() {
    assertThrows(IllegalArgumentException.class, () -> new UploadPacer(0, BURST, 0));
    assertThrows(IllegalArgumentException.class, () -> new UploadPacer(RATE, -1, 0));
  }
}
