package io.cairn.node.p2p;

import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.node.p2p.tls.TlsContexts;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.MessageCodec;
import io.cairn.node.p2p.wire.NodeId;
import io.cairn.node.p2p.wire.PeerAddress;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network's state machine, run on one thread ({@link #loop}): the registry of peers, message
 * dispatch to the relay, sync and discovery parts, and misbehaviour handling.
 */
final class Network {
  private static final Logger log = LoggerFactory.getLogger(Network.class);
  private static final LengthFieldPrepender PREPENDER = new LengthFieldPrepender(4);

  final P2pConfig cfg;
  final P2pBackend backend;
  final NodeKey key;
  final P2pStats stats;
  final EventLoop loop;
  final Transport transport;
  final LongSupplier clock;
  final Random random = new Random();
  final Map<NodeId, Peer> peers = new LinkedHashMap<>();
  final Bans bans;
  final TxRelay txRelay;
  final BlockSync blockSync;
  final Discovery discovery;
  private final TlsContexts tls;
  private final MessageCodecHandler codec;
  private Set<NodeId> blocked = Set.of();
  /** Inbound links still in their handshake (counted on I/O threads). */
  final java.util.concurrent.atomic.AtomicInteger handshaking = new java.util.concurrent.atomic.AtomicInteger();
  volatile int listenPort;

  Network(P2pConfig cfg, P2pBackend backend, NodeKey key, EventLoop loop, Transport transport, TlsContexts tls,
      AddressBookStore book, BanStore banStore, LongSupplier clock) {
    this.cfg = cfg;
    this.backend = backend;
    this.key = key;
    this.loop = loop;
    this.transport = transport;
    this.tls = tls;
    this.clock = clock;
    this.stats = new P2pStats();
    this.codec = new MessageCodecHandler(stats);
    this.bans = new Bans(banStore, clock);
    this.txRelay = new TxRelay(this);
    this.blockSync = new BlockSync(this);
    this.discovery = new Discovery(this, book);
  }

  long now() {
    return clock.getAsLong();
  }

  /** Runs on the network thread; failures are logged, never lost silently. */
  void execute(Runnable r) {
    if (loop.isShuttingDown()) {
      return;
    }
    try {
      loop.execute(() -> {
        try {
          r.run();
        } catch (RuntimeException e) {
          log.error("network task failed", e);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      log.debug("network stopped; dropping a late event");
    }
  }

  void schedule(Runnable r, long delayMs) {
    if (!loop.isShuttingDown()) {
      loop.schedule(() -> execute(r), delayMs, TimeUnit.MILLISECONDS);
    }
  }

  ChannelInitializer<Channel> initializer(boolean outbound, PeerAddress dialed) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        if (cfg.maxUploadRate() > 0) {
          p.addLast("upload-cap", new UploadCap(cfg.maxUploadRate()));
        }
        if (tls != null) {
          p.addLast("tls", tls.newHandler(outbound));
        }
        p.addLast("frame-decoder", new LengthFieldBasedFrameDecoder(cfg.maxFrameBytes(), 0, 4, 0, 4));
        p.addLast("frame-encoder", PREPENDER);
        p.addLast("codec", codec);
        p.addLast("idle", new IdleStateHandler(cfg.idleTimeout().toMillis(), cfg.pingInterval().toMillis(), 0,
            TimeUnit.MILLISECONDS));
        p.addLast("handshake", new HandshakeHandler(Network.this::hello, key.id(), tls != null,
            cfg.handshakeTimeout().toMillis()));
        p.addLast("peer", new PeerHandler(Network.this, outbound, dialed));
      }
    };
  }

  Message.Hello hello() {
    P2pBackend.Tip tip = backend.tip();
    return new Message.Hello(MessageCodec.PROTOCOL_VERSION, backend.genesisHash(), key.id().hash(), listenPort,
        tip.height(), tip.cumulativeWork(), cfg.userAgent());
  }

  String remoteText(Channel ch) {
    return String.valueOf(ch.remoteAddress());
  }

  PeerAddress listenAddressOf(Channel ch, int port) {
    return new PeerAddress(transport.hostOf(ch.remoteAddress()), port);
  }

  /**
   * Called on an I/O thread for a new inbound link: refuses throttled non-local hosts, and more
   * links in their handshake at once than there are inbound slots (at least 8). An accepted link is
   * counted in {@link #handshaking} (atomically with the check, since several I/O threads accept);
   * its handler releases it when the handshake ends.
   */
  boolean refuseInbound(Channel ch) {
    if (bans.isThrottled(transport.hostOf(ch.remoteAddress()), now())) {
      return true;
    }
    if (handshaking.incrementAndGet() > Math.max(8, cfg.maxInbound())) {
      handshaking.decrementAndGet();
      return true;
    }
    return false;
  }

  // ---- events, all on the network thread ----

  void onHandshake(Peer p) {
    if (p.channel.isActive() && (bans.isBanned(p.id, now()) || blocked.contains(p.id))) {
      refuse(p, Reason.BANNED, "banned or blocked");
      return;
    }
    if (!p.channel.isActive()) {
      return;
    }
    Peer existing = peers.get(p.id);
    if (existing != null) {
      NodeId dialerNew = p.outbound ? key.id() : p.id;
      NodeId dialerOld = existing.outbound ? key.id() : existing.id;
      if (dialerNew.equals(dialerOld) || dialerOld.compareTo(dialerNew) < 0) {
        refuse(p, Reason.DUPLICATE_CONNECTION, "already connected");
        return;
      }
      stats.refused(Reason.DUPLICATE_CONNECTION);
      drop(existing, Reason.DUPLICATE_CONNECTION, "replaced by the link the lower node id dialled");
    }
    if (!p.outbound && inboundCount() >= cfg.maxInbound()) {
      p.send(discovery.addrsFor(p));
      refuse(p, Reason.TOO_MANY_PEERS, "inbound slots full");
      return;
    }
    peers.put(p.id, p);
    log.info("peer connected {} {} height {} ({})", p.outbound ? "to" : "from", p, p.bestHeight, p.userAgent);
    discovery.onConnected(p);
    txRelay.onConnected(p);
    blockSync.onConnected(p);
  }

  void onHandshakeFailed(Channel ch, boolean outbound, PeerAddress dialed, Rejected r) {
    String host = transport.hostOf(ch.remoteAddress());
    log.info("handshake with {} failed: {}", ch.remoteAddress(), r);
    stats.refused(r.reason());
    if (r.reason() == Reason.SELF_CONNECTION && dialed != null) {
      discovery.forgetSelf(dialed);
      return;
    }
    if (r.reason() != Reason.HANDSHAKE_TIMEOUT && r.reason() != Reason.TOO_MANY_PEERS) {
      bans.throttle(host, now() + cfg.throttleDuration().toMillis());
    }
    // A failed dial is counted once, by onDialFailed, when its link has closed.
  }

  void onDialFailed(PeerAddress dialed) {
    if (dialed != null) {
      discovery.onFailure(dialed);
    }
  }

  void onClosed(Peer p) {
    if (p.closed) {
      return;
    }
    p.closed = true;
    if (peers.get(p.id) == p) {
      peers.remove(p.id);
      log.info("peer disconnected {}", p);
      txRelay.onClosed(p);
      blockSync.onClosed(p);
      discovery.onClosed(p);
    } else if (p.outbound && p.listenAddress != null) {
      // A dial that ended before its handshake was taken here (the peer refused us and closed
      // first): a failed dial. Left "in progress", the address would never be dialled again.
      discovery.onFailure(p.listenAddress);
    }
  }

  void onWritable(Peer p) {
    while (!p.closed && p.writable() && !p.servingBusy && !p.serveQueue.isEmpty()) {
      serve(p, p.serveQueue.poll());
    }
    p.inbox.wake();
    txRelay.flushAnnouncements(p);
  }

  /** A message that asks for an answer (see {@link Inbox}: it waits while earlier answers are unsent). */
  static boolean isRequest(Message m) {
    return switch (m.type()) {
      case GET_TX, GET_HEADERS, GET_BLOCKS, GET_COMPACT, GET_BLOCK_TXS, GET_ADDRS, GET_MEMPOOL -> true;
      default -> false;
    };
  }

  /** One message of an authenticated peer, handed over by its {@link Inbox}. */
  void onMessage(Peer p, Message m) {
    if (p.closed || peers.get(p.id) != p) {
      return;
    }
    if (isRequest(m)) {
      serve(p, m); // the inbox hands a request over only when its answer can go out at once (Peer.canAnswer)
      return;
    }
    switch (m.type()) {
      case INV_TX -> txRelay.onInv(p, ((Message.InvTx) m).txids());
      case TXS -> txRelay.onTxs(p, ((Message.Txs) m).txs());
      case TX_NOT_FOUND -> txRelay.onNotFound(p, ((Message.TxNotFound) m).txids());
      case NOT_FOUND -> blockSync.onNotFound(p, ((Message.NotFound) m).hashes()); // blocks only (see the codec)
      case HEADERS -> blockSync.onHeaders(p, ((Message.Headers) m).headers());
      case BLOCK -> blockSync.onBlock(p, ((Message.FullBlock) m).block());
      case COMPACT_BLOCK -> blockSync.onCompact(p, (Message.CompactBlock) m);
      case BLOCK_TXS -> blockSync.onBlockTxs(p, (Message.BlockTxs) m);
      case ADDRS -> discovery.onAddrs(p, ((Message.Addrs) m).addresses());
      default -> misbehave(p, Rejected.of(Reason.UNSOLICITED, "unexpected " + m.type() + " after the handshake"));
    }
  }

  private void serve(Peer p, Message m) {
    switch (m.type()) {
      case GET_TX -> txRelay.serveTxs(p, ((Message.GetTx) m).txids());
      case GET_MEMPOOL -> txRelay.serveMempool(p);
      case GET_HEADERS -> blockSync.serveHeaders(p, ((Message.GetHeaders) m).locator());
      case GET_BLOCKS -> blockSync.serveBlocks(p, ((Message.GetBlocks) m).hashes());
      case GET_COMPACT -> blockSync.serveCompact(p, ((Message.GetCompact) m).hash());
      case GET_BLOCK_TXS -> blockSync.serveBlockTxs(p, (Message.GetBlockTxs) m);
      case GET_ADDRS -> discovery.serveAddrs(p);
      default -> throw new IllegalStateException("not a request: " + m.type());
    }
  }

  /** A protocol breach by an authenticated peer: ban its node id and disconnect. */
  void misbehave(Peer p, Rejected why) {
    if (p.closed) {
      return;
    }
    log.warn("banning peer {}: {}", p, why);
    stats.bans.increment();
    bans.banNode(p.id, now() + cfg.banDuration().toMillis());
    drop(p, why.reason(), why.detail());
  }

  /** Says why, closes and forgets the peer now. */
  void drop(Peer p, Reason reason, String detail) {
    onClosed(p);
    sayByeAndClose(p.channel, reason, detail);
  }

  /** How long a goodbye may take to be written before the link is closed without it. */
  static final long BYE_GRACE_MS = 3_000;

  /**
   * Sends BYE and closes the link once it is written, or after {@link #BYE_GRACE_MS} whatever became
   * of it: a peer that does not read would otherwise keep the link, and what waits to be sent on it,
   * open for ever. What waits in the link's upload cap is dropped first, so the goodbye does not
   * queue behind it. A link still open after the grace is closed below TLS: a peer that did not
   * read the goodbye would not read TLS's close_notify either, which the TLS handler would otherwise
   * wait another 3 s for before closing the link itself with a warning.
   */
  static void sayByeAndClose(Channel ch, Reason reason, String detail) {
    UploadCap.discardWaiting(ch);
    ch.writeAndFlush(new Message.Bye(reason, detail)).addListener(ChannelFutureListener.CLOSE);
    ch.eventLoop().schedule(() -> {
      if (ch.isOpen()) {
        ChannelHandlerContext tls = ch.pipeline().context(SslHandler.class);
        if (tls != null) {
          tls.close(); // from the TLS handler's place towards the socket: it sends nothing more
        } else {
          ch.close();
        }
      }
    }, BYE_GRACE_MS, TimeUnit.MILLISECONDS);
  }

  private void refuse(Peer p, Reason reason, String detail) {
    log.info("refusing peer {}: {} {}", p, reason, detail);
    stats.refused(reason);
    p.closed = true;
    if (p.outbound && p.listenAddress != null && reason != Reason.DUPLICATE_CONNECTION) {
      discovery.onFailure(p.listenAddress);
    } else {
      discovery.onClosed(p);
    }
    sayByeAndClose(p.channel, reason, detail);
  }

  int inboundCount() {
    int n = 0;
    for (Peer p : peers.values()) {
      n += p.outbound ? 0 : 1;
    }
    return n;
  }

  int outboundCount() {
    return peers.size() - inboundCount();
  }

  Collection<Peer> peerList() {
    return new ArrayList<>(peers.values());
  }

  void setBlocked(Set<NodeId> ids) {
    blocked = Set.copyOf(ids);
    for (Peer p : peerList()) {
      if (blocked.contains(p.id)) {
        drop(p, Reason.BANNED, "link blocked");
      }
    }
  }

  boolean isBlocked(NodeId id) {
    return blocked.contains(id);
  }

  List<PeerInfo> snapshot() {
    List<PeerInfo> out = new ArrayList<>();
    for (Peer p : peers.values()) {
      out.add(p.info());
    }
    return out;
  }

  Set<NodeId> connectedIds() {
    return new HashSet<>(peers.keySet());
  }
}
