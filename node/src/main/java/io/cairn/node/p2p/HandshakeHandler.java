package io.cairn.node.p2p;

import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.node.p2p.tls.TlsBinding;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.MessageCodec;
import io.cairn.node.p2p.wire.NodeId;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Exchanges {@link Message.Hello}s once the link is up (after TLS, when on), checks them and then
 * removes itself, firing {@link Handshaken} up the pipeline; on failure it fires {@link
 * HandshakeFailed}, says {@link Message.Bye} and closes. Stateful: one per channel.
 */
final class HandshakeHandler extends ChannelInboundHandlerAdapter {

  /** The handshake succeeded; {@code nodeId} is authenticated when TLS is on. */
  record Handshaken(NodeId nodeId, Message.Hello hello) {}

  record HandshakeFailed(Rejected rejected) {}

  private final Supplier<Message.Hello> ours;
  private final NodeId self;
  private final boolean tls;
  private final long timeoutMs;
  private NodeId tlsPeer;
  private boolean sent;
  private boolean done;
  private ScheduledFuture<?> timeout;

  HandshakeHandler(Supplier<Message.Hello> ours, NodeId self, boolean tls, long timeoutMs) {
    this.ours = ours;
    this.self = self;
    this.tls = tls;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    timeout = ctx.executor().schedule(() -> fail(ctx, Rejected.of(Reason.HANDSHAKE_TIMEOUT,
        "no handshake within " + timeoutMs + " ms")), timeoutMs, TimeUnit.MILLISECONDS);
    if (!tls) {
      send(ctx);
    }
    super.channelActive(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof SslHandshakeCompletionEvent e) {
      if (!e.isSuccess()) {
        fail(ctx, Rejected.of(Reason.BAD_HANDSHAKE, "TLS: " + e.cause().getMessage()));
        return;
      }
      try {
        tlsPeer = peerFromTls(ctx);
      } catch (CertificateException | SSLPeerUnverifiedException ex) {
        fail(ctx, Rejected.of(Reason.BAD_HANDSHAKE, ex.getMessage()));
        return;
      }
      send(ctx);
    }
    super.userEventTriggered(ctx, evt);
  }

  private static NodeId peerFromTls(ChannelHandlerContext ctx) throws CertificateException, SSLPeerUnverifiedException {
    SslHandler ssl = ctx.pipeline().get(SslHandler.class);
    Certificate[] certs = ssl.engine().getSession().getPeerCertificates();
    if (certs.length != 1 || !(certs[0] instanceof X509Certificate x)) {
      throw new CertificateException("Expected one X.509 certificate from the peer");
    }
    return TlsBinding.verify(x);
  }

  private void send(ChannelHandlerContext ctx) {
    if (!sent) {
      sent = true;
      ctx.writeAndFlush(ours.get());
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (done) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (!(msg instanceof Message.Hello h)) {
      String what = msg instanceof Message m ? m.type().name() : msg.getClass().getSimpleName();
      ReferenceCountUtil.release(msg);
      fail(ctx, Rejected.of(Reason.BAD_HANDSHAKE, "Expected HELLO first but got " + what));
      return;
    }
    if (tls && tlsPeer == null) {
      fail(ctx, Rejected.of(Reason.BAD_HANDSHAKE, "HELLO before the TLS handshake completed"));
      return;
    }
    Rejected r = check(h);
    if (r != null) {
      fail(ctx, r);
      return;
    }
    send(ctx);
    done = true;
    timeout.cancel(false);
    ctx.pipeline().remove(this);
    ctx.fireUserEventTriggered(new Handshaken(new NodeId(h.nodeId()), h));
  }

  private Rejected check(Message.Hello h) {
    Message.Hello mine = ours.get();
    if (h.protocolVersion() < MessageCodec.MIN_PROTOCOL_VERSION) {
      return Rejected.of(Reason.INCOMPATIBLE_VERSION, "peer speaks version " + h.protocolVersion()
          + ", this node needs at least " + MessageCodec.MIN_PROTOCOL_VERSION);
    }
    if (!h.genesis().equals(mine.genesis())) {
      return Rejected.of(Reason.WRONG_GENESIS, "peer genesis " + h.genesis().shortHex() + ", ours " + mine.genesis().shortHex());
    }
    NodeId claimed = new NodeId(h.nodeId());
    if (tls && !claimed.equals(tlsPeer)) {
      return Rejected.of(Reason.BAD_HANDSHAKE, "HELLO node id differs from the TLS identity");
    }
    if (claimed.equals(self)) {
      return Rejected.of(Reason.SELF_CONNECTION, "connected to ourselves");
    }
    return null;
  }

  private void fail(ChannelHandlerContext ctx, Rejected r) {
    if (done) {
      return;
    }
    done = true;
    if (timeout != null) {
      timeout.cancel(false);
    }
    ctx.fireUserEventTriggered(new HandshakeFailed(r));
    if (sent || !tls) {
      Network.sayByeAndClose(ctx.channel(), r.reason(), r.detail());
    } else {
      ctx.close();
    }
  }
}
