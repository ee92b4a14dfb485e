package io.cairn.node.p2p;

import io.cairn.node.p2p.wire.PeerAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Every knob of the peer-to-peer network. {@link #builder()} starts from the defaults described in
 * docs/protocol.md section 9.
 *
 * @param transport TCP for real links, LOCAL for Netty's in-memory channels (simulations)
 * @param listenHost address to bind (TCP) ; ignored for LOCAL
 * @param listenPort port to bind; 0 picks a free one (TCP); for LOCAL the in-memory address number
 * @param tls encrypt and authenticate links (TLS 1.3); may be off only on the LOCAL transport
 * @param maxUploadRate per-peer upload cap in bytes per second, 0 = off
 * @param maxHeldBlockBytes most encoded bytes of blocks a syncing node holds in memory or has
 *     requested (those counted at the typical size of the blocks received) before it only fills gaps
 *     (see {@code BlockPipeline#downloadRoom}); default 3 MiB. Decoded, a block takes about 3.5
 *     times its encoded size of heap: at the earlier 6 MiB, with the requests in flight not counted,
 *     a syncing node held about 42,000 transactions (21 MiB), and its peak RSS in W4 was 13-15 MiB
 *     higher, at no measurable gain in speed (about 16 blocks are checked at once, see
 *     {@code BlockPipeline})
 * @param maxAddressBook most addresses the address book keeps (learnt ones; a full book makes room
 *     by dropping addresses that never worked, see {@code Discovery})
 */
public record P2pConfig(
    Transport transport,
    String listenHost,
    int listenPort,
    boolean tls,
    List<PeerAddress> bootstrap,
    String userAgent,
    int maxFrameBytes,
    Duration handshakeTimeout,
    Duration idleTimeout,
    Duration pingInterval,
    int writeLowWaterMark,
    int writeHighWaterMark,
    Duration txAnnounceInterval,
    int maxAnnounceQueue,
    Duration txRequestTimeout,
    int maxTxInFlightPerPeer,
    int maxTxPending,
    int targetOutbound,
    int maxInbound,
    Duration reconnectBase,
    Duration reconnectMax,
    Duration addrInterval,
    Duration banDuration,
    Duration throttleDuration,
    int blockWindow,
    int maxBlocksInFlightPerPeer,
    Duration blockStallTimeout,
    Duration requestTimeout,
    int maxOrphanBlocks,
    int maxWantedHeaders,
    long maxUploadRate,
    Duration tickInterval,
    long maxHeldBlockBytes,
    int maxAddressBook) {

  /** Which Netty transport carries the links. */
  public enum Transport { TCP, LOCAL }

  public P2pConfig {
    Objects.requireNonNull(transport, "transport");
    bootstrap = List.copyOf(bootstrap);
    if (!tls && transport == Transport.TCP) {
      throw new IllegalArgumentException("TLS may be turned off only on the local transport");
    }
    if (maxFrameBytes < 1 << 20 || writeLowWaterMark <= 0 || writeHighWaterMark <= writeLowWaterMark
        || targetOutbound < 0 || maxInbound < 0 || blockWindow < 1 || maxBlocksInFlightPerPeer < 1
        || maxTxInFlightPerPeer < 1 || maxAnnounceQueue < 1 || maxUploadRate < 0
        || maxHeldBlockBytes < 1 || maxAddressBook < 1) {
      throw new IllegalArgumentException("P2P configuration value out of range");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.transport = transport; b.listenHost = listenHost; b.listenPort = listenPort; b.tls = tls;
    b.bootstrap = bootstrap; b.userAgent = userAgent; b.maxFrameBytes = maxFrameBytes;
    b.handshakeTimeout = handshakeTimeout; b.idleTimeout = idleTimeout; b.pingInterval = pingInterval;
    b.writeLowWaterMark = writeLowWaterMark; b.writeHighWaterMark = writeHighWaterMark;
    b.txAnnounceInterval = txAnnounceInterval; b.maxAnnounceQueue = maxAnnounceQueue;
    b.txRequestTimeout = txRequestTimeout; b.maxTxInFlightPerPeer = maxTxInFlightPerPeer;
    b.maxTxPending = maxTxPending; b.targetOutbound = targetOutbound; b.maxInbound = maxInbound;
    b.reconnectBase = reconnectBase; b.reconnectMax = reconnectMax; b.addrInterval = addrInterval;
    b.banDuration = banDuration; b.throttleDuration = throttleDuration; b.blockWindow = blockWindow;
    b.maxBlocksInFlightPerPeer = maxBlocksInFlightPerPeer; b.blockStallTimeout = blockStallTimeout;
    b.requestTimeout = requestTimeout; b.maxOrphanBlocks = maxOrphanBlocks;
    b.maxWantedHeaders = maxWantedHeaders; b.maxUploadRate = maxUploadRate; b.tickInterval = tickInterval;
    b.maxHeldBlockBytes = maxHeldBlockBytes; b.maxAddressBook = maxAddressBook;
    return b;
  }

  /** Mutable builder holding the defaults. */
  public static final class Builder {
    Transport transport = Transport.TCP;
    String listenHost = "0.0.0.0";
    int listenPort = 7420;
    boolean tls = true;
    List<PeerAddress> bootstrap = List.of();
    String userAgent = "cairn/0.1.0";
    int maxFrameBytes = 4 * 1024 * 1024 + 64 * 1024;
    Duration handshakeTimeout = Duration.ofSeconds(10);
    Duration idleTimeout = Duration.ofSeconds(90);
    Duration pingInterval = Duration.ofSeconds(30);
    int writeLowWaterMark = 256 * 1024;
    int writeHighWaterMark = 1024 * 1024;
    Duration txAnnounceInterval = Duration.ofMillis(50);
    int maxAnnounceQueue = 50_000;
    Duration txRequestTimeout = Duration.ofSeconds(2);
    int maxTxInFlightPerPeer = 2_000;
    int maxTxPending = 200_000;
    int targetOutbound = 8;
    int maxInbound = 64;
    Duration reconnectBase = Duration.ofSeconds(1);
    Duration reconnectMax = Duration.ofMinutes(5);
    Duration addrInterval = Duration.ofSeconds(10);
    Duration banDuration = Duration.ofHours(24);
    Duration throttleDuration = Duration.ofSeconds(30);
    int blockWindow = 1024;
    int maxBlocksInFlightPerPeer = 16;
    Duration blockStallTimeout = Duration.ofSeconds(2);
    Duration requestTimeout = Duration.ofSeconds(30);
    int maxOrphanBlocks = 256;
    int maxWantedHeaders = 100_000;
    long maxUploadRate = 0;
    Duration tickInterval = Duration.ofMillis(100);
    long maxHeldBlockBytes = 3L << 20;
    int maxAddressBook = 10_000;

    public Builder transport(Transport v) { transport = v; return this; }
    public Builder listenHost(String v) { listenHost = v; return this; }
    public Builder listenPort(int v) { listenPort = v; return this; }
    public Builder tls(boolean v) { tls = v; return this; }
    public Builder bootstrap(List<PeerAddress> v) { bootstrap = v; return this; }
    public Builder userAgent(String v) { userAgent = v; return this; }
    public Builder maxFrameBytes(int v) { maxFrameBytes = v; return this; }
    public Builder handshakeTimeout(Duration v) { handshakeTimeout = v; return this; }
    public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
    public Builder pingInterval(Duration v) { pingInterval = v; return this; }
    public Builder writeWaterMarks(int low, int high) { writeLowWaterMark = low; writeHighWaterMark = high; return this; }
    public Builder txAnnounceInterval(Duration v) { txAnnounceInterval = v; return this; }
    public Builder maxAnnounceQueue(int v) { maxAnnounceQueue = v; return this; }
    public Builder txRequestTimeout(Duration v) { txRequestTimeout = v; return this; }
    public Builder maxTxInFlightPerPeer(int v) { maxTxInFlightPerPeer = v; return this; }
    public Builder maxTxPending(int v) { maxTxPending = v; return this; }
    public Builder targetOutbound(int v) { targetOutbound = v; return this; }
    public Builder maxInbound(int v) { maxInbound = v; return this; }
    public Builder reconnect(Duration base, Duration max) { reconnectBase = base; reconnectMax = max; return this; }
    public Builder addrInterval(Duration v) { addrInterval = v; return this; }
    public Builder banDuration(Duration v) { banDuration = v; return this; }
    public Builder throttleDuration(Duration v) { throttleDuration = v; return this; }
    public Builder blockWindow(int v) { blockWindow = v; return this; }
    public Builder maxBlocksInFlightPerPeer(int v) { maxBlocksInFlightPerPeer = v; return this; }
    public Builder blockStallTimeout(Duration v) { blockStallTimeout = v; return this; }
    public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }
    public Builder maxOrphanBlocks(int v) { maxOrphanBlocks = v; return this; }
    public Builder maxWantedHeaders(int v) { maxWantedHeaders = v; return this; }
    public Builder maxUploadRate(long v) { maxUploadRate = v; return this; }
    public Builder tickInterval(Duration v) { tickInterval = v; return this; }
    public Builder maxHeldBlockBytes(long v) { maxHeldBlockBytes = v; return this; }
    public Builder maxAddressBook(int v) { maxAddressBook = v; return this; }

    public P2pConfig build() {
      return new P2pConfig(transport, listenHost, listenPort, tls, bootstrap, userAgent, maxFrameBytes,
          handshakeTimeout, idleTimeout, pingInterval, writeLowWaterMark, writeHighWaterMark,
          txAnnounceInterval, maxAnnounceQueue, txRequestTimeout, maxTxInFlightPerPeer, maxTxPending,
          targetOutbound, maxInbound, reconnectBase, reconnectMax, addrInterval, banDuration,
          throttleDuration, blockWindow, maxBlocksInFlightPerPeer, blockStallTimeout, requestTimeout,
          maxOrphanBlocks, maxWantedHeaders, maxUploadRate, tickInterval, maxHeldBlockBytes, maxAddressBook);
    }
  }
}
