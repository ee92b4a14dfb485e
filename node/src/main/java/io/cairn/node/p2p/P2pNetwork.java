package io.cairn.node.p2p;

import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import io.cairn.node.p2p.tls.TlsBinding;
import io.cairn.node.p2p.tls.TlsContexts;
import io.cairn.node.p2p.wire.NodeId;
import io.cairn.node.p2p.wire.PeerAddress;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer-to-peer network of one node: encrypted links, flooding gossip, discovery, multi-peer
 * sync. All peer logic runs on one network thread; Netty's I/O threads only move bytes.
 *
 * <pre>{@code
 * P2pNetwork net = new P2pNetwork(config, backend, NodeKey.loadOrCreate(dataDir), bookStore, banStore);
 * net.start();               // binds, dials the bootstrap peers
 * ...
 * net.stop();                // says goodbye to every peer and releases threads and ports
 * }</pre>
 */
public final class P2pNetwork implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(P2pNetwork.class);
  private final Network net;
  private final DefaultEventLoop loop;
  private final Transport transport;
  private Channel server;
  private volatile boolean started;

  public P2pNetwork(P2pConfig config, P2pBackend backend, NodeKey key, AddressBookStore book, BanStore bans) {
    this(config, backend, key, book, bans, System::currentTimeMillis);
  }

  P2pNetwork(P2pConfig config, P2pBackend backend, NodeKey key, AddressBookStore book, BanStore bans, LongSupplier clock) {
    this.loop = new DefaultEventLoop(new DefaultThreadFactory("cairn-p2p-" + key.id().shortHex(), true));
    this.transport = new Transport(config.transport(), 2);
    TlsContexts tls = config.tls() ? new TlsContexts(TlsBinding.create(key)) : null;
    this.net = new Network(config, backend, key, loop, transport, tls, book, bans, clock);
  }

  /** Binds the listening port, dials the bootstrap peers and starts the periodic work. */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    P2pConfig c = net.cfg;
    WriteBufferWaterMark marks = new WriteBufferWaterMark(c.writeLowWaterMark(), c.writeHighWaterMark());
    ServerBootstrap sb = new ServerBootstrap().group(transport.boss, transport.workers)
        .channel(transport.serverChannel)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, marks)
        .childHandler(net.initializer(false, null));
    try {
      server = sb.bind(transport.bindAddress(c)).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      transport.shutdown();
      loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw new IllegalStateException("cannot listen for peers on " + c.listenHost() + ":" + c.listenPort()
          + ": " + e.getMessage(), e);
    }
    net.listenPort = transport.portOf(server.localAddress(), c.listenPort());
    started = true;
    net.backend.addListener(new P2pBackend.Listener() {
      @Override
      public void onTransaction(Transaction tx) {
        net.execute(() -> net.txRelay.onAccepted(tx));
      }

      @Override
      public void onBlockConnected(Block block) {
        net.execute(() -> net.blockSync.onBlockConnected(block));
      }

      @Override
      public void onBlockStored(Block block) {
        net.execute(() -> net.blockSync.onBlockStored(block));
      }

      @Override
      public void onBlockMined(Block block) {
        net.execute(() -> net.blockSync.onBlockMined(block));
      }
    });
    Bootstrap client = new Bootstrap().group(transport.workers).channel(transport.channel)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, c.handshakeTimeout().toMillis()));
    net.execute(() -> {
      net.discovery.start(client, c.bootstrap());
      net.discovery.tick();
    });
    long tick = Math.max(10, c.tickInterval().toMillis());
    loop.scheduleWithFixedDelay(() -> net.execute(this::tick), tick, tick, TimeUnit.MILLISECONDS);
    log.info("P2P listening on {} as node {}", listenAddress(), net.key.id());
  }

  private void tick() {
    net.txRelay.tick();
    net.blockSync.tick();
    net.discovery.tick();
  }

  /** Where this node accepts peers (the bound port when 0 was configured). */
  public PeerAddress listenAddress() {
    String host = transport.kind == P2pConfig.Transport.LOCAL ? Transport.LOCAL_HOST
        : ("0.0.0.0".equals(net.cfg.listenHost()) ? "127.0.0.1" : net.cfg.listenHost());
    return new PeerAddress(host, net.listenPort);
  }

  public NodeId nodeId() {
    return net.key.id();
  }

  /** Dials a peer now and remembers its address. */
  public void connect(PeerAddress address) {
    net.execute(() -> net.discovery.connect(address));
  }

  /** Closes the link to a peer (it may come back; see {@link #setBlockedPeers} to keep it away). */
  public void disconnect(NodeId id) {
    net.execute(() -> {
      Peer p = net.peers.get(id);
      if (p != null) {
        net.drop(p, io.cairn.common.reason.Reason.TIMEOUT, "disconnected by the operator");
      }
    });
  }

  /**
   * Refuses and drops links to these node ids until called again with a smaller set (a testnet
   * partition; an empty set heals it).
   */
  public void setBlockedPeers(Set<NodeId> ids) {
    net.execute(() -> net.setBlocked(ids));
  }

  public List<PeerInfo> peers() {
    return call(net::snapshot);
  }

  public P2pStats.Snapshot stats() {
    return net.stats.snapshot();
  }

  /** Bodies still wanted by the block download (0 when in sync with every peer's headers). */
  public int blocksWanted() {
    return call(net.blockSync::wantedCount);
  }

  /** True while blocks or headers are being fetched from peers (see {@link BlockSync#catchingUp}). */
  public boolean catchingUp() {
    return call(net.blockSync::catchingUp);
  }

  /** Test hook: encoded bytes of received blocks held on their way into the chain. */
  long heldBlockBytesForTest() {
    return call(net.blockSync::heldBlockBytes);
  }

  /** Test hook: block requests sent and not yet answered, over all peers. */
  int blocksInFlightForTest() {
    return call(() -> net.peers.values().stream().mapToInt(p -> p.blocksInFlight.size()).sum());
  }

  int bannedCount() {
    return call(net.bans::bannedCount);
  }

  int addressBookSize() {
    return call(net.discovery::bookSize);
  }

  /** Test hook: failed dials of {@code a} since its last success, which set its backoff. */
  int dialFailuresForTest(PeerAddress a) {
    return call(() -> net.discovery.failures(a));
  }

  /** Test hook: runs {@code task} on the network thread, after the tasks queued before it. */
  void executeForTest(Runnable task) {
    net.execute(task);
  }

  /** Test hook: writes raw bytes to a peer inside its TLS session, under the message framing. */
  void sendRawForTest(NodeId id, byte[] bytes) {
    call(() -> {
      Peer p = net.peers.get(id);
      if (p != null) {
        p.channel.pipeline().context("frame-encoder").writeAndFlush(Unpooled.wrappedBuffer(bytes));
      }
      return null;
    });
  }

  /** Test hook: sends any message to a peer, as a misbehaving node would. */
  void sendForTest(NodeId id, io.cairn.node.p2p.wire.Message m) {
    call(() -> {
      Peer p = net.peers.get(id);
      if (p != null) {
        p.send(m);
      }
      return null;
    });
  }

  /**
   * Test hook: a peer's inbox, to watch from any thread (also while the network thread is held): the
   * messages and bytes it holds, and whether its link is being read.
   */
  InboxProbe inboxForTest(NodeId id) {
    Peer p = call(() -> net.peers.get(id));
    if (p == null) {
      throw new IllegalStateException("no peer " + id);
    }
    return new InboxProbe(p);
  }

  /** See {@link #inboxForTest}. */
  static final class InboxProbe {
    private final Peer peer;

    private InboxProbe(Peer peer) {
      this.peer = peer;
    }

    int messages() {
      return peer.inbox.budget().messages();
    }

    long bytes() {
      return peer.inbox.budget().bytes();
    }

    boolean reading() {
      return peer.channel.config().isAutoRead();
    }
  }

  /** Test hook: stops (or resumes) reading from a peer, as a peer that stopped reading would. */
  void setAutoReadForTest(NodeId id, boolean autoRead) {
    call(() -> {
      Peer p = net.peers.get(id);
      if (p != null) {
        p.channel.config().setAutoRead(autoRead);
      }
      return null;
    });
  }

  private <T> T call(Supplier<T> s) {
    if (loop.inEventLoop()) {
      return s.get();
    }
    try {
      return loop.submit(s::get).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("network thread did not answer", e);
    }
  }

  /** Says goodbye to every peer, closes the listener and releases all threads. Idempotent. */
  public synchronized void stop() {
    if (loop.isShuttingDown()) {
      return;
    }
    if (started) {
      try {
        call(() -> {
          for (Peer p : net.peerList()) {
            net.drop(p, io.cairn.common.reason.Reason.TIMEOUT, "node shutting down");
          }
          return null;
        });
      } catch (IllegalStateException e) {
        log.debug("peers not closed cleanly: {}", e.getMessage());
      }
      if (server != null) {
        server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
      }
    }
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    transport.shutdown();
    transport.boss.terminationFuture().awaitUninterruptibly(3, TimeUnit.SECONDS);
    transport.workers.terminationFuture().awaitUninterruptibly(3, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    stop();
  }
}
