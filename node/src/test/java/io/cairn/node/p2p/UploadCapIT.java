package io.cairn.node.p2p;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link UploadCap} on a real socket pair over loopback. */
class UploadCapIT {
  private EventLoopGroup group;
  private Channel server;
  private Channel client;
  private final CompletableFuture<Channel> accepted = new CompletableFuture<>();
  /** Bytes the client received, and whether every byte had the value its message was filled with. */
  private final AtomicLong received = new AtomicLong();
  private final AtomicBoolean inOrder = new AtomicBoolean(true);
  private final AtomicLong lastByteAt = new AtomicLong();

  private static final int MESSAGE = 20_000;

  @BeforeEach
  void connect() {
    group = new NioEventLoopGroup(2);
  }

  private void start(long rate) throws Exception {
    server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new UploadCap(rate));
            accepted.complete(ch);
          }
        }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    client = new Bootstrap().group(group).channel(NioSocketChannel.class)
        .handler(new ChannelInboundHandlerAdapter() {
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf b = (ByteBuf) msg;
            try {
              while (b.isReadable()) {
                long at = received.getAndIncrement();
                if (b.readByte() != (byte) (at / MESSAGE)) {
                  inOrder.set(false);
                }
              }
              lastByteAt.set(System.nanoTime());
            } finally {
              b.release();
            }
          }
        }).connect(server.localAddress()).sync().channel();
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close().syncUninterruptibly();
    }
    if (server != null) {
      server.close().syncUninterruptibly();
    }
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static ByteBuf filled(int i) {
    byte[] b = new byte[MESSAGE];
    java.util.Arrays.fill(b, (byte) i);
    return Unpooled.wrappedBuffer(b);
  }

  @Test
  void sendsEverythingInOrderAtTheRateAndTheWaitingBytesMakeTheLinkUnwritable() throws Exception {
    long rate = 200_000;
    start(rate);
    Channel link = accepted.get(10, java.util.concurrent.TimeUnit.SECONDS);
    int messages = 20;
    List<ChannelFuture> writes = new ArrayList<>();
    long[] startedAt = new long[1];
    boolean writableAfter = link.eventLoop().submit(() -> {
      startedAt[0] = System.nanoTime();
      for (int i = 0; i < messages; i++) {
        writes.add(link.writeAndFlush(filled(i)));
      }
      return link.isWritable();
    }).get();
    assertFalse(writableAfter, "380,000 bytes waiting in the cap, above the 64 KiB high-water mark");

    await().atMost(Duration.ofSeconds(20)).until(() -> received.get() == (long) messages * MESSAGE);
    assertTrue(inOrder.get(), "bytes out of order");
    await().atMost(Duration.ofSeconds(5)).until(() -> writes.stream().allMatch(ChannelFuture::isDone));
    assertTrue(writes.stream().allMatch(ChannelFuture::isSuccess), "every write succeeded");
    await().atMost(Duration.ofSeconds(5)).until(link::isWritable);
    // The cap held: the last message could not go before the bytes ahead of it were paid for, less
    // the 100 ms an idle link saves up (1.8 s at 200 kB/s). A lower bound: a slow machine only adds.
    long owed = (messages - 1L) * MESSAGE * 1_000_000_000L / rate - UploadCap.BURST_NANOS;
    assertTrue(lastByteAt.get() - startedAt[0] >= owed,
        "all bytes in " + (lastByteAt.get() - startedAt[0]) / 1e6 + " ms, faster than the cap allows");
  }

  /** A link being closed drops what waits in its cap, so its goodbye goes out at once. */
  @Test
  void discardingTheWaitingWritesLetsTheNextOneGoAtOnce() throws Exception {
    start(4_000); // each 20,000-byte message takes 5 s: room for a stalled machine to discard in time
    Channel link = accepted.get(10, java.util.concurrent.TimeUnit.SECONDS);
    List<ChannelFuture> writes = link.eventLoop().submit(() -> {
      List<ChannelFuture> w = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        w.add(link.writeAndFlush(filled(i)));
      }
      return w;
    }).get();
    await().atMost(Duration.ofSeconds(10)).until(() -> received.get() == MESSAGE); // the first, from the idle link's burst
    UploadCap.discardWaiting(link);
    await().atMost(Duration.ofSeconds(5)).until(() -> writes.get(1).isDone() && writes.get(2).isDone());
    assertInstanceOf(ClosedChannelException.class, writes.get(1).cause());
    assertInstanceOf(ClosedChannelException.class, writes.get(2).cause());
    // The goodbye waits only for the bytes already sent (4.9 s here), not behind the 40,000 dropped.
    ChannelFuture bye = link.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1}));
    await().atMost(Duration.ofSeconds(9)).until(bye::isDone);
    assertTrue(bye.isSuccess());
    await().atMost(Duration.ofSeconds(5)).until(() -> received.get() == MESSAGE + 1);
    assertTrue(inOrder.get());
  }

  @Test
  void writesStillWaitingWhenTheLinkClosesFailAndAreReleased() throws Exception {
    start(1_000);
    Channel link = accepted.get(10, java.util.concurrent.TimeUnit.SECONDS);
    List<ByteBuf> bufs = List.of(filled(0), filled(1), filled(2));
    List<ChannelFuture> writes = link.eventLoop().submit(() -> {
      List<ChannelFuture> w = new ArrayList<>();
      for (ByteBuf b : bufs) {
        w.add(link.writeAndFlush(b));
      }
      return w;
    }).get();
    link.close().sync();
    await().atMost(Duration.ofSeconds(5)).until(() -> writes.stream().allMatch(ChannelFuture::isDone));
    for (int i = 1; i < 3; i++) {
      assertFalse(writes.get(i).isSuccess(), "write " + i + " was still waiting");
      assertInstanceOf(ClosedChannelException.class, writes.get(i).cause());
      assertEquals(0, bufs.get(i).refCnt(), "write " + i + " released");
    }
  }
}
