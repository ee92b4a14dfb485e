package io.cairn.common.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class WriterTest {
  @Test
  void exactAndOversizedWritersGiveTheSameBytes() {
    byte[] exact = new Writer(20).u32(7).u64(-1).u64(1).toByteArray();
    byte[] roomy = new Writer(256).u32(7).u64(-1).u64(1).toByteArray();
    byte[] grown = new Writer(16).u32(7).u64(-1).u64(1).toByteArray();
    assertArrayEquals(roomy, exact);
    assertArrayEquals(roomy, grown);
  }

  @Test
  void bytesHandedOverAreNotChangedByLaterWrites() {
    Writer w = new Writer(16).u64(1).u64(2);
    byte[] first = w.toByteArray();
    byte[] copy = first.clone();
    w.u64(3); // the buffer was full: this write grows a new one
    assertArrayEquals(copy, first);
    assertArrayEquals(new Writer(24).u64(1).u64(2).u64(3).toByteArray(), w.toByteArray());
  }
}
