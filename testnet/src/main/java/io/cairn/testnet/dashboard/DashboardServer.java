package io.cairn.testnet.dashboard;

import com.google.gson.Gson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The testnet dashboard: a small HTTP server on 127.0.0.1 that serves one page and
 * {@code GET /api/state}, the aggregate of every node's JSON-RPC. It reads the nodes from
 * {@code testnet.json} (again whenever the file changes), polls each node every
 * {@value #POLL_MS} ms with the token from its cookie file, and keeps the history in a
 * {@link DashboardModel}; so the browser needs no token and talks to no node.
 *
 * <pre>{@code
 * try (DashboardServer d = DashboardServer.start(dir.resolve("testnet.json"), 0)) {
 *   System.out.println("Dashboard: " + d.url());   // http://127.0.0.1:<port>/
 *   ...
 * }
 * }</pre>
 *
 * <p>Requests with a {@code Host} other than {@code 127.0.0.1:<port>} or {@code localhost:<port>}
 * are refused (403), so a web page elsewhere cannot read the dashboard through DNS rebinding.
 */
public final class DashboardServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
  static final long POLL_MS = 250;
  private static final long RELOAD_MS = 2_000;
  private static final int BLOCKS_KEPT = 200;
  private static final int BLOCKS_SHOWN = 15;
  private static final long HISTORY_MS = Duration.ofMinutes(10).toMillis();
  private static final String FOLDER = "/io/cairn/testnet/dashboard/";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}\\.(html|css|js|svg)");
  private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
      "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml");
  private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  private static final Gson GSON = new Gson();

  private final Path testnetJson;
  private final Object lock = new Object();
  private final DashboardModel model = new DashboardModel(BLOCKS_KEPT, HISTORY_MS);
  private final Map<String, NodePoller> pollers = new HashMap<>();
  private final Map<String, ScheduledFuture<?>> tasks = new HashMap<>();
  private final ScheduledExecutorService scheduler;
  private final ExecutorService httpWorkers;
  private final HttpServer server;
  private final AtomicBoolean open = new AtomicBoolean(true);
  private FileTime loaded;

  private DashboardServer(Path testnetJson, int port) throws IOException {
    this.testnetJson = testnetJson;
    this.scheduler = Executors.newScheduledThreadPool(4, daemon("cairn-dashboard-poll"));
    this.httpWorkers = Executors.newFixedThreadPool(2, daemon("cairn-dashboard-http"));
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 32);
    server.createContext("/", this::handle);
    server.setExecutor(httpWorkers);
  }

  /**
   * Reads {@code testnetJson}, starts polling its nodes and serves the dashboard on
   * 127.0.0.1:{@code port} (0 picks a free port; see {@link #url()}).
   *
   * @throws IllegalArgumentException when the file is not a testnet file
   * @throws UncheckedIOException when the file cannot be read or the port cannot be bound
   */
  public static DashboardServer start(Path testnetJson, int port) {
    DashboardServer d;
    try {
      d = new DashboardServer(testnetJson, port);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serve the dashboard on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    try {
      d.reload();
      d.server.start();
      d.scheduler.scheduleWithFixedDelay(d::reloadQuietly, RELOAD_MS, RELOAD_MS, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      d.close();
      throw e;
    }
    return d;
  }

  /** Where to open the dashboard: {@code http://127.0.0.1:<port>/}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops polling and serving. Idempotent. */
  @Override
  public void close() {
    if (!open.compareAndSet(true, false)) {
      return;
    }
    server.stop(0);
    scheduler.shutdownNow();
    httpWorkers.shutdownNow();
    try {
      scheduler.awaitTermination(3, TimeUnit.SECONDS);
      httpWorkers.awaitTermination(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads testnet.json when it changed: new nodes start being polled, removed ones stop. */
  private void reload() {
    FileTime modified;
    try {
      modified = Files.getLastModifiedTime(testnetJson);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + testnetJson + ": " + e.getMessage(), e);
    }
    if (modified.equals(loaded)) {
      return;
    }
    List<TestnetNodes.Node> nodes = TestnetNodes.read(testnetJson);
    synchronized (lock) {
      for (String gone : model.names()) {
        if (nodes.stream().noneMatch(n -> n.name().equals(gone))) {
          tasks.remove(gone).cancel(false);
          pollers.remove(gone);
          model.remove(gone);
        }
      }
      for (TestnetNodes.Node n : nodes) {
        model.node(n.name(), n.miner(), n.rpcUrl().toString());
        NodePoller old = pollers.get(n.name());
        if (old == null || !old.url().equals(n.rpcUrl())) {
          if (old != null) {
            tasks.remove(n.name()).cancel(false);
          }
          NodePoller p = new NodePoller(n.name(), n.rpcUrl(), n.cookieFile(), lock, model, System::currentTimeMillis);
          pollers.put(n.name(), p);
          tasks.put(n.name(), scheduler.scheduleWithFixedDelay(p::poll, 0, POLL_MS, TimeUnit.MILLISECONDS));
        }
      }
    }
    loaded = modified;
  }

  private void reloadQuietly() {
    try {
      reload();
    } catch (RuntimeException e) {
      LOG.warn("dashboard: keeping the previous node list: {}", e.getMessage());
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getPath();
      String host = ex.getRequestHeaders().getFirst("Host");
      if (!method.equals("GET") && !method.equals("HEAD")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(ex, 405, "text/plain; charset=utf-8", "Only GET and HEAD\n".getBytes(StandardCharsets.UTF_8), "no-store");
      } else if (!(("127.0.0.1:" + port()).equals(host) || ("localhost:" + port()).equals(host))) {
        respond(ex, 403, "text/plain; charset=utf-8", ("Forbidden: open " + url() + "\n").getBytes(StandardCharsets.UTF_8),
            "no-store");
      } else if (path.equals("/api/state")) {
        String json;
        synchronized (lock) {
          json = GSON.toJson(model.snapshot(System.currentTimeMillis(), BLOCKS_SHOWN));
        }
        respond(ex, 200, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), "no-store");
      } else {
        String name = path.equals("/") ? "index.html" : path.startsWith("/static/") ? path.substring(8) : "";
        byte[] body = NAME.matcher(name).matches() ? resource(name) : null;
        if (body == null) {
          respond(ex, 404, "text/plain; charset=utf-8", "Not found\n".getBytes(StandardCharsets.UTF_8), "no-store");
        } else {
          respond(ex, 200, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), body, "no-cache");
        }
      }
    } finally {
      ex.close();
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = DashboardServer.class.getResourceAsStream(FOLDER + name)) {
      return in == null ? null : in.readAllBytes();
    }
  }

  private static void respond(HttpExchange ex, int status, String type, byte[] body, String cache) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", cache);
    ex.getResponseHeaders().set("Content-Security-Policy", CSP);
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    ex.getResponseHeaders().set("X-Frame-Options", "DENY");
    ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
