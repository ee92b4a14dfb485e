package io.cairn.node.p2p;

import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.common.reason.RejectedException;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.PeerAddress;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The top of the pipeline: turns a finished handshake into a registered {@link Peer}, answers pings,
 * hands every other message to the network thread through the peer's {@link Inbox} and triages errors (a protocol breach bans, an
 * I/O error is a debug line, anything else an error line). Stateful: one per channel.
 */
final class PeerHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(PeerHandler.class);
  private final Network net;
  private final boolean outbound;
  private final PeerAddress dialed;
  private Peer peer;
  private boolean countedHandshake;

  PeerHandler(Network net, boolean outbound, PeerAddress dialed) {
    this.net = net;
    this.outbound = outbound;
    this.dialed = dialed;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (!outbound) {
      if (net.refuseInbound(ctx.channel())) {
        ctx.close();
        return;
      }
      countedHandshake = true; // counted by refuseInbound
    }
    super.channelActive(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof HandshakeHandler.Handshaken || evt instanceof HandshakeHandler.HandshakeFailed) {
      handshakeOver();
    }
    if (evt instanceof HandshakeHandler.Handshaken h) {
      Peer p = new Peer(net, ctx.channel(), h.nodeId(), outbound, listenAddress(ctx, h.hello().listenPort()),
          net.remoteText(ctx.channel()), h.hello());
      peer = p;
      net.execute(() -> net.onHandshake(p));
    } else if (evt instanceof HandshakeHandler.HandshakeFailed f) {
      Rejected r = f.rejected();
      net.execute(() -> net.onHandshakeFailed(ctx.channel(), outbound, dialed, r));
    } else if (evt instanceof IdleStateEvent e) {
      if (e.state() == IdleState.READER_IDLE) {
        log.debug("{} silent too long, closing", ctx.channel().remoteAddress());
        Network.sayByeAndClose(ctx.channel(), Reason.TIMEOUT, "silent too long");
      } else if (e.state() == IdleState.WRITER_IDLE) {
        ctx.writeAndFlush(new Message.Ping(ThreadLocalRandom.current().nextLong()), ctx.voidPromise());
      }
    } else {
      super.userEventTriggered(ctx, evt);
    }
  }

  private PeerAddress listenAddress(ChannelHandlerContext ctx, int listenPort) {
    if (outbound && dialed != null) {
      return dialed;
    }
    return listenPort == 0 ? null : net.listenAddressOf(ctx.channel(), listenPort);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof Message m) || peer == null) {
      return;
    }
    if (m instanceof Message.Ping ping) {
      ctx.writeAndFlush(new Message.Pong(ping.nonce()), ctx.voidPromise());
      return;
    }
    if (m instanceof Message.Pong) {
      return;
    }
    if (m instanceof Message.Bye bye) {
      log.info("peer {} says goodbye: {} {}", peer, bye.reason(), bye.detail());
      ctx.close();
      return;
    }
    peer.inbox.received(m, MessageCodecHandler.lastFrameBytes(ctx.channel()));
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    Peer p = peer;
    if (p != null && ctx.channel().isWritable()) {
      net.execute(() -> net.onWritable(p));
    }
    super.channelWritabilityChanged(ctx);
  }

  private void handshakeOver() {
    if (countedHandshake) {
      countedHandshake = false;
      net.handshaking.decrementAndGet();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    handshakeOver();
    Peer p = peer;
    if (p != null) {
      p.inbox.closed();
    } else if (outbound) {
      net.execute(() -> net.onDialFailed(dialed));
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Rejected breach = breach(cause);
    Peer p = peer;
    if (breach != null) {
      if (p != null) {
        net.execute(() -> net.misbehave(p, breach));
      } else {
        net.execute(() -> net.onHandshakeFailed(ctx.channel(), outbound, dialed, breach));
        ctx.close();
      }
    } else if (cause instanceof IOException || cause instanceof SSLException
        || cause instanceof DecoderException && cause.getCause() instanceof SSLException) {
      log.debug("{}: {}", ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
    } else {
      log.error("unexpected error on link {}", ctx.channel().remoteAddress(), cause);
      ctx.close();
    }
  }

  /** The protocol breach behind an exception, or null for plain I/O trouble. */
  static Rejected breach(Throwable cause) {
    if (cause instanceof TooLongFrameException) {
      return Rejected.of(Reason.FRAME_TOO_LARGE, cause.getMessage());
    }
    if (cause instanceof DecoderException) {
      Throwable c = cause.getCause();
      if (c instanceof RejectedException re) {
        return re.rejected();
      }
      if (c instanceof TooLongFrameException) {
        return Rejected.of(Reason.FRAME_TOO_LARGE, c.getMessage());
      }
      if (c instanceof SSLException) {
        return null;
      }
      return Rejected.of(Reason.MALFORMED, String.valueOf(c == null ? cause.getMessage() : c.getMessage()));
    }
    if (cause instanceof RejectedException re) {
      return re.rejected();
    }
    return null;
  }
}
