package io.cairn.node.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cairn.common.codec.DecodeException;

/**
 * Fuzz target for {@link StateDelta#decode} (the store's undo records): arbitrary bytes either
 * decode to a delta whose encoding is exactly those bytes and whose undo is an exact inverse, or
 * throw {@link DecodeException}. Anything else (another exception, OutOfMemoryError, hang) is a finding.
 */
class StateDeltaFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void decode(byte[] input) {
    StateDelta d;
    try {
      d = StateDelta.decode(input);
    } catch (DecodeException expected) {
      return;
    }
    assertArrayEquals(input, d.encode(), "re-encoding a decoded delta");
    assertEquals(d, d.undo().undo());
    assertEquals(d.undo(), StateDelta.decode(d.undo().encode()));
  }
}
