package io.cairn.node.p2p;

/**
 * When the next bytes of one link may go, for an upload cap of {@code bytesPerSecond}: a token bucket
 * kept as the moment its debt is paid off. A message may go once the bucket is out of debt, however
 * large it is, and its bytes are then owed; an idle link saves up at most {@code burstNanos} of
 * sending. So over any stretch of time the link sends at most the rate times that time, plus the
 * burst and one message, and a message never waits longer than the bytes before it need: the link
 * is never idle while something waits for it.
 *
 * <p>Pure: the caller passes the time (nanoseconds on any one monotonic clock). Not thread-safe; a
 * link's pacer is used on its I/O thread.
 */
final class UploadPacer {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long bytesPerSecond;
  private final long burstNanos;
  /** From this moment on the bucket is out of debt. */
  private long clearAt;

  UploadPacer(long bytesPerSecond, long burstNanos, long now) {
    if (bytesPerSecond <= 0 || burstNanos < 0) {
      throw new IllegalArgumentException("rate must be positive and burst not negative: " + bytesPerSecond
          + " B/s, " + burstNanos + " ns");
    }
    this.bytesPerSecond = bytesPerSecond;
    this.burstNanos = burstNanos;
    this.clearAt = now - burstNanos;
  }

  /** Nanoseconds from {@code now} until a message may go; 0: now. */
  long delay(long now) {
    return Math.max(0, clearAt - now);
  }

  /** {@code bytes} went at {@code now}: they are owed from there (or from what an idle link saved). */
  void sent(long bytes, long now) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes: " + bytes);
    }
    long owed = Math.multiplyExact(bytes, NANOS_PER_SECOND) / bytesPerSecond;
    clearAt = Math.max(clearAt, now - burstNanos) + owed;
  }
}
