package io.cairn.common.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.common.bytes.Bytes;
import org.junit.jupiter.api.Test;

class ReaderTest {
  @Test
  void readsBigEndian() {
    byte[] b = new Writer().u8(0xab).u32(0xdeadbeefL).u64(-2).u64(Long.MAX_VALUE).toByteArray();
    Reader r = new Reader(b);
    assertEquals(0xab, r.u8("a"));
    assertEquals(0xdeadbeefL, r.u32("b"));
    assertEquals(-2, r.u64("c"));
    assertEquals(Long.MAX_VALUE, r.u63("d"));
    r.finish("test");
  }

  @Test
  void u63RejectsTheTopBit() {
    DecodeException e = assertThrows(DecodeException.class, () -> new Reader(new Writer().u64(-1).toByteArray()).u63("amount"));
    assertEquals("Expected a non-negative amount at offset 0 but got 18446744073709551615", e.getMessage());
  }

  @Test
  void truncationSaysWhatWhereAndHowMuch() {
    Reader r = new Reader(new byte[] {1, 2, 3});
    r.u8("version");
    DecodeException e = assertThrows(DecodeException.class, () -> r.u32("nonce"));
    assertEquals("Expected 4 bytes for nonce at offset 1 but got 2", e.getMessage());
  }

  @Test
  void trailingBytesAreRejected() {
    Reader r = new Reader(new byte[] {1, 2});
    r.u8("x");
    DecodeException e = assertThrows(DecodeException.class, () -> r.finish("thing"));
    assertEquals("Expected end of thing at offset 1 but 1 bytes remain", e.getMessage());
  }

  @Test
  void hostileLengthsAreCheckedBeforeAllocating() {
    // u32 length 0xffffffff with 10 bytes left: refused by the limit, nothing allocated.
    byte[] huge = new Writer().u32(0xffffffffL).raw(new byte[10]).toByteArray();
    DecodeException e = assertThrows(DecodeException.class, () -> new Reader(huge).bytes32(1 << 20, "payload"));
    assertEquals("Expected at most 1048576 bytes for payload at offset 0 but got 4294967295", e.getMessage());
    // Within the limit but more than the input holds: refused by the remaining-bytes check.
    byte[] lying = new Writer().u32(1_000_000).raw(new byte[10]).toByteArray();
    e = assertThrows(DecodeException.class, () -> new Reader(lying).bytes32(1 << 20, "payload"));
    assertEquals("Expected 1000000 bytes for payload at offset 4 but got 10", e.getMessage());
    // u8 lengths over their own limit.
    byte[] memo = new Writer().u8(200).raw(new byte[200]).toByteArray();
    e = assertThrows(DecodeException.class, () -> new Reader(memo).bytes8(64, "memo"));
    assertEquals("Expected at most 64 bytes for memo at offset 0 but got 200", e.getMessage());
  }

  @Test
  void hostileCountsAreCheckedAgainstTheRemainingBytes() {
    byte[] max = new Writer().u32(0xffffffffL).raw(new byte[10]).toByteArray();
    DecodeException e = assertThrows(DecodeException.class, () -> new Reader(max).count(50_000, 155, "transactions"));
    assertEquals("Expected at most 50000 transactions at offset 0 but got 4294967295", e.getMessage());
    byte[] lying = new Writer().u32(40_000).raw(new byte[10]).toByteArray();
    e = assertThrows(DecodeException.class, () -> new Reader(lying).count(50_000, 155, "transactions"));
    assertEquals("Expected room for 40000 transactions at offset 0 but only 10 bytes remain", e.getMessage());
    // Zero-size elements still need a byte each.
    byte[] zeroSize = new Writer().u32(11).raw(new byte[10]).toByteArray();
    assertThrows(DecodeException.class, () -> new Reader(zeroSize).count(100, 0, "things"));
    assertEquals(10, new Reader(new Writer().u32(10).raw(new byte[10]).toByteArray()).count(100, 0, "things"));
  }

  @Test
  void slices() {
    byte[] b = {9, 1, 2, 9};
    Reader r = new Reader(b, 1, 2);
    assertEquals(2, r.remaining());
    assertArrayEquals(new byte[] {1, 2}, r.fixed(2, "x"));
    assertThrows(DecodeException.class, () -> r.u8("y"));
    assertThrows(IllegalArgumentException.class, () -> new Reader(b, 3, 2));
    assertThrows(IllegalArgumentException.class, () -> new Reader(b, 1, Integer.MAX_VALUE));
    assertThrows(IllegalArgumentException.class, () -> new Reader(b, -1, 1));
  }

  @Test
  void writerRangeChecks() {
    assertThrows(IllegalArgumentException.class, () -> new Writer().u8(256));
    assertThrows(IllegalArgumentException.class, () -> new Writer().u8(-1));
    assertThrows(IllegalArgumentException.class, () -> new Writer().u32(1L << 32));
    assertThrows(IllegalArgumentException.class, () -> new Writer().bytes8(Bytes.of(new byte[256])));
    Writer w = new Writer(1);
    for (int i = 0; i < 1000; i++) {
      w.u8(i & 0xff);
    }
    assertEquals(1000, w.size());
    assertEquals(999 & 0xff, w.toByteArray()[999] & 0xff);
  }
}
