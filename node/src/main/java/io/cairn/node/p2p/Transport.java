package io.cairn.node.p2p;

import io.cairn.node.p2p.wire.PeerAddress;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;

/**
 * The only place that knows which Netty transport carries the links: epoll where available, NIO
 * otherwise, or in-memory local channels (host {@code local}, address {@code cairn-<port>}). Socket
 * I/O threads are named {@code cairn-p2p-accept-*} and {@code cairn-p2p-io-*}, as the RPC's are.
 */
final class Transport {
  static final String LOCAL_HOST = "local";
  final P2pConfig.Transport kind;
  final EventLoopGroup boss;
  final EventLoopGroup workers;
  final Class<? extends ServerChannel> serverChannel;
  final Class<? extends Channel> channel;

  Transport(P2pConfig.Transport kind, int threads) {
    this.kind = kind;
    if (kind == P2pConfig.Transport.LOCAL) {
      boss = new DefaultEventLoopGroup(1);
      workers = new DefaultEventLoopGroup(threads);
      serverChannel = LocalServerChannel.class;
      channel = LocalChannel.class;
    } else if (Epoll.isAvailable()) {
      boss = new EpollEventLoopGroup(1, new DefaultThreadFactory("cairn-p2p-accept"));
      workers = new EpollEventLoopGroup(threads, new DefaultThreadFactory("cairn-p2p-io"));
      serverChannel = EpollServerSocketChannel.class;
      channel = EpollSocketChannel.class;
    } else {
      boss = new NioEventLoopGroup(1, new DefaultThreadFactory("cairn-p2p-accept"));
      workers = new NioEventLoopGroup(threads, new DefaultThreadFactory("cairn-p2p-io"));
      serverChannel = NioServerSocketChannel.class;
      channel = NioSocketChannel.class;
    }
  }

  SocketAddress bindAddress(P2pConfig c) {
    return kind == P2pConfig.Transport.LOCAL
        ? new LocalAddress("cairn-" + c.listenPort())
        : new InetSocketAddress(c.listenHost(), c.listenPort());
  }

  SocketAddress resolve(PeerAddress a) {
    if (kind == P2pConfig.Transport.LOCAL) {
      return new LocalAddress("cairn-" + a.port());
    }
    return new InetSocketAddress(a.host(), a.port());
  }

  /** The host part of a remote end, as peers should dial it. */
  String hostOf(SocketAddress remote) {
    if (remote instanceof InetSocketAddress isa) {
      return isa.getAddress() != null ? isa.getAddress().getHostAddress() : isa.getHostString();
    }
    return LOCAL_HOST;
  }

  /** The port a bound server listens on. */
  int portOf(SocketAddress local, int configured) {
    return local instanceof InetSocketAddress isa ? isa.getPort() : configured;
  }

  /** Loopback, link-local, site-local (private) and in-memory hosts are never banned wholesale. */
  static boolean isLocalHost(String host) {
    if (LOCAL_HOST.equals(host)) {
      return true;
    }
    try {
      InetAddress a = InetAddress.getByName(host);
      return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  void shutdown() {
    boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
  }
}
