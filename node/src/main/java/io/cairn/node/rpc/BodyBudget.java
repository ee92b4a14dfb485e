package io.cairn.node.rpc;

import com.google.gson.JsonNull;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the request bodies held across all connections, so memory does not grow with the number of
 * connections (256 clients each trickling a body just under the size limit would otherwise pin 256
 * times that limit). Body bytes are counted from their arrival until the connection's response is
 * written; a body that would go over the shared budget gets HTTP 503 (JSON-RPC busy) and the
 * connection is closed. Per channel, between the HTTP codec and the aggregator.
 */
final class BodyBudget extends ChannelDuplexHandler {
  private static final byte[] BUSY = Dto.GSON.toJson(Dispatcher.error(JsonNull.INSTANCE, new RpcException(RpcErrors.BUSY,
      "Node busy: too many request bodies in flight; retry later",
      Rejected.of(Reason.BUSY, "RPC body budget exhausted")))).getBytes(StandardCharsets.UTF_8);

  /** The budget all connections draw from. */
  static final class Shared {
    private final long limit;
    private final AtomicLong used = new AtomicLong();

    Shared(long limit) {
      this.limit = limit;
    }

    boolean take(long n) {
      while (true) {
        long u = used.get();
        if (u + n > limit) {
          return false;
        }
        if (used.compareAndSet(u, u + n)) {
          return true;
        }
      }
    }

    void give(long n) {
      used.addAndGet(-n);
    }

    long used() {
      return used.get();
    }
  }

  private final Shared shared;
  private long held;
  private boolean refused;

  BodyBudget(Shared shared) {
    this.shared = shared;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (refused) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpContent c) {
      int n = c.content().readableBytes();
      if (!shared.take(n)) {
        refused = true;
        ReferenceCountUtil.release(msg);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.SERVICE_UNAVAILABLE,
            Unpooled.wrappedBuffer(BUSY));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
            .set(HttpHeaderNames.CONTENT_LENGTH, BUSY.length)
            .set(HttpHeaderNames.RETRY_AFTER, "1")
            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        return;
      }
      held += n;
    }
    super.channelRead(ctx, msg);
  }

  /** A response ends the request: its body (and any pipelined behind it, a read buffer at most) is let go. */
  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
    if (msg instanceof HttpResponse) {
      release();
    }
    super.write(ctx, msg, promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    release();
    super.channelInactive(ctx);
  }

  private void release() {
    shared.give(held);
    held = 0;
  }
}
