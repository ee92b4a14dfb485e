package io.cairn.node.rpc;

import io.cairn.node.metrics.NodeMetrics;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.WriteTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's HTTP endpoint: JSON-RPC 2.0 on {@code POST /}, Prometheus text on {@code GET /metrics},
 * liveness on {@code GET /health}. Netty decodes HTTP on its own small event loop group; calls run on
 * a bounded worker pool, so a flood of requests queues here (then gets 503) and never reaches the
 * node's consensus thread except through the facades' own calls.
 *
 * <pre>
 * pipeline: guard (max connections) | timers (request, idle) | write timeout
 *         | HTTP codec (4 KiB line, 8 KiB headers) | body budget (4 x maxBodyBytes over all connections, else 503)
 *         | aggregator (maxBodyBytes, else 413 and close) | router
 * </pre>
 */
public final class RpcServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);
  /** Request bodies held across all connections at once, in units of the largest body allowed. */
  static final int BODY_BUDGET_BODIES = 4;

  private final EventLoopGroup boss;
  private final EventLoopGroup io;
  private final ThreadPoolExecutor executor;
  private final ChannelGroup channels;
  private final Optional<CookieAuth> cookie;
  private final Shared shared;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private volatile Channel server;

  /** What every connection's handler shares. */
  record Shared(
      Dispatcher dispatcher,
      ExecutorService executor,
      NodeMetrics metrics,
      Optional<CookieAuth> cookie,
      NodeQueries queries,
      AtomicBoolean running) {

    boolean authorized(String authorizationHeader) {
      return cookie.isEmpty() || cookie.get().accepts(authorizationHeader);
    }

    boolean serving() {
      try {
        return running.get() && queries.serving();
      } catch (RuntimeException e) {
        return false;
      }
    }
  }

  private RpcServer(RpcConfig config, NodeQueries queries, NodeCommands commands, NodeMetrics metrics) {
    String prefix = queries.chainInfo().addressPrefix();
    this.executor = workers(config);
    this.cookie = config.auth() ? Optional.of(CookieAuth.create(config.dataDir(), new SecureRandom())) : Optional.empty();
    Dispatcher dispatcher = new Dispatcher(methods(queries, commands, prefix), prefix, config.maxBatch(),
        config.maxJsonDepth(), metrics);
    this.shared = new Shared(dispatcher, executor, metrics, cookie, queries, running);
    this.boss = new NioEventLoopGroup(1, new DefaultThreadFactory("cairn-rpc-accept", true));
    this.io = new NioEventLoopGroup(2, new DefaultThreadFactory("cairn-rpc-io", true));
    this.channels = new DefaultChannelGroup("rpc", GlobalEventExecutor.INSTANCE);
  }

  /**
   * Binds and starts serving; writes the cookie first when auth is on.
   *
   * @throws RpcStartException when the port is taken, the address cannot be bound, the cookie cannot
   *     be written, or a non-loopback address is asked for without auth
   */
  public static RpcServer start(RpcConfig config, NodeQueries queries, NodeCommands commands, NodeMetrics metrics) {
    InetAddress host;
    try {
      host = InetAddress.getByName(config.bindHost());
    } catch (UnknownHostException e) {
      throw new RpcStartException("Cannot resolve the RPC bind address '" + config.bindHost() + "'", e);
    }
    if (!config.auth() && !host.isLoopbackAddress()) {
      throw new RpcStartException("Refusing to serve RPC on " + config.bindHost() + " without authentication: "
          + "anyone who can reach it could control the node. Bind to 127.0.0.1 or drop --rpc-no-auth.", null);
    }
    RpcServer s;
    try {
      s = new RpcServer(config, queries, commands, metrics);
    } catch (RuntimeException e) {
      throw new RpcStartException("Cannot start the RPC server: " + e.getMessage(), e);
    }
    try {
      s.bind(config, host);
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
    return s;
  }

  private void bind(RpcConfig config, InetAddress host) {
    ConnectionGuard guard = new ConnectionGuard(config.maxConnections());
    BodyBudget.Shared budget = new BodyBudget.Shared(BODY_BUDGET_BODIES * (long) config.maxBodyBytes());
    long requestNanos = config.requestTimeout().toNanos();
    long idleNanos = config.idleTimeout().toNanos();
    ServerBootstrap b = new ServerBootstrap()
        .group(boss, io)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 256)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            channels.add(ch);
            ConnectionTimers timers = new ConnectionTimers(requestNanos, idleNanos);
            ch.pipeline()
                .addLast("guard", guard)
                .addLast("timers", timers)
                .addLast("writeTimeout", new WriteTimeoutHandler(idleNanos, TimeUnit.NANOSECONDS))
                .addLast("http", new HttpServerCodec(4096, 8192, 8192))
                .addLast("budget", new BodyBudget(budget))
                .addLast("aggregate", new ClosingAggregator(config.maxBodyBytes()))
                .addLast("route", new HttpRpcHandler(shared, timers));
          }
        });
    try {
      server = b.bind(host, config.port()).syncUninterruptibly().channel();
    } catch (Exception e) {
      String where = config.bindHost() + ":" + config.port();
      if (e instanceof BindException) {
        throw new RpcStartException("Cannot listen for RPC on " + where + ": " + e.getMessage()
            + " (is another node using the port?)", e);
      }
      throw new RpcStartException("Cannot listen for RPC on " + where + ": " + e, e);
    }
    LOG.info("JSON-RPC listening on http://{}{}", address().getHostString() + ":" + port(),
        cookie.map(c -> " (cookie " + c.file() + ")").orElse(" (no auth)"));
  }

  /** The bound address (with the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return (InetSocketAddress) server.localAddress();
  }

  public int port() {
    return address().getPort();
  }

  /** The cookie file, when auth is on. */
  public Optional<Path> cookieFile() {
    return cookie.map(CookieAuth::file);
  }

  /** Stops accepting, closes connections, stops the workers and deletes the cookie. Idempotent. */
  @Override
  public void close() {
    if (!running.compareAndSet(true, false)) {
      return;
    }
    if (server != null) {
      server.close().syncUninterruptibly();
    }
    channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    executor.shutdownNow();
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    io.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
      boss.terminationFuture().await(3, TimeUnit.SECONDS);
      io.terminationFuture().await(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    cookie.ifPresent(CookieAuth::delete);
  }

  /**
   * Answers a body over the limit with 413 and closes the connection, whatever keep-alive or
   * Expect the client asked for: reading and discarding the rest of a body whose size the client
   * chose is work for nothing (Netty's aggregator would keep reading a keep-alive request).
   */
  static final class ClosingAggregator extends HttpObjectAggregator {
    ClosingAggregator(int maxBodyBytes) {
      super(maxBodyBytes);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
      FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
          Unpooled.EMPTY_BUFFER);
      r.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0).set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }
  }

  static List<RpcMethod> methods(NodeQueries q, NodeCommands c, String prefix) {
    return List.of(
        new ChainInfoMethod(q),
        new ChainGetBlockMethod(q, prefix),
        new ChainGetTransactionMethod(q, prefix),
        new StateGetAccountMethod(q, prefix),
        new StateGetHistoryMethod(q, prefix),
        new TxSubmitMethod(c),
        new MempoolInfoMethod(q),
        new MempoolContentMethod(q, prefix),
        new NetInfoMethod(q),
        new NetPeersMethod(q),
        new NetAddPeerMethod(c),
        new NetDisconnectMethod(c),
        new NetSetBlockedMethod(c),
        new MinerStatusMethod(q, prefix),
        new MinerMineMethod(c),
        new NodeVersionMethod(q));
  }

  private static ThreadPoolExecutor workers(RpcConfig config) {
    BlockingQueue<Runnable> queue = config.queueCapacity() == 0
        ? new SynchronousQueue<>()
        : new ArrayBlockingQueue<>(config.queueCapacity());
    return new ThreadPoolExecutor(config.workerThreads(), config.workerThreads(), 0, TimeUnit.SECONDS, queue,
        new DefaultThreadFactory("cairn-rpc-worker", true), new ThreadPoolExecutor.AbortPolicy());
  }
}
