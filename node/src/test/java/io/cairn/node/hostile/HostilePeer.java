package io.cairn.node.hostile;

import io.cairn.common.crypto.Hash;
import io.cairn.common.reason.RejectedException;
import io.cairn.node.p2p.NodeKey;
import io.cairn.node.p2p.tls.TlsBinding;
import io.cairn.node.p2p.tls.TlsContexts;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.MessageCodec;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.ssl.SslHandler;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A scripted peer that speaks the real protocol, encryption included, and then misbehaves on
 * purpose. It uses the production identity classes ({@link NodeKey}, {@link TlsBinding}, {@link
 * TlsContexts}) and {@link MessageCodec}, but none of the node's peer logic: every message it sends
 * is chosen by the test, and {@link #sendRaw} writes any bytes inside the TLS session, under or
 * instead of the framing.
 *
 * <pre>{@code
 * try (HostilePeer evil = HostilePeer.connect(group, port, NodeKey.generate())) {
 *   evil.hello(genesis);                       // completes the handshake (HELLO both ways)
 *   evil.send(new Message.Headers(List.of(badHeader)));
 *   Message.Bye bye = evil.awaitBye(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * Received frames are decoded into an inbox (a frame that does not decode is kept as {@link
 * Undecodable}); pings are answered at once so an idle link stays up.
 */
final class HostilePeer implements AutoCloseable {
  /** Large enough for any reply the victim may send (it caps its own frames at 4 MiB + 64 KiB). */
  private static final int MAX_FRAME = 16 << 20;

  /** A frame the codec refused, kept so a script can see it. */
  record Undecodable(byte[] frame, String why) {}

  /** Something received, with its arrival time ({@link System#nanoTime()}). */
  record Timed(long nanos, Object received) {}

  private final Channel channel;
  private final NodeKey key;
  private final BlockingQueue<Object> inbox;
  private final List<Timed> seen;
  private final Inbox handler;
  private Message.Hello theirHello;

  private HostilePeer(Channel channel, NodeKey key, Inbox in) {
    this.channel = channel;
    this.handler = in;
    this.key = key;
    this.inbox = in.inbox;
    this.seen = in.seen;
  }

  /** Opens TCP and completes TLS (mutual, node-key-bound); no HELLO is sent yet. */
  static HostilePeer connect(EventLoopGroup group, int port, NodeKey key) throws InterruptedException {
    TlsContexts tls = new TlsContexts(TlsBinding.create(key));
    Inbox in = new Inbox();
    Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
        .handler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast("tls", tls.newHandler(true));
            ch.pipeline().addLast("frames", new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 4));
            ch.pipeline().addLast("inbox", in);
          }
        });
    Channel ch = b.connect("127.0.0.1", port).sync().channel();
    HostilePeer p = new HostilePeer(ch, key, in);
    if (!ch.pipeline().get(SslHandler.class).handshakeFuture().await(5, TimeUnit.SECONDS)
        || !ch.pipeline().get(SslHandler.class).handshakeFuture().isSuccess()) {
      ch.close();
      throw new IllegalStateException("TLS handshake with 127.0.0.1:" + port + " did not complete");
    }
    return p;
  }

  NodeKey key() {
    return key;
  }

  /** Our HELLO on this network, claiming height 0 and no work unless told otherwise. */
  Message.Hello helloFor(Hash genesis) {
    return helloFor(genesis, 0, BigInteger.ZERO);
  }

  Message.Hello helloFor(Hash genesis, long height, BigInteger work) {
    return new Message.Hello(MessageCodec.PROTOCOL_VERSION, genesis, key.id().hash(), 0, height, work, "hostile/1");
  }

  /** Sends an honest-looking HELLO and waits for the victim's; the link is then registered. */
  Message.Hello hello(Hash genesis) throws InterruptedException {
    return hello(helloFor(genesis));
  }

  /** Sends {@code ours} and waits for the victim's HELLO (which it sends right after TLS). */
  Message.Hello hello(Message.Hello ours) throws InterruptedException {
    send(ours);
    return theirHello(Duration.ofSeconds(5));
  }

  /** The victim's HELLO (it sends it as soon as TLS completes). */
  Message.Hello theirHello(Duration timeout) throws InterruptedException {
    if (theirHello == null) {
      theirHello = (Message.Hello) awaitMessage(m -> m instanceof Message.Hello, timeout)
          .orElseThrow(() -> new AssertionError("no HELLO from the victim within " + timeout));
    }
    return theirHello;
  }

  /** Sends one message in one frame. */
  void send(Message m) {
    sendRaw(frame(MessageCodec.encode(m)));
  }

  /** Writes {@code bytes} as they are inside the TLS session (no framing added). */
  void sendRaw(byte[] bytes) {
    channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).syncUninterruptibly();
  }

  /** A frame: u32 big-endian length, then {@code body}. */
  static byte[] frame(byte[] body) {
    byte[] out = new byte[4 + body.length];
    int n = body.length;
    out[0] = (byte) (n >>> 24);
    out[1] = (byte) (n >>> 16);
    out[2] = (byte) (n >>> 8);
    out[3] = (byte) n;
    System.arraycopy(body, 0, out, 4, n);
    return out;
  }

  /** The next received message that matches, skipping others; empty on timeout. */
  Optional<Message> awaitMessage(Predicate<Message> match, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      Object o = inbox.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
      if (o instanceof Message m && match.test(m)) {
        return Optional.of(m);
      }
    }
  }

  /**
   * Writes {@code bytes} inside the TLS session and waits at most {@code timeout} for the socket to
   * take them; false when it did not (the victim stopped reading, so TCP pushed back).
   */
  boolean trySendRaw(byte[] bytes, Duration timeout) {
    return channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).awaitUninterruptibly(timeout.toMillis());
  }

  /** Stops reading from the victim: its answers pile up in the socket buffers. */
  void stopReading() {
    channel.config().setAutoRead(false);
  }

  /** The victim's goodbye; fails the test if none comes in time. */
  Message.Bye awaitBye(Duration timeout) throws InterruptedException {
    return (Message.Bye) awaitMessage(m -> m instanceof Message.Bye, timeout)
        .orElseThrow(() -> new AssertionError("no BYE within " + timeout + "; received " + summary()));
  }

  /** True once the victim closed the link, waiting at most {@code timeout}. */
  boolean awaitClosed(Duration timeout) throws InterruptedException {
    return channel.closeFuture().await(timeout.toMillis());
  }

  boolean isOpen() {
    return channel.isActive();
  }

  /**
   * From now on, received messages that match are only counted ({@link #discarded}), not kept: a
   * flood of replies would otherwise pile up in the inbox.
   */
  void discard(Predicate<Message> which) {
    handler.discard = which;
  }

  /** How many received messages {@link #discard} dropped. */
  long discarded() {
    return handler.discarded.get();
  }

  /** Types of everything received so far, for failure messages. */
  String summary() {
    StringBuilder b = new StringBuilder("[");
    for (Timed t : seen) {
      b.append(t.received() instanceof Message m ? m.type() : "undecodable").append(' ');
    }
    return b.append(']').toString();
  }

  /** Everything received so far, in order (messages and {@link Undecodable}s). */
  List<Object> received() {
    return seen.stream().map(Timed::received).toList();
  }

  /** Everything received so far with arrival times. */
  List<Timed> timeline() {
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
  }

  /** Decodes frames into the inbox (one per link, so nothing is lost before the script looks). */
  private static final class Inbox extends SimpleChannelInboundHandler<ByteBuf> {
    final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    final List<Timed> seen = new CopyOnWriteArrayList<>();
    final AtomicLong discarded = new AtomicLong();
    volatile Predicate<Message> discard = m -> false;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
      byte[] bytes = ByteBufUtil.getBytes(frame);
      Object o;
      try {
        o = MessageCodec.decode(bytes);
      } catch (RejectedException e) {
        o = new Undecodable(bytes, e.getMessage());
      }
      if (o instanceof Message.Ping ping) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(frame(MessageCodec.encode(new Message.Pong(ping.nonce())))));
      }
      if (o instanceof Message m && discard.test(m)) {
        discarded.incrementAndGet();
        return;
      }
      seen.add(new Timed(System.nanoTime(), o));
      inbox.add(o);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close(); // the victim closed on us, or TLS failed: the script sees a closed link
    }
  }
}
