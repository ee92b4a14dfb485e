package io.cairn.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.codec.DecodeException;
import io.cairn.common.codec.Writer;
import io.cairn.common.testing.Fixtures;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Length and count fields that lie: refused before anything is sized from them. */
class HostileBlockTest {
  private final BlockHeader header = Fixtures.genesis().header();

  private byte[] blockWithCount(long count, int trailing) {
    Writer w = new Writer();
    header.write(w);
    w.u32(count).raw(new byte[trailing]);
    return w.toByteArray();
  }

  @Test
  void countOverTheLimitIsRefused() {
    DecodeException e = assertThrows(DecodeException.class, () -> Block.decode(blockWithCount(0xffffffffL, 10)));
    assertTrue(e.getMessage().startsWith("Expected at most"), e.getMessage());
    assertTrue(e.getMessage().endsWith("transactions at offset 126 but got 4294967295"), e.getMessage());
  }

  @Test
  void countTheInputCannotHoldIsRefusedByTheReader() {
    int max = Block.MAX_ENCODED_LENGTH / Transaction.MIN_ENCODED_LENGTH;
    DecodeException e = assertThrows(DecodeException.class, () -> Block.decode(blockWithCount(max, 10)));
    assertEquals("Expected room for " + max + " transactions at offset 126 but only 10 bytes remain", e.getMessage());
    e = assertThrows(DecodeException.class, () -> Block.decode(blockWithCount(2, Transaction.MIN_ENCODED_LENGTH + 1)));
    assertTrue(e.getMessage().contains("room for 2 transactions"), e.getMessage());
  }

  @Test
  void oversizedInputIsRefusedBeforeParsing() {
    byte[] big = new byte[Block.MAX_ENCODED_LENGTH + 1];
    DecodeException e = assertThrows(DecodeException.class, () -> Block.decode(big));
    assertEquals("Expected a block of at most 8388608 bytes but got 8388609", e.getMessage());
  }

  @Test
  void hostileCountAllocatesAlmostNothing() {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    org.junit.jupiter.api.Assumptions.assumeTrue(mx.isThreadAllocatedMemorySupported());
    mx.setThreadAllocatedMemoryEnabled(true);
    int max = Block.MAX_ENCODED_LENGTH / Transaction.MIN_ENCODED_LENGTH;
    byte[] hostile = blockWithCount(max, 10);
    for (int warm = 0; warm < 3; warm++) {
      assertThrows(DecodeException.class, () -> Block.decode(hostile));
    }
    long tid = Thread.currentThread().getId();
    long before = mx.getThreadAllocatedBytes(tid);
    assertThrows(DecodeException.class, () -> Block.decode(hostile));
    long allocated = mx.getThreadAllocatedBytes(tid) - before;
    // A list sized from the count (~49,000 references) would be ~200 KB.
    assertTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes for a hostile count");
  }

  @Test
  void validBlockWithTransactionsDecodes() {
    Block b = Fixtures.block(Fixtures.genesisHash(), 1, Fixtures.GENESIS_TIME_MS + 1, Fixtures.transfers(3));
    assertEquals(b, Block.decode(b.encode()));
    assertEquals(3, b.txids().size());
    assertEquals(Merkle.root(b.txids()), b.header().merkleRoot());
    assertEquals(List.of(), Fixtures.genesis().transactions());
  }
}
