package io.cairn.node.p2p;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.common.codec.Writer;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Sha256;
import io.cairn.common.model.Block;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.MessageCodec;
import io.cairn.node.p2p.wire.NetAddress;
import io.cairn.node.p2p.wire.PeerAddress;
import io.cairn.node.p2p.wire.ShortIds;
import io.cairn.node.p2p.wire.ShortTxid;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The message codec: round trips of every type and strict refusal of anything else. */
class WireCodecTest {
  private static final MemoryChain CHAIN = new MemoryChain(TestNodes.SPEC, MemoryChain.address(1));

  static List<Message> samples() {
    Hash h = Sha256.hash(new byte[] {1});
    ShortTxid s = ShortTxid.of(h);
    Block b = CHAIN.build(CHAIN.genesisHash(), List.of(CHAIN.tx(1, 0), CHAIN.tx(2, 5)));
    return List.of(
        new Message.Hello(1, h, h, 7420, 12, BigInteger.valueOf(123456789), "cairn/test"),
        new Message.Hello(1, h, h, 0, 0, BigInteger.ZERO, ""),
        new Message.Ping(-5), new Message.Pong(42), new Message.Bye(Reason.FLOOD, "too much"),
        new Message.InvTx(List.of(s, s)), new Message.GetTx(List.of(s)), new Message.Txs(b.transactions()),
        new Message.NotFound(true, List.of(h)), new Message.TxNotFound(List.of(s)), new Message.TxNotFound(List.of()),
        new Message.GetMempool(),
        new Message.GetHeaders(List.of(h, CHAIN.genesisHash())), new Message.Headers(List.of(b.header())),
        new Message.GetBlocks(List.of(h)), new Message.FullBlock(b), new Message.GetCompact(h),
        new Message.CompactBlock(b.header(), 99, List.of(0xffff_ffff_ffffL, 1L)),
        new Message.GetBlockTxs(h, List.of(0, 1)), new Message.BlockTxs(h, b.transactions()),
        new Message.GetAddrs(), new Message.Addrs(List.of(new NetAddress(new PeerAddress("127.0.0.1", 7420), 5))));
  }

  @Test
  void everyMessageRoundTrips() {
    for (Message m : samples()) {
      byte[] bytes = MessageCodec.encode(m);
      assertEquals(m.type().code(), bytes[0] & 0xff);
      Message back = MessageCodec.decode(bytes);
      assertEquals(m, back, m.type().name());
      assertArrayEquals(bytes, MessageCodec.encode(back));
    }
  }

  @Test
  void unknownTypeIsRefused() {
    RejectedException e = assertThrows(RejectedException.class, () -> MessageCodec.decode(new byte[] {(byte) 0x7f, 0}));
    assertEquals(Reason.UNKNOWN_MESSAGE, e.reason());
  }

  @Test
  void trailingTruncatedAndEmptyAreMalformed() {
    for (Message m : samples()) {
      byte[] bytes = MessageCodec.encode(m);
      byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
      assertEquals(Reason.MALFORMED, assertThrows(RejectedException.class, () -> MessageCodec.decode(longer)).reason());
      if (bytes.length > 1) {
        byte[] shorter = Arrays.copyOf(bytes, bytes.length - 1);
        assertEquals(Reason.MALFORMED, assertThrows(RejectedException.class, () -> MessageCodec.decode(shorter)).reason());
      }
    }
    assertEquals(Reason.MALFORMED, assertThrows(RejectedException.class, () -> MessageCodec.decode(new byte[0])).reason());
  }

  @Test
  void hostileCountsAreRefusedBeforeAllocating() {
    // INV_TX claiming 4 billion txids in a 5-byte body.
    byte[] inv = {0x10, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    assertEquals(Reason.MALFORMED, assertThrows(RejectedException.class, () -> MessageCodec.decode(inv)).reason());
    List<ShortTxid> tooMany = new ArrayList<>();
    for (int i = 0; i <= MessageCodec.MAX_INV; i++) {
      tooMany.add(ShortTxid.of(Hash.ZERO));
    }
    assertThrows(IllegalArgumentException.class, () -> new Message.InvTx(tooMany));
  }

  @Test
  void transactionsTravelByTheirTxidsFirst16Bytes() {
    Hash h = Sha256.hash(new byte[] {7});
    byte[] bytes = MessageCodec.encode(new Message.GetTx(List.of(ShortTxid.of(h))));
    // | type 0x11 | count u32 = 1 | txid[0..16] |
    assertEquals(1 + 4 + ShortTxid.LENGTH, bytes.length);
    assertArrayEquals(Arrays.copyOf(h.toArray(), 16), Arrays.copyOfRange(bytes, 5, 21));
    assertEquals(ShortTxid.of(h), ShortTxid.of(Hash.of(h.toArray())));
    // NOT_FOUND is for blocks only now; kind 0 (protocol 1's transactions by full txid) is refused.
    byte[] kind0 = new Writer().u8(0x13).u8(0).u32(0).toByteArray();
    assertEquals(Reason.MALFORMED, assertThrows(RejectedException.class, () -> MessageCodec.decode(kind0)).reason());
    assertThrows(IllegalArgumentException.class, () -> new Message.NotFound(false, List.of()));
  }

  @Test
  void workWithLeadingZeroIsMalformed() {
    byte[] bytes = new Writer().u8(0x01).u32(1).fixed(Hash.ZERO).fixed(Hash.ZERO).u32(1).u64(1)
        .u8(2).raw(new byte[] {0, 1}).u8(0).toByteArray();
    assertEquals(Reason.MALFORMED, assertThrows(RejectedException.class, () -> MessageCodec.decode(bytes)).reason());
  }

  @Test
  void shortIdsAreKeyedPerBlockAnd48Bits() {
    Block b = CHAIN.build(CHAIN.genesisHash(), List.of(CHAIN.tx(1, 0)));
    Hash id = b.transactions().get(0).txid();
    long a = ShortIds.forBlock(b.header(), 1).of(id);
    long c = ShortIds.forBlock(b.header(), 2).of(id);
    assertEquals(a, ShortIds.forBlock(b.header(), 1).of(id));
    assertEquals(0, a >>> 48);
    assertEquals(false, a == c);
  }
}
