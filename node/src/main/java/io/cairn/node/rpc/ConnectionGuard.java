package io.cairn.node.rpc;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** Caps open connections: one over the limit gets a bare HTTP 503 and is closed. Shared by all channels. */
@Sharable
final class ConnectionGuard extends ChannelInboundHandlerAdapter {
  private static final byte[] FULL = ("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
      + "Retry-After: 1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  private final int max;
  private final AtomicInteger open = new AtomicInteger();

  ConnectionGuard(int max) {
    this.max = max;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (open.incrementAndGet() > max) {
      ctx.channel().config().setAutoRead(false);
      ctx.writeAndFlush(Unpooled.wrappedBuffer(FULL)).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    open.decrementAndGet();
    super.channelInactive(ctx);
  }
}
