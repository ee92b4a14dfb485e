package io.cairn.node.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.crypto.Hash;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.MessageCodec;
import io.cairn.node.p2p.wire.MessageType;
import io.cairn.node.p2p.wire.NodeId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.TooLongFrameException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Framing, message codec and handshake handlers on EmbeddedChannel. */
class PipelineTest {
  private static final Hash GENESIS = Hash.of(new byte[32]);
  private static final NodeId SELF = NodeKey.generate().id();

  private static EmbeddedChannel framed(P2pStats stats) {
    return new EmbeddedChannel(new LengthFieldBasedFrameDecoder(1 << 20, 0, 4, 0, 4), new LengthFieldPrepender(4),
        new MessageCodecHandler(stats));
  }

  @Test
  void framesRoundTripAndCountBytesPerType() {
    P2pStats stats = new P2pStats();
    EmbeddedChannel ch = framed(stats);
    assertTrue(ch.writeOutbound(new Message.Ping(7)));
    ByteBuf wire = Unpooled.buffer();
    for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
      wire.writeBytes(b);
      b.release();
    }
    assertEquals(4 + 1 + 8, wire.readableBytes());
    // Deliver it in two pieces: the frame decoder must wait for the whole frame.
    ch.writeInbound(wire.readRetainedSlice(6));
    assertNull(ch.readInbound());
    ch.writeInbound(wire);
    assertEquals(new Message.Ping(7), ch.readInbound());
    assertEquals(13L, stats.snapshot().bytesOut().get(MessageType.PING));
    assertEquals(13L, stats.snapshot().bytesIn().get(MessageType.PING));
    ch.finishAndReleaseAll();
  }

  @Test
  void oversizedFrameIsAProtocolBreach() {
    EmbeddedChannel ch = framed(new P2pStats());
    DecoderException e = assertThrows(DecoderException.class, () ->
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x7f, 0, 0, 0, 1, 2, 3})));
    assertInstanceOf(TooLongFrameException.class, e);
    assertEquals(Reason.FRAME_TOO_LARGE, PeerHandler.breach(e).reason());
  }

  @Test
  void unknownTypeAndGarbageAreBreaches() {
    EmbeddedChannel ch = framed(new P2pStats());
    DecoderException unknown = assertThrows(DecoderException.class, () ->
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 1, (byte) 0xee})));
    assertEquals(Reason.UNKNOWN_MESSAGE, PeerHandler.breach(unknown).reason());
    DecoderException garbage = assertThrows(DecoderException.class, () ->
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 3, 0x02, 1, 2})));
    assertEquals(Reason.MALFORMED, PeerHandler.breach(garbage).reason());
    assertNull(PeerHandler.breach(new java.io.IOException("reset")));
  }

  /** Records the events the handshake handler fires upwards. */
  private static final class Events extends ChannelInboundHandlerAdapter {
    final List<Object> seen = new ArrayList<>();

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      seen.add(evt);
    }
  }

  private static final long V = MessageCodec.PROTOCOL_VERSION;

  private static Message.Hello hello(Hash genesis, NodeId id, long version) {
    return new Message.Hello(version, genesis, id.hash(), 7420, 3, BigInteger.TEN, "test");
  }

  @Test
  void handshakeSucceedsAndRemovesItself() {
    Events events = new Events();
    EmbeddedChannel ch = new EmbeddedChannel(new HandshakeHandler(() -> hello(GENESIS, SELF, V), SELF, false, 60_000), events); // no timeout here
    assertInstanceOf(Message.Hello.class, ch.readOutbound());
    NodeId peer = NodeKey.generate().id();
    ch.writeInbound(hello(GENESIS, peer, V));
    HandshakeHandler.Handshaken done = (HandshakeHandler.Handshaken) events.seen.get(0);
    assertEquals(peer, done.nodeId());
    assertNull(ch.pipeline().get(HandshakeHandler.class));
    ch.writeInbound(new Message.Ping(1));
    assertEquals(new Message.Ping(1), ch.readInbound(), "later messages pass straight through");
  }

  private static Rejected failure(Message first) {
    Events events = new Events();
    EmbeddedChannel ch = new EmbeddedChannel(new HandshakeHandler(() -> hello(GENESIS, SELF, V), SELF, false, 60_000), events); // no timeout here
    ch.readOutbound();
    ch.writeInbound(first);
    Message.Bye bye = ch.readOutbound();
    assertNotNull(bye);
    assertFalse(ch.isOpen());
    Rejected r = ((HandshakeHandler.HandshakeFailed) events.seen.get(0)).rejected();
    assertEquals(r.reason(), bye.reason());
    return r;
  }

  @Test
  void handshakeRefusals() {
    assertEquals(Reason.WRONG_GENESIS, failure(hello(Hash.of(new byte[32]).equals(GENESIS)
        ? io.cairn.common.crypto.Sha256.hash(new byte[1]) : GENESIS, NodeKey.generate().id(), V)).reason());
    assertEquals(Reason.INCOMPATIBLE_VERSION, failure(hello(GENESIS, NodeKey.generate().id(), 0)).reason());
    // Protocol 1 relayed transactions by full txid: its INV_TX would not parse here.
    assertEquals(Reason.INCOMPATIBLE_VERSION, failure(hello(GENESIS, NodeKey.generate().id(), 1)).reason());
    assertEquals(Reason.SELF_CONNECTION, failure(hello(GENESIS, SELF, V)).reason());
    assertEquals(Reason.BAD_HANDSHAKE, failure(new Message.Ping(1)).reason());
  }

  @Test
  void handshakeTimesOut() {
    Events events = new Events();
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.freezeTime();
    ch.pipeline().addLast(new HandshakeHandler(() -> hello(GENESIS, SELF, V), SELF, false, 10_000), events);
    ch.pipeline().fireChannelActive();
    ch.advanceTimeBy(10_001, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
    assertFalse(ch.isOpen());
    assertEquals(Reason.HANDSHAKE_TIMEOUT, ((HandshakeHandler.HandshakeFailed) events.seen.get(0)).rejected().reason());
  }
}
