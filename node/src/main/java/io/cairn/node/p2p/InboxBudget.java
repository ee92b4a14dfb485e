package io.cairn.node.p2p;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one peer's {@link Inbox} holds, in messages and in wire bytes, and whether its link's reading
 * should pause or may resume. Counting bytes as well as messages bounds what a peer can make the node
 * hold by size: 64 frames of up to 4 MiB each would otherwise be 256 MiB for one peer. Thread-safe:
 * arrivals are counted on the link's I/O thread, departures on the network thread.
 */
final class InboxBudget {
  /** Reading pauses with this many messages waiting... */
  static final int PAUSE_MESSAGES = 64;
  /** ...or this many bytes (about four full blocks' messages; the frame that crosses it is still held). */
  static final long PAUSE_BYTES = 4L << 20;
  /** It resumes once both are down to these. */
  static final int RESUME_MESSAGES = 16;
  static final long RESUME_BYTES = 1L << 20;

  private final AtomicInteger messages = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();

  /** Counts an arrival of {@code size} bytes; the messages now held. */
  int add(int size) {
    bytes.addAndGet(size);
    return messages.incrementAndGet();
  }

  /** Counts a departure of {@code size} bytes; the messages left. */
  int remove(int size) {
    bytes.addAndGet(-size);
    return messages.decrementAndGet();
  }

  /** Enough is waiting that the link should not be read for now. */
  boolean full() {
    return messages.get() >= PAUSE_MESSAGES || bytes.get() >= PAUSE_BYTES;
  }

  /** Little enough is waiting that a paused link may be read again. */
  boolean drained() {
    return messages.get() <= RESUME_MESSAGES && bytes.get() <= RESUME_BYTES;
  }

  int messages() {
    return messages.get();
  }

  long bytes() {
    return bytes.get();
  }
}
