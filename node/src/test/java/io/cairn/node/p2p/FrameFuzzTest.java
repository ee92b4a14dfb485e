package io.cairn.node.p2p;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import io.cairn.node.p2p.wire.Message;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;

/**
 * Fuzz target for the inbound P2P byte path after TLS: the pipeline's length-field frame decoder
 * (with the default maximum frame size) and {@link MessageCodecHandler}, in an EmbeddedChannel.
 * The first input byte splits the rest into two reads, as TCP may. Every frame must become a
 * {@link Message} or fail as the peer handler expects: a DecoderException caused by a
 * RejectedException ({@code malformed}, {@code unknown-message}) or a TooLongFrameException; like
 * the peer handler, the first such error closes the channel.
 */
class FrameFuzzTest {
  private static final int MAX_FRAME = P2pConfig.builder().build().maxFrameBytes();

  @FuzzTest(maxDuration = "5m")
  void frames(byte[] input) {
    if (input.length == 0) {
      return;
    }
    int split = Math.min(input[0] & 0xff, input.length - 1);
    FirstError error = new FirstError();
    EmbeddedChannel ch = new EmbeddedChannel(
        new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 4), new MessageCodecHandler(new P2pStats()), error);
    try {
      ch.writeInbound(Unpooled.wrappedBuffer(input, 1, split));
      if (ch.isOpen()) {
        ch.writeInbound(Unpooled.wrappedBuffer(input, 1 + split, input.length - 1 - split));
      }
      for (Object m = ch.readInbound(); m != null; m = ch.readInbound()) {
        assertInstanceOf(Message.class, m);
      }
      ch.checkException();
    } finally {
      ch.finishAndReleaseAll();
    }
    if (error.first == null || error.first instanceof TooLongFrameException) {
      return;
    }
    DecoderException e = assertInstanceOf(DecoderException.class, error.first);
    RejectedException r = assertInstanceOf(RejectedException.class, e.getCause(), "cause of " + e);
    assertTrue(r.reason() == Reason.MALFORMED || r.reason() == Reason.UNKNOWN_MESSAGE, r.getMessage());
  }

  /** Like the peer handler: the first error closes the link; what the decoders raise after that is moot. */
  private static final class FirstError extends ChannelInboundHandlerAdapter {
    Throwable first;

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (first == null) {
        first = cause;
        ctx.close();
      }
    }
  }
}
