package io.cairn.node.store;

import io.cairn.common.codec.DecodeException;
import io.cairn.common.codec.Reader;
import io.cairn.common.codec.Writer;
import io.cairn.common.model.BlockHeader;
import io.cairn.node.chain.BlockIndexEntry;
import io.cairn.node.chain.BlockIndexEntry.Status;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A row of the headers column (the key is the block hash, recomputed from the header on load):
 *
 * <pre>
 * +--------------+---------+-----------------+--------+----------------+
 * | header (126) | workLen | cumulative work | status | first-seen seq |
 * |              | u8 1-33 | unsigned BE     | u8     | u64            |
 * +--------------+---------+-----------------+--------+----------------+
 * </pre>
 *
 * Status codes on disk (stable): 0 header only, 1 body stored, 2 valid (connected at least once),
 * 3 invalid (failed validation or descends from a block that did). The work is positive and minimal
 * (no leading zero byte); anything else is refused as corruption.
 */
final class IndexEntryCodec implements Codec<BlockIndexEntry> {
  static final IndexEntryCodec INSTANCE = new IndexEntryCodec();
  private static final Status[] BY_CODE = {Status.HEADER_ONLY, Status.HAS_BODY, Status.VALID, Status.INVALID};

  static int code(Status s) {
    return switch (s) {
      case HEADER_ONLY -> 0;
      case HAS_BODY -> 1;
      case VALID -> 2;
      case INVALID -> 3;
    };
  }

  @Override
  public byte[] encode(BlockIndexEntry v) {
    byte[] work = v.cumulativeWork().toByteArray();
    if (work.length > 1 && work[0] == 0) {
      work = Arrays.copyOfRange(work, 1, work.length);
    }
    Writer w = new Writer(BlockHeader.ENCODED_LENGTH + 1 + work.length + 9);
    v.header().write(w);
    w.u8(work.length).raw(work).u8(code(v.status())).u64(v.seq());
    return w.toByteArray();
  }

  @Override
  public BlockIndexEntry decode(byte[] bytes) {
    Reader r = new Reader(bytes);
    BlockHeader h = BlockHeader.read(r);
    int workAt = r.position();
    byte[] work = r.bytes8(33, "cumulative work");
    if (work.length == 0 || work[0] == 0) {
      throw new DecodeException("Expected positive cumulative work without leading zero bytes at offset " + workAt
          + " but got " + (work.length == 0 ? "none" : "a leading zero byte"));
    }
    int at = r.position();
    int code = r.u8("status");
    if (code >= BY_CODE.length) {
      throw new DecodeException("Expected a block status 0..3 at offset " + at + " but got " + code);
    }
    long seq = r.u63("first-seen seq");
    r.finish("block index entry");
    return new BlockIndexEntry(h.hash(), h, new BigInteger(1, work), BY_CODE[code], seq);
  }
}
