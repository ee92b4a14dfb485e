package io.cairn.node.rpc;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that takes longer than {@code requestTimeout} to deliver one request after its
 * first byte (slow headers or a trickled body), or that stays silent for {@code idleTimeout} between
 * requests. While a call is running neither clock ticks. Per channel, used only on its event loop.
 */
final class ConnectionTimers extends ChannelDuplexHandler {
  private final long requestNanos;
  private final long idleNanos;
  private ScheduledFuture<?> requestDeadline;
  private ScheduledFuture<?> idleDeadline;
  private boolean busy;
  private ChannelHandlerContext ctx;

  ConnectionTimers(long requestNanos, long idleNanos) {
    this.requestNanos = requestNanos;
    this.idleNanos = idleNanos;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    armIdle();
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    cancelIdle();
    if (requestDeadline == null && !busy) {
      requestDeadline = ctx.executor().schedule(() -> {
        ctx.close();
      }, requestNanos, TimeUnit.NANOSECONDS);
    }
    super.channelRead(ctx, msg);
  }

  /** A whole request arrived: stop both clocks until its response is written. */
  void requestReceived() {
    busy = true;
    cancelIdle();
    if (requestDeadline != null) {
      requestDeadline.cancel(false);
      requestDeadline = null;
    }
  }

  /** The response is written: the connection may idle again. */
  void responseSent() {
    busy = false;
    armIdle();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancelIdle();
    if (requestDeadline != null) {
      requestDeadline.cancel(false);
    }
    super.channelInactive(ctx);
  }

  private void armIdle() {
    cancelIdle();
    if (ctx != null && ctx.channel().isActive()) {
      idleDeadline = ctx.executor().schedule(() -> {
        if (!busy) {
          ctx.close();
        }
      }, idleNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void cancelIdle() {
    if (idleDeadline != null) {
      idleDeadline.cancel(false);
      idleDeadline = null;
    }
  }
}
