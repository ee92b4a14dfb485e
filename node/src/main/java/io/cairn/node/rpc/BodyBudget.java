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
 * Bounds the request bodies and unsent answers held across all connections, so memory does not grow
 * with the number of connections (256 clients each trickling a body just under the size limit, or
 * never reading a large answer, would otherwise pin 256 times that size). Body bytes are counted from
 * their arrival until the connection's response is written, and the response's bytes until the socket
 * has taken them; a body that would go over the shared budget gets HTTP 503 (JSON-RPC busy) and the
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

    /** Takes {@code n} bytes if they fit; nothing (a request without a body) always fits. */
    boolean take(long n) {
      if (n == 0) {
        return true;
      }
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

    /** Counts bytes that are held whether they fit or not (answers being written). */
    void force(long n) {
      used.addAndGet(n);
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

  /**
   * A response ends the request: its body (and any pipelined behind it, a read buffer at most) is let
   * go, and the response's own bytes are counted until the socket has taken them, so clients that
   * never read their answers also fill the budget (and new bodies are refused) instead of pinning
   * one answer per connection.
   */
  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
    if (msg instanceof HttpResponse) {
      release();
      if (msg instanceof FullHttpResponse r && r.content().readableBytes() > 0) {
        long n = r.content().readableBytes();
        shared.force(n);
        ChannelPromise p = promise.unvoid();
        p.addListener(f -> shared.give(n));
        super.write(ctx, msg, p);
        return;
      }
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
