package io.cairn.node.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InboxBudgetTest {
  @Test
  void sixtyFourSmallMessagesPauseReading() {
    InboxBudget b = new InboxBudget();
    for (int i = 1; i < InboxBudget.PAUSE_MESSAGES; i++) {
      b.add(100);
      assertFalse(b.full(), "paused after " + i + " messages");
    }
    b.add(100);
    assertTrue(b.full());
    assertFalse(b.drained());
  }

  @Test
  void aFewLargeFramesPauseReadingLongBeforeSixtyFourMessages() {
    InboxBudget b = new InboxBudget();
    int frame = 1_100_000; // a full block's message and a little more
    for (int i = 0; i < 3; i++) {
      b.add(frame);
      assertFalse(b.full());
    }
    b.add(frame);
    assertTrue(b.full(), "4 frames of 1.1 MB (" + b.bytes() + " bytes) must pause reading");
    assertEquals(4, b.messages());
  }

  @Test
  void readingResumesOnlyWhenBothMessagesAndBytesAreLow() {
    InboxBudget b = new InboxBudget();
    b.add(3_000_000);
    for (int i = 0; i < 15; i++) {
      b.add(100);
    }
    assertFalse(b.drained(), "16 messages but 3 MB waiting");
    b.remove(3_000_000);
    assertTrue(b.drained());
    for (int i = 0; i < 10; i++) {
      b.add(100);
    }
    assertFalse(b.drained(), "25 small messages waiting");
    for (int i = 0; i < 25; i++) {
      b.remove(100);
    }
    assertTrue(b.drained());
    assertEquals(0, b.messages());
    assertEquals(0, b.bytes());
  }
}
