package io.cairn.node.rpc;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.node.explorer.ExplorerAssets;
import io.cairn.node.metrics.NodeMetrics;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes one connection's requests: {@code POST /} JSON-RPC, {@code GET /metrics},
 * {@code GET /health}, {@code GET /} and {@code GET /explorer/*} (the block explorer's static files,
 * see {@link ExplorerAssets}). Work runs on the shared bounded
 * executor, never on the event loop; while a request is being served the connection reads nothing
 * more, so each connection holds at most one request (plus a few pipelined ones) in memory.
 */
final class HttpRpcHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(HttpRpcHandler.class);
  private static final int MAX_PIPELINED = 8;
  private static final String JSON = "application/json; charset=utf-8";

  private final RpcServer.Shared shared;
  private final ConnectionTimers timers;
  private final ArrayDeque<FullHttpRequest> pipelined = new ArrayDeque<>();
  private boolean inFlight;

  HttpRpcHandler(RpcServer.Shared shared, ConnectionTimers timers) {
    super(false);
    this.shared = shared;
    this.timers = timers;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    timers.requestReceived();
    if (inFlight) {
      if (pipelined.size() >= MAX_PIPELINED) {
        req.release();
        ctx.close();
        return;
      }
      pipelined.add(req);
      return;
    }
    try {
      serve(ctx, req);
    } finally {
      req.release();
    }
  }

  private void serve(ChannelHandlerContext ctx, FullHttpRequest req) {
    inFlight = true;
    ctx.channel().config().setAutoRead(false);
    boolean keepAlive = HttpUtil.isKeepAlive(req);
    if (req.decoderResult().isFailure()) {
      send(ctx, text(HttpResponseStatus.BAD_REQUEST, "Bad HTTP request\n"), false);
      return;
    }
    String path = new QueryStringDecoder(req.uri()).path();
    HttpMethod method = req.method();
    boolean get = method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD);
    if (path.equals("/health") && get) {
      boolean ok = shared.serving();
      JsonObject body = new JsonObject();
      body.addProperty("status", ok ? "ok" : "unavailable");
      send(ctx, json(ok ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, body.toString()), keepAlive);
      return;
    }
    if (get && ExplorerAssets.owns(path)) {
      send(ctx, explorerFile(path, req.headers().get(HttpHeaderNames.IF_NONE_MATCH)), keepAlive);
      return;
    }
    if (!path.equals("/") && !path.equals("/metrics")) {
      send(ctx, text(HttpResponseStatus.NOT_FOUND, "Not found: " + path + "\n"), keepAlive);
      return;
    }
    if (!shared.authorized(req.headers().get(HttpHeaderNames.AUTHORIZATION))) {
      FullHttpResponse r = json(HttpResponseStatus.UNAUTHORIZED, errorBody(new RpcException(RpcErrors.UNAUTHORIZED,
          "Unauthorized: send the token from the node's .cookie file as 'Authorization: Bearer <token>'",
          Rejected.of(Reason.UNAUTHORIZED, "missing or wrong cookie token"))));
      r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"cairn\"");
      send(ctx, r, keepAlive);
      return;
    }
    if (path.equals("/metrics") && get) {
      offload(ctx, keepAlive, () -> {
        FullHttpResponse r = response(HttpResponseStatus.OK, shared.metrics().scrape().getBytes(StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, NodeMetrics.CONTENT_TYPE);
        return r;
      });
    } else if (path.equals("/") && method.equals(HttpMethod.POST)) {
      byte[] body = ByteBufUtil.getBytes(req.content());
      offload(ctx, keepAlive, () -> {
        Optional<String> answer = shared.dispatcher().handle(body);
        return answer.isPresent()
            ? json(HttpResponseStatus.OK, answer.get())
            : response(HttpResponseStatus.NO_CONTENT, new byte[0]);
      });
    } else {
      FullHttpResponse r = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "Method " + method + " not allowed on " + path + "\n");
      r.headers().set(HttpHeaderNames.ALLOW, path.equals("/") ? "GET, POST" : "GET");
      send(ctx, r, keepAlive);
    }
  }

  /**
   * The explorer's page or one of its files; no token needed (the page asks for it before any call).
   * Small in-memory files, so answered on the event loop.
   */
  private static FullHttpResponse explorerFile(String path, String ifNoneMatch) {
    Optional<ExplorerAssets.Asset> found = ExplorerAssets.find(path);
    if (found.isEmpty()) {
      return text(HttpResponseStatus.NOT_FOUND, "Not found: " + path + "\n");
    }
    ExplorerAssets.Asset a = found.get();
    boolean fresh = a.matches(ifNoneMatch);
    FullHttpResponse r = response(fresh ? HttpResponseStatus.NOT_MODIFIED : HttpResponseStatus.OK,
        fresh ? new byte[0] : a.body());
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, a.contentType())
        .set(HttpHeaderNames.ETAG, a.etag())
        .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
        .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, ExplorerAssets.CSP)
        .set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY")
        .set("X-Content-Type-Options", "nosniff")
        .set("Referrer-Policy", "no-referrer");
    return r;
  }

  /** Runs {@code work} on an RPC worker; when every worker and queue slot is taken, answers 503. */
  private void offload(ChannelHandlerContext ctx, boolean keepAlive, Supplier<FullHttpResponse> work) {
    try {
      shared.executor().execute(() -> {
        FullHttpResponse r;
        Error fatal = null;
        try {
          r = work.get();
        } catch (RuntimeException | Error e) {
          LOG.error("RPC request failed", e);
          r = text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal error; see the node's log\n");
          fatal = e instanceof Error err ? err : null;
        }
        FullHttpResponse response = r;
        try {
          ctx.executor().execute(() -> send(ctx, response, keepAlive));
        } catch (RejectedExecutionException stopping) {
          response.release();
        }
        if (fatal != null) {
          throw fatal;
        }
      });
    } catch (RejectedExecutionException e) {
      shared.metrics().rpcBusy();
      FullHttpResponse r = json(HttpResponseStatus.SERVICE_UNAVAILABLE, errorBody(new RpcException(RpcErrors.BUSY,
          "Node busy: every RPC worker is in use; retry later", Rejected.of(Reason.BUSY, "RPC workers saturated"))));
      r.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
      send(ctx, r, keepAlive);
    }
  }

  /** Writes the response, then reads the next request (or closes). On the event loop. */
  private void send(ChannelHandlerContext ctx, FullHttpResponse r, boolean keepAlive) {
    HttpUtil.setContentLength(r, r.content().readableBytes());
    HttpUtil.setKeepAlive(r, keepAlive);
    ctx.writeAndFlush(r).addListener((ChannelFutureListener) f -> {
      if (!keepAlive || !f.isSuccess()) {
        f.channel().close();
        return;
      }
      inFlight = false;
      timers.responseSent();
      FullHttpRequest next = pipelined.poll();
      if (next != null) {
        timers.requestReceived();
        try {
          serve(ctx, next);
        } finally {
          next.release();
        }
      } else {
        f.channel().config().setAutoRead(true);
      }
    });
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    FullHttpRequest r;
    while ((r = pipelined.poll()) != null) {
      r.release();
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      LOG.debug("RPC connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
    } else {
      LOG.warn("RPC connection {} failed", ctx.channel().remoteAddress(), cause);
    }
    ctx.close();
  }

  private static String errorBody(RpcException e) {
    return Dto.GSON.toJson(Dispatcher.error(JsonNull.INSTANCE, e));
  }

  private static FullHttpResponse json(HttpResponseStatus status, String body) {
    FullHttpResponse r = response(status, body.getBytes(StandardCharsets.UTF_8));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, JSON);
    return r;
  }

  private static FullHttpResponse text(HttpResponseStatus status, String body) {
    FullHttpResponse r = response(status, body.getBytes(StandardCharsets.UTF_8));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    return r;
  }

  private static FullHttpResponse response(HttpResponseStatus status, byte[] body) {
    return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
  }
}
