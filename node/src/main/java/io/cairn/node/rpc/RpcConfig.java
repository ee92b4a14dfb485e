package io.cairn.node.rpc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the JSON-RPC server listens and what it tolerates.
 *
 * @param bindHost address to bind; anything but a loopback address requires {@code auth}
 * @param port TCP port (7421 by default; 0 picks a free one)
 * @param auth require the cookie token on every request except GET /health
 * @param dataDir where the {@code .cookie} file is written
 * @param maxBodyBytes largest request body; larger ones get HTTP 413
 * @param maxBatch most calls in one batch
 * @param maxJsonDepth deepest nesting of arrays and objects in a request
 * @param requestTimeout time allowed to receive one whole request once its first byte arrived
 * @param idleTimeout a connection with no traffic and no call running for this long is closed
 * @param workerThreads threads that execute calls (never the event loop)
 * @param queueCapacity requests waiting for a worker before new ones get HTTP 503 (0: none wait)
 * @param maxConnections open connections allowed at once; more are closed with HTTP 503
 */
public record RpcConfig(
    String bindHost,
    int port,
    boolean auth,
    Path dataDir,
    int maxBodyBytes,
    int maxBatch,
    int maxJsonDepth,
    Duration requestTimeout,
    Duration idleTimeout,
    int workerThreads,
    int queueCapacity,
    int maxConnections) {

  public static final int DEFAULT_PORT = 7421;
  public static final String DEFAULT_BIND = "127.0.0.1";

  public RpcConfig {
    Objects.requireNonNull(bindHost, "bindHost");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    require(port >= 0 && port <= 65535, "port must be 0 to 65535 but got " + port);
    require(maxBodyBytes >= 1024, "maxBodyBytes must be at least 1024 but got " + maxBodyBytes);
    require(maxBatch >= 1, "maxBatch must be at least 1 but got " + maxBatch);
    require(maxJsonDepth >= 2, "maxJsonDepth must be at least 2 but got " + maxJsonDepth);
    require(!requestTimeout.isNegative() && !requestTimeout.isZero(), "requestTimeout must be positive");
    require(!idleTimeout.isNegative() && !idleTimeout.isZero(), "idleTimeout must be positive");
    require(workerThreads >= 1, "workerThreads must be at least 1 but got " + workerThreads);
    require(queueCapacity >= 0, "queueCapacity must not be negative but got " + queueCapacity);
    require(maxConnections >= 1, "maxConnections must be at least 1 but got " + maxConnections);
  }

  /**
   * 127.0.0.1:7421 with auth, 8 MiB bodies, batches of 1000, depth 64, 10 s to send a request,
   * 60 s idle, two workers per core (4 to 8), 64 queued requests, 256 connections. A worker waits
   * while its call's signatures are checked on the verifier pool and the chain thread admits its
   * transactions, so one worker per core left the cores idle between batches: {@code RssBench 30600
   * w1 1} (W1, 2 cores), six runs alternating, gave 1-14% (median 5%) more transactions per second
   * with four workers than with two, at the same peak RSS.
   */
  public static RpcConfig defaults(Path dataDir) {
    int workers = Math.max(4, Math.min(8, 2 * Runtime.getRuntime().availableProcessors()));
    return new RpcConfig(DEFAULT_BIND, DEFAULT_PORT, true, dataDir, 8 * 1024 * 1024, 1_000, 64,
        Duration.ofSeconds(10), Duration.ofSeconds(60), workers, 64, 256);
  }

  public RpcConfig withBind(String host, int newPort) {
    return new RpcConfig(host, newPort, auth, dataDir, maxBodyBytes, maxBatch, maxJsonDepth, requestTimeout,
        idleTimeout, workerThreads, queueCapacity, maxConnections);
  }

  public RpcConfig withAuth(boolean on) {
    return new RpcConfig(bindHost, port, on, dataDir, maxBodyBytes, maxBatch, maxJsonDepth, requestTimeout,
        idleTimeout, workerThreads, queueCapacity, maxConnections);
  }

  public RpcConfig withMaxBodyBytes(int bytes) {
    return new RpcConfig(bindHost, port, auth, dataDir, bytes, maxBatch, maxJsonDepth, requestTimeout,
        idleTimeout, workerThreads, queueCapacity, maxConnections);
  }

  public RpcConfig withWorkers(int threads, int queue) {
    return new RpcConfig(bindHost, port, auth, dataDir, maxBodyBytes, maxBatch, maxJsonDepth, requestTimeout,
        idleTimeout, threads, queue, maxConnections);
  }

  public RpcConfig withTimeouts(Duration request, Duration idle) {
    return new RpcConfig(bindHost, port, auth, dataDir, maxBodyBytes, maxBatch, maxJsonDepth, request, idle,
        workerThreads, queueCapacity, maxConnections);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
