package io.cairn.node.p2p;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelPromise;
import io.netty.channel.PendingWriteQueue;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;

/**
 * Caps one link's upload (the {@code maxUploadRate} option): the bytes written to the socket, TLS
 * records included, are paced by an {@link UploadPacer}; what must wait is held here in order, and
 * counts towards the channel's write-buffer water marks, so that a capped link turns unwritable like
 * a slow one and its peer's requests wait (see {@link Inbox}) instead of piling up here.
 *
 * <p>Replaces Netty's {@code ChannelTrafficShapingHandler}, whose delays are computed from byte
 * counts reset every check interval: a write in the first 10 ms after a reset counted the previous
 * interval's bytes on top of the backlog already owed for them, so after a burst (a syncing peer's
 * 16 block requests) a link could stay silent for seconds with data waiting. A syncing node then
 * took that peer for stalled and moved its requests away (W4 capped runs of 13 to 18.5 s).
 *
 * <p>Sits nearest the socket in the pipeline; one per link, used on its I/O thread.
 */
final class UploadCap extends ChannelDuplexHandler {
  /** What an idle link may send at once: a tenth of a second's worth. */
  static final long BURST_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final long bytesPerSecond;
  private UploadPacer pacer;
  private PendingWriteQueue waiting;
  private ScheduledFuture<?> drain;

  UploadCap(long bytesPerSecond) {
    if (bytesPerSecond <= 0) {
      throw new IllegalArgumentException("upload cap must be positive: " + bytesPerSecond);
    }
    this.bytesPerSecond = bytesPerSecond;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    pacer = new UploadPacer(bytesPerSecond, BURST_NANOS, System.nanoTime());
    waiting = new PendingWriteQueue(ctx);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    long now = System.nanoTime();
    if (waiting.isEmpty() && pacer.delay(now) == 0) {
      pacer.sent(size(msg), now);
      ctx.write(msg, promise);
      return;
    }
    waiting.add(msg, promise);
    scheduleDrain(ctx, now);
  }

  private void scheduleDrain(ChannelHandlerContext ctx, long now) {
    if (drain == null && !waiting.isEmpty()) {
      drain = ctx.executor().schedule(() -> drain(ctx), pacer.delay(now), TimeUnit.NANOSECONDS);
    }
  }

  /** Writes what may go now, in order, and flushes it (the writer's flush came when it was held). */
  private void drain(ChannelHandlerContext ctx) {
    drain = null;
    if (waiting == null) {
      return;
    }
    long now = System.nanoTime();
    boolean wrote = false;
    while (!waiting.isEmpty() && pacer.delay(now) == 0) {
      pacer.sent(size(waiting.current()), now);
      waiting.removeAndWrite();
      wrote = true;
    }
    if (wrote) {
      ctx.flush();
    }
    scheduleDrain(ctx, now);
  }

  /**
   * Drops what waits in {@code ch}'s cap, if it has one (its writes fail): the node is closing the
   * link, and its goodbye should not wait behind seconds of bytes the peer will never use, nor the
   * link stay open that long. Runs on the link's I/O thread, before anything written after this call.
   */
  static void discardWaiting(Channel ch) {
    UploadCap cap = ch.pipeline().get(UploadCap.class);
    if (cap == null) {
      return;
    }
    if (ch.eventLoop().inEventLoop()) {
      cap.failWaiting();
    } else {
      ch.eventLoop().execute(cap::failWaiting);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    failWaiting();
    super.channelInactive(ctx);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    failWaiting();
    waiting = null;
  }

  private void failWaiting() {
    if (drain != null) {
      drain.cancel(false);
      drain = null;
    }
    if (waiting != null && !waiting.isEmpty()) {
      waiting.removeAndFailAll(new ClosedChannelException());
    }
  }

  private static long size(Object msg) {
    if (msg instanceof ByteBuf b) {
      return b.readableBytes();
    }
    if (msg instanceof ByteBufHolder h) {
      return h.content().readableBytes();
    }
    return 0;
  }
}
