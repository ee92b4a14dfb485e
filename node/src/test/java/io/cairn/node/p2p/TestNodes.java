package io.cairn.node.p2p;

import static org.awaitility.Awaitility.await;

import io.cairn.common.spec.ChainSpec;
import io.cairn.node.p2p.wire.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Starts networks of in-memory nodes on 127.0.0.1 (or local channels) and stops them all. */
final class TestNodes implements AutoCloseable {
  static final ChainSpec SPEC = MemoryChain.spec("p2ptest");
  private final List<Node> nodes = new ArrayList<>();

  static {
    // Keep test output readable without a logback-test.xml (outside this package's ownership).
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.INFO);
  }
  private int seq;

  record Node(int index, MemoryChain chain, P2pNetwork net, BanStore bans, AddressBookStore book) {
    NodeId id() {
      return net.nodeId();
    }

    boolean connectedTo(Node other) {
      return net.peers().stream().anyMatch(p -> p.nodeId().equals(other.id()));
    }
  }

  /** Short intervals for tests; no automatic outbound links unless a test asks for them. */
  static P2pConfig.Builder fast() {
    return P2pConfig.builder().listenHost("127.0.0.1").listenPort(0).targetOutbound(0)
        .txAnnounceInterval(Duration.ofMillis(20)).tickInterval(Duration.ofMillis(50))
        .handshakeTimeout(Duration.ofSeconds(5)).reconnect(Duration.ofMillis(200), Duration.ofSeconds(2))
        .txRequestTimeout(Duration.ofSeconds(1)).blockStallTimeout(Duration.ofSeconds(2));
  }

  Node start() {
    return start(fast().build(), SPEC);
  }

  Node start(P2pConfig cfg) {
    return start(cfg, SPEC);
  }

  Node start(P2pConfig cfg, ChainSpec spec) {
    return start(cfg, spec, BanStore.inMemory());
  }

  Node start(P2pConfig cfg, ChainSpec spec, BanStore bans) {
    return start(cfg, spec, bans, AddressBookStore.inMemory());
  }

  /** A node whose address book starts as {@code book} holds (as after a restart). */
  Node start(P2pConfig cfg, AddressBookStore book) {
    return start(cfg, SPEC, BanStore.inMemory(), book);
  }

  private Node start(P2pConfig cfg, ChainSpec spec, BanStore bans, AddressBookStore book) {
    int i = seq++;
    MemoryChain chain = new MemoryChain(spec, MemoryChain.address(1000 + i));
    P2pNetwork net = new P2pNetwork(cfg, chain, NodeKey.generate(), book, bans);
    Node n = new Node(i, chain, net, bans, book);
    nodes.add(n);
    net.start();
    return n;
  }

  /** Dials b from a and waits until both list the link. */
  static void link(Node a, Node b) {
    a.net().connect(b.net().listenAddress());
    await().atMost(Duration.ofSeconds(15)).until(() -> a.connectedTo(b) && b.connectedTo(a));
  }

  /**
   * Holds {@code n}'s network thread until {@code release} is counted down (at most {@code max}), so
   * that a test can see what piles up while nothing is handled.
   */
  static void holdNetworkThread(Node n, CountDownLatch release, Duration max) {
    n.net().executeForTest(() -> {
      try {
        release.await(max.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  List<Node> all() {
    return List.copyOf(nodes);
  }

  @Override
  public void close() {
    for (Node n : nodes) {
      n.net().stop();
      n.chain().close();
    }
    for (Node n : nodes) {
      n.chain().close();
    }
  }
}
