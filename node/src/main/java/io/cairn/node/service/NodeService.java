package io.cairn.node.service;

import io.cairn.common.spec.ChainSpec;
import io.cairn.node.mempool.Mempool;
import io.cairn.node.mempool.MempoolConfig;
import io.cairn.node.mempool.TxPrecheck;
import io.cairn.node.mempool.verify.TxVerifier;
import io.cairn.node.metrics.NodeMetrics;
import io.cairn.node.p2p.NodeKey;
import io.cairn.node.p2p.P2pConfig;
import io.cairn.node.p2p.P2pNetwork;
import io.cairn.node.p2p.wire.PeerAddress;
import io.cairn.node.rpc.RpcConfig;
import io.cairn.node.rpc.RpcServer;
import io.cairn.node.rpc.RpcStartException;
import io.cairn.node.store.ChainEngine;
import io.cairn.node.store.ChainHead;
import io.cairn.node.store.ChainStore;
import io.cairn.node.store.StoreException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running full node, the composition root: it opens the chain store, starts the chain thread
 * (which alone mutates the chain engine and the mempool), the verifier pool, the RPC server, the
 * peer-to-peer network and the miner, and wires them through small adapters ({@link ChainActor},
 * {@link Queries}, {@link Commands}, {@link Backend}, {@link MinerControl}).
 *
 * <pre>{@code
 * NodeService node = NodeService.start(config);   // NodeStartException: one line + exit code
 * System.out.print(node.banner());
 * ...
 * node.close();   // miner, peers, RPC, chain thread (drained), store; idempotent
 * }</pre>
 */
public final class NodeService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("io.cairn.node");

  private final NodeConfig config;
  private final ChainStore store;
  private final ChainThread thread;
  private final TxVerifier verifier;
  private final ChainActor actor;
  private final NodeMetrics metrics;
  private final P2pNetwork net;
  private final MinerControl miner;
  private final Commands commands;
  private final ScheduledExecutorService service;
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final AtomicBoolean syncing = new AtomicBoolean();
  private final CountDownLatch closed = new CountDownLatch(1);
  private RpcServer rpc;

  private NodeService(NodeConfig config, Deque<AutoCloseable> opened) {
    this.config = config;
    ChainSpec spec = config.spec();
    DataDir.writeSpec(config.dataDir(), spec);
    this.store = DataDir.openStore(config.dataDir(), spec);
    opened.push(store);
    this.verifier = TxVerifier.forCores(store.genesisHash());
    opened.push(verifier);
    ChainEngine engine;
    try {
      engine = ChainEngine.open(store, verifier); // its cache answers for transactions the mempool verified
    } catch (StoreException e) {
      throw NodeStartException.runtime("cannot load the chain: " + e.getMessage(), e);
    }
    Mempool mempool = new Mempool(MempoolConfig.DEFAULT, TxPrecheck.consensus(spec, store.genesisHash(), verifier), store);
    this.thread = new ChainThread();
    opened.push(() -> thread.drain(Duration.ofSeconds(10)));
    this.metrics = new NodeMetrics();
    this.actor = new ChainActor(engine, mempool, verifier, thread, metrics, System::currentTimeMillis);
    MempoolFile.restore(config.dataDir(), store.genesisHash(), actor);
    NodeKey key;
    try {
      key = NodeKey.loadOrCreate(config.dataDir());
    } catch (RuntimeException e) {
      throw NodeStartException.runtime("cannot load the node key: " + e.getMessage(), e);
    }
    this.net = new P2pNetwork(p2pConfig(config), new Backend(actor), key, new StoreAddressBook(store),
        new StoreBans(store));
    opened.push(net);
    NetworkView view = new NetworkView(net, store);
    // The chain thread must never wait for the network thread (which waits for it): it and the
    // background miner read a flag refreshed every second instead of asking the network. miner_mine
    // (on an RPC worker) asks at once, as chain_info does: a flag sampled while one pushed block was
    // being imported would otherwise refuse it for up to a second after the node had caught up.
    actor.syncingWhen(syncing::get);
    this.miner = new MinerControl(actor, Optional.ofNullable(config.minerAddress()), config.mineThreads(),
        config.mineRate(), syncing::get, view::syncing);
    opened.push(miner);
    metrics.bindHeight(() -> actor.head().height()).bindPeers(view::peerCount)
        .bindMempool(actor::poolSize, actor::poolBytes).bindSignatureCache(verifier::cachedCount);
    this.commands = new Commands(actor, net, miner, open::get);
    this.rpc = startRpc(config, new Queries(actor, view, miner, open::get), commands, metrics);
    opened.push(rpc);
    startP2p(config, net);
    this.service = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cairn-service");
      t.setDaemon(true);
      return t;
    });
    opened.push(service::shutdownNow);
    MetricsFeed feed = new MetricsFeed(metrics, net, verifier);
    service.scheduleWithFixedDelay(() -> {
      try {
        feed.run();
      } catch (RuntimeException e) {
        LOG.debug("metrics feed: {}", e.toString());
      }
    }, 2, 2, TimeUnit.SECONDS);
    service.scheduleWithFixedDelay(() -> {
      try {
        syncing.set(view.syncing());
      } catch (RuntimeException e) {
        LOG.debug("sync state: {}", e.toString());
      }
    }, 1, 1, TimeUnit.SECONDS);
    thread.every(Duration.ofMinutes(1), actor::expire);
    if (config.mine()) {
      miner.start();
    }
  }

  /**
   * Starts a node. On failure everything started so far is stopped again.
   *
   * @throws NodeStartException with a one-line message and the exit code to use
   */
  public static NodeService start(NodeConfig config) {
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      return new NodeService(config, opened);
    } catch (RuntimeException e) {
      while (!opened.isEmpty()) {
        try {
          opened.pop().close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (e instanceof NodeStartException) {
        throw e;
      }
      throw NodeStartException.runtime("cannot start the node: " + e, e);
    }
  }

  static P2pConfig p2pConfig(NodeConfig c) {
    return P2pConfig.builder()
        .listenHost(c.p2pBind())
        .listenPort(c.p2pPort())
        .bootstrap(c.peers().stream().map(PeerAddress::parse).toList())
        .userAgent(NodeVersion.USER_AGENT)
        .targetOutbound(c.targetOutbound())
        .maxInbound(c.maxPeers())
        .maxUploadRate(c.maxUploadRate())
        .build();
  }

  private static RpcServer startRpc(NodeConfig c, Queries q, Commands cmd, NodeMetrics metrics) {
    RpcConfig rc = RpcConfig.defaults(c.dataDir()).withBind(c.rpcBind(), c.rpcPort()).withAuth(c.rpcAuth());
    try {
      return RpcServer.start(rc, q, cmd, metrics);
    } catch (RpcStartException e) {
      if (causedBy(e, BindException.class)) {
        throw NodeStartException.runtime("RPC port " + c.rpcPort() + " on " + c.rpcBind()
            + " is already in use (another node running?); choose another with --rpc-port", e);
      }
      if (e.getCause() == null) {
        throw NodeStartException.config(e.getMessage(), e);
      }
      throw NodeStartException.runtime(e.getMessage(), e);
    }
  }

  private static void startP2p(NodeConfig c, P2pNetwork net) {
    try {
      net.start();
    } catch (Exception e) { // Netty rethrows a failed bind's checked exception undeclared
      if (causedBy(e, BindException.class)) {
        throw NodeStartException.runtime("P2P port " + c.p2pPort() + " on " + c.p2pBind()
            + " is already in use (another node running?); choose another with --p2p-port", e);
      }
      throw NodeStartException.runtime("cannot start the P2P network: " + e.getMessage(), e);
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t) || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
        return true;
      }
    }
    return false;
  }

  /** The start-up banner: network, genesis, height, addresses, node id, data directory, cookie. */
  public String banner() {
    ChainHead head = actor.head();
    ChainSpec spec = config.spec();
    StringBuilder b = new StringBuilder();
    b.append("Cairn node ").append(NodeVersion.VERSION).append(" on network '").append(spec.network())
        .append("' (genesis ").append(store.genesisHash().toHex()).append(")\n");
    b.append("  height   ").append(head.height()).append(" (tip ").append(head.hash().shortHex()).append(")\n");
    b.append("  P2P      ").append(config.p2pBind()).append(':').append(p2pPort())
        .append("  node id ").append(nodeId()).append('\n');
    b.append("  RPC      http://").append(config.rpcBind()).append(':').append(rpcPort())
        .append(cookieFile().map(f -> "  cookie " + f).orElse("  (no auth)")).append('\n');
    b.append("  datadir  ").append(config.dataDir()).append('\n');
    if (config.mine()) {
      b.append("  mining   to ").append(config.minerAddress().encode(spec.addressPrefix())).append(" with ")
          .append(config.mineThreads()).append(" thread(s)")
          .append(config.mineRate() > 0 ? ", at most " + config.mineRate() + " hashes/s" : "").append('\n');
    }
    return b.toString();
  }

  public NodeConfig config() {
    return config;
  }

  public int rpcPort() {
    return rpc.port();
  }

  public int p2pPort() {
    return net.listenAddress().port();
  }

  public Optional<Path> cookieFile() {
    return rpc.cookieFile();
  }

  public String nodeId() {
    return net.nodeId().toString();
  }

  /** The peer-to-peer counters (bans, refusals by reason, bytes and items per message type). */
  public io.cairn.node.p2p.P2pStats.Snapshot p2pStats() {
    return net.stats();
  }

  /** The main chain's tip now. */
  public ChainHead head() {
    return actor.head();
  }

  /**
   * Refuses and drops links to these node ids (hex, as net_peers shows them) until called again with a
   * smaller set; an empty set heals. The same as JSON-RPC {@code net_setBlocked}.
   *
   * @throws IllegalArgumentException when an id is not 64 hex digits
   */
  public void blockPeers(java.util.Set<String> nodeIds) {
    commands.setBlockedPeers(java.util.List.copyOf(nodeIds)).ifPresent(r -> {
      throw new IllegalArgumentException(r.detail());
    });
  }

  public boolean isOpen() {
    return open.get();
  }

  /**
   * Stops accepting work, stops the miner, closes peers and the RPC server (deleting the cookie),
   * lets the chain thread finish what is queued, then closes the store. Idempotent; concurrent
   * callers return when the node is down.
   */
  @Override
  public void close() {
    if (!open.compareAndSet(true, false)) {
      awaitClosed();
      return;
    }
    LOG.info("shutting down");
    try {
      step("miner", miner::close);
      step("peers", net::stop);
      step("rpc", rpc::close);
      step("service", () -> {
        service.shutdownNow();
        service.awaitTermination(2, TimeUnit.SECONDS);
      });
      step("mempool", () -> MempoolFile.save(config.dataDir(), store.genesisHash(), actor));
      step("chain thread", () -> thread.drain(Duration.ofSeconds(30)));
      step("verifier", verifier::close);
      step("store", store::close);
      LOG.info("stopped at height {}", actor.head().height());
    } finally {
      closed.countDown();
    }
  }

  /** Blocks until {@link #close} has finished. */
  public void awaitClosed() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void step(String what, Step s) {
    try {
      s.run();
    } catch (Exception e) {
      LOG.warn("stopping the {} failed: {}", what, e.toString());
    }
  }
}
