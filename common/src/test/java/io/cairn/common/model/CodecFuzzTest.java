package io.cairn.common.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cairn.common.codec.DecodeException;

/**
 * Fuzz targets for the canonical codec (docs/reliability.md). The contract under fuzzing: decoding
 * arbitrary bytes either returns a value whose encoding is exactly those bytes, or throws
 * {@link DecodeException}. Any other exception, an OutOfMemoryError or a hang is a finding.
 *
 * <p>The default suite replays {@code src/test/resources/io/cairn/common/model/CodecFuzzTestInputs/<method>/};
 * {@code -Pfuzz} fuzzes one method for real.
 */
class CodecFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void transaction(byte[] input) {
    Transaction tx;
    try {
      tx = Transaction.decode(input);
    } catch (DecodeException expected) {
      return;
    }
    assertArrayEquals(input, tx.encode(), "re-encoding a decoded transaction");
    assertEquals(input.length, tx.encodedLength());
    assertEquals(tx, Transaction.decode(tx.encode()));
    tx.txid();
    tx.sender();
  }

  @FuzzTest(maxDuration = "5m")
  void header(byte[] input) {
    BlockHeader h;
    try {
      h = BlockHeader.decode(input);
    } catch (DecodeException expected) {
      return;
    }
    assertArrayEquals(input, h.encode(), "re-encoding a decoded header");
    assertEquals(h, BlockHeader.decode(h.encode()));
    h.hash();
  }

  @FuzzTest(maxDuration = "5m")
  void block(byte[] input) {
    Block b;
    try {
      b = Block.decode(input);
    } catch (DecodeException expected) {
      return;
    }
    assertArrayEquals(input, b.encode(), "re-encoding a decoded block");
    assertEquals(input.length, b.encodedLength());
    assertEquals(b, Block.decode(b.encode()));
    b.txids();
  }
}
