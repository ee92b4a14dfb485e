package io.cairn.node.p2p;

import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.MessageCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.util.AttributeKey;
import java.util.List;

/**
 * Frames (without their length prefix) to {@link Message}s and back, counting bytes per message
 * type. Stateless, hence shared by all channels of one network. A frame that does not decode raises
 * a DecoderException whose cause is a RejectedException (malformed or unknown-message).
 */
@Sharable
final class MessageCodecHandler extends MessageToMessageCodec<ByteBuf, Message> {
  private static final AttributeKey<int[]> LAST_FRAME_BYTES = AttributeKey.valueOf("cairn.lastFrameBytes");
  private final P2pStats stats;

  MessageCodecHandler(P2pStats stats) {
    this.stats = stats;
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Message msg, List<Object> out) {
    byte[] b = MessageCodec.encode(msg);
    stats.out(msg.type(), b.length + 4);
    out.add(Unpooled.wrappedBuffer(b));
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
    byte[] b = ByteBufUtil.getBytes(frame);
    Message m = MessageCodec.decode(b);
    stats.in(m.type(), b.length + 4);
    int[] last = ctx.channel().attr(LAST_FRAME_BYTES).get();
    if (last == null) {
      last = new int[1];
      ctx.channel().attr(LAST_FRAME_BYTES).set(last);
    }
    last[0] = b.length + 4;
    out.add(m);
  }

  /**
   * The wire size of the frame whose message the channel's next handlers are reading (decoding and
   * reading run on the channel's I/O thread, one message after the other), for the {@link Inbox}'s
   * byte count; 0 before the first frame.
   */
  static int lastFrameBytes(Channel ch) {
    int[] last = ch.attr(LAST_FRAME_BYTES).get();
    return last == null ? 0 : last[0];
  }
}
