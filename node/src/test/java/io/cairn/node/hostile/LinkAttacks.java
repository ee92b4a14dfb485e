package io.cairn.node.hostile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.spec.Genesis;
import io.cairn.node.hostile.Attacks.Outcome;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.MessageCodec;
import io.cairn.node.p2p.wire.NetAddress;
import io.cairn.node.p2p.wire.PeerAddress;
import io.cairn.node.p2p.wire.ShortTxid;
import io.cairn.node.testing.TestSpecs;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Attacks on the link itself: handshakes, frames, floods and useless requests (see {@link Attacks}). */
final class LinkAttacks {
  /** Bounds of the request flood: it ends at whichever comes first. */
  private static final Duration FLOOD_TIME = Duration.ofSeconds(8);
  private static final long FLOOD_REQUESTS = 400_000;
  /** Requests per write of the flood. */
  private static final int BURST = 500;

  private LinkAttacks() {}

  static Outcome wrongGenesis(Arena a) throws Exception {
    Hash other = Genesis.hash(TestSpecs.withAllocations(1, Amount.ofCrn(1)));
    HostilePeer p = a.connectOnly();
    p.send(p.helloFor(other));
    Arena.assertBye(p, p.awaitBye(Arena.STEP), Reason.WRONG_GENESIS);
    return Outcome.of("BYE wrong-genesis", p);
  }

  static Outcome endlessHandshake(Arena a) throws Exception {
    HostilePeer silent = a.connectOnly(); // TLS done, HELLO never sent
    List<Socket> raw = new ArrayList<>();
    int refusedAtOnce = 0;
    List<Hash> mined;
    try {
      for (int i = 0; i < 10; i++) {
        Socket s = new Socket("127.0.0.1", a.victim.p2pPort()); // not even TLS
        s.setSoTimeout(1_000);
        raw.add(s);
      }
      refusedAtOnce += closedWithin(raw.get(raw.size() - 1)) ? 1 : 0; // waits 1 s: the victim has seen them all
      for (Socket s : raw.subList(0, raw.size() - 1)) {
        s.setSoTimeout(100);
        refusedAtOnce += closedWithin(s) ? 1 : 0;
      }
      // 1 + 10 links in their handshake, 8 allowed at once (max(8, inbound slots)).
      assertEquals(3, refusedAtOnce, "links beyond the handshake cap are closed at once");
      mined = a.honestRpc.mine(1);
      await().atMost(Arena.STEP).until(() -> a.victimRpc.tip().hash().equals(mined.get(0)));
      Arena.assertBye(silent, silent.awaitBye(Duration.ofSeconds(15)), Reason.HANDSHAKE_TIMEOUT);
      for (Socket s : raw) {
        s.setSoTimeout(5_000);
        assertTrue(closedWithin(s), "a silent TCP link is closed after the handshake timeout");
      }
    } finally {
      for (Socket s : raw) {
        s.close();
      }
    }
    return Outcome.of(refusedAtOnce + " of 11 closed at once (cap 8); a block mined meanwhile arrived; the rest"
        + " closed after 10 s, the TLS one with BYE handshake-timeout", silent).withExpectedTip(mined.get(0));
  }

  private static boolean closedWithin(Socket s) throws java.io.IOException {
    InputStream in = s.getInputStream();
    try {
      byte[] buf = new byte[1024];
      while (true) {
        if (in.read(buf) < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (java.net.SocketException e) {
      return true; // reset by the victim
    }
  }

  static Outcome tooManyInbound(Arena a) throws Exception {
    int slots = a.victim.config().maxPeers();
    List<HostilePeer> held = new ArrayList<>();
    for (int i = 0; i < slots; i++) {
      held.add(a.attacker());
    }
    await().atMost(Arena.STEP).until(() -> a.victimRpc.inboundCount() == slots);
    List<HostilePeer> extra = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      HostilePeer p = a.connectOnly();
      p.hello(a.genesis);
      p.awaitMessage(m -> m instanceof Message.Addrs, Arena.STEP)
          .orElseThrow(() -> new AssertionError("no ADDRS before the refusal"));
      Arena.assertBye(p, p.awaitBye(Arena.STEP), Reason.TOO_MANY_PEERS);
      extra.add(p);
    }
    assertEquals(slots, a.victimRpc.inboundCount());
    held.forEach(HostilePeer::close);
    await().atMost(Arena.STEP).until(() -> a.victimRpc.inboundCount() == 0);
    return Outcome.of(slots + " accepted, 2 more got ADDRS then BYE too-many-peers", extra.toArray(HostilePeer[]::new));
  }

  static Outcome lyingHello(Arena a) throws Exception {
    HostilePeer tall = a.connectOnly();
    tall.hello(tall.helloFor(a.genesis, 1_000_000, java.math.BigInteger.ONE));
    HostilePeer heavy = a.connectOnly();
    heavy.hello(heavy.helloFor(a.genesis, 1_000_000, java.math.BigInteger.ONE.shiftLeft(200)));
    heavy.awaitMessage(m -> m instanceof Message.GetHeaders, Arena.STEP)
        .orElseThrow(() -> new AssertionError("a peer claiming more work was not asked for headers"));
    heavy.send(new Message.Headers(List.of())); // nothing after the victim's locator after all
    await().atMost(Arena.STEP).during(Duration.ofMillis(2_500)).until(() -> !a.victimRpc.syncing());
    return Outcome.of("claims of height 1,000,000 (one with more work, answering GET_HEADERS with none):"
        + " not syncing", tall, heavy);
  }

  static Outcome oversizedFrame(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    p.sendRaw(new byte[] {0x06, 0, 0, 0, 0x10, 1, 2, 3}); // announces a 100 MiB frame
    Arena.assertBye(p, p.awaitBye(Arena.STEP), Reason.FRAME_TOO_LARGE);
    HostilePeer q = a.attacker();
    // An INV_TX whose count says one id more than the limit (and carries it).
    byte[] body = MessageCodec.encode(new Message.InvTx(Attacks.randomShortTxids(MessageCodec.MAX_INV)));
    byte[] longer = java.util.Arrays.copyOf(body, body.length + ShortTxid.LENGTH);
    int count = MessageCodec.MAX_INV + 1;
    longer[1] = (byte) (count >>> 24);
    longer[2] = (byte) (count >>> 16);
    longer[3] = (byte) (count >>> 8);
    longer[4] = (byte) count;
    q.sendRaw(HostilePeer.frame(longer));
    Arena.assertBye(q, q.awaitBye(Arena.STEP), Reason.MALFORMED);
    return Outcome.of("100 MiB length: BYE frame-too-large; INV_TX of 5,001 ids: BYE malformed", p, q);
  }

  static Outcome truncatedFrame(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    byte[] body = MessageCodec.encode(new Message.Headers(List.of(Genesis.block(a.spec).header())));
    body[4] = 3; // claims 3 headers, carries 1
    p.sendRaw(HostilePeer.frame(body));
    Arena.assertBye(p, p.awaitBye(Arena.STEP), Reason.MALFORMED);
    return Outcome.of("HEADERS claiming 3, carrying 1: BYE malformed", p);
  }

  static Outcome unknownType(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    p.sendRaw(HostilePeer.frame(new byte[] {0x7f, 1, 2, 3}));
    Arena.assertBye(p, p.awaitBye(Arena.STEP), Reason.UNKNOWN_MESSAGE);
    return Outcome.of("type 0x7f: BYE unknown-message", p);
  }

  static Outcome announcementFlood(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    for (int i = 0; i < 50; i++) { // more than the victim's whole fetch backlog (200,000)
      p.send(new Message.InvTx(Attacks.randomShortTxids(MessageCodec.MAX_INV)));
    }
    // Never answered: count what the victim asks of us before its first request can time out (2 s).
    p.awaitMessage(x -> x instanceof Message.GetTx, Arena.STEP).orElseThrow();
    long first = p.timeline().stream().filter(t -> t.received() instanceof Message.GetTx).findFirst().orElseThrow().nanos();
    long window = first + Duration.ofMillis(1_500).toNanos();
    await().atMost(Arena.STEP).until(() -> System.nanoTime() > window);
    int asked = p.timeline().stream().filter(t -> t.nanos() <= window && t.received() instanceof Message.GetTx)
        .mapToInt(t -> ((Message.GetTx) t.received()).txids().size()).sum();
    assertTrue(asked > 0 && asked <= 2_000, "asked for " + asked + " txids at once");
    Transaction honestTx = Attacks.transfer(a, 7, 48, Amount.ofCrn(1), 0);
    long t0 = System.nanoTime();
    String txid = a.honestRpc.submit(honestTx);
    await().atMost(Arena.STEP).until(() -> a.victimRpc.mempoolTxids().contains(txid));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    return new Outcome(List.of(p.key()), Set.of(txid), null, "250,000 unknown txids announced: " + asked
        + " asked at once; an honest tx reached the victim in " + ms + " ms");
  }

  static Outcome addressFlood(Arena a) throws Exception {
    int before = a.victimRpc.knownAddresses();
    HostilePeer p = a.attacker();
    p.send(new Message.Addrs(junkAddresses(0, MessageCodec.MAX_ADDRS)));
    Arena.assertBye(p, p.awaitBye(Arena.STEP), Reason.UNSOLICITED);
    assertEquals(before, a.victimRpc.knownAddresses(), "addresses of a banned peer were kept");
    HostilePeer q = a.attacker();
    for (int i = 0; i < 100; i++) {
      q.send(new Message.Addrs(junkAddresses(1_000 + i * 10, 10)));
    }
    q.send(new Message.GetTx(List.of(ShortTxid.of(Hash.ZERO)))); // barrier: answered after every ADDRS was handled
    q.awaitMessage(m -> m instanceof Message.TxNotFound, Arena.STEP).orElseThrow();
    int learnt = a.victimRpc.knownAddresses() - before;
    assertTrue(learnt <= 10, "100 unsolicited ADDRS of 10 each added " + learnt + " addresses");
    return Outcome.of("1,000 unsolicited: BYE unsolicited, none kept; 100 x 10 unsolicited: " + learnt + " kept", p);
  }

  static Outcome unknownData(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    int notFound = 0;
    for (int round = 0; round < 20; round++) {
      p.send(new Message.GetTx(Attacks.randomShortTxids(100)));
      p.send(new Message.GetBlocks(Attacks.randomHashes(MessageCodec.MAX_BLOCK_REQUEST)));
      p.send(new Message.GetCompact(Attacks.randomHashes(1).get(0)));
      p.send(new Message.GetBlockTxs(Attacks.randomHashes(1).get(0), List.of(0, 1, 2)));
      p.send(new Message.GetAddrs());
      p.send(new Message.GetMempool());
      for (int i = 0; i < 4; i++) {
        p.awaitMessage(m -> m instanceof Message.NotFound || m instanceof Message.TxNotFound, Arena.STEP)
            .orElseThrow(() -> new AssertionError("a request for unknown data went unanswered"));
        notFound++;
      }
    }
    long addrs = p.received().stream().filter(m -> m instanceof Message.Addrs).count();
    assertTrue(addrs <= 1, "GET_ADDRS answered " + addrs + " times in a burst");
    assertTrue(p.isOpen());
    return Outcome.of(notFound + " NOT_FOUND replies, GET_ADDRS answered " + addrs + " time(s) of 20; link kept", p);
  }

  /**
   * A peer pipelines requests as fast as TCP takes them (GET_HEADERS from the genesis), first
   * reading the answers (and dropping them), then no longer reading. While it reads, the victim must
   * give the honest link its turns between the flood's requests; once it stops, the victim must stop
   * reading it too (its writes stall) instead of queueing requests or answers without bound. Each
   * phase ends after {@link #FLOOD_TIME} or {@link #FLOOD_REQUESTS} at the latest.
   */
  static Outcome requestFlood(Arena a) throws Exception {
    HostilePeer p = a.attacker();
    p.discard(m -> m instanceof Message.Headers);
    byte[] burst = repeated(HostilePeer.frame(MessageCodec.encode(new Message.GetHeaders(List.of(a.genesis)))), BURST);
    Flood reading = new Flood(p, burst);
    List<Hash> mined;
    long ms;
    try {
      await().atMost(Arena.STEP).until(() -> p.discarded() >= 2_000 || !reading.isAlive());
      mined = a.honestRpc.mine(1);
      long t0 = System.nanoTime();
      await().atMost(Arena.STEP).until(() -> a.victimRpc.tip().hash().equals(mined.get(0)));
      ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(reading.isAlive(), "the flood ended (" + reading.sent() + " requests sent) before the honest block arrived");
    } finally {
      reading.stop();
    }
    assertTrue(ms < 2_000, "the honest block took " + ms + " ms to arrive during the flood");
    long answered = p.discarded();

    p.stopReading();
    Flood deaf = new Flood(p, burst);
    try {
      await().atMost(FLOOD_TIME.plus(Arena.STEP)).until(() -> !deaf.isAlive());
    } finally {
      deaf.stop();
    }
    assertTrue(deaf.stalled(), "the victim kept reading a peer that reads nothing (" + deaf.sent() + " requests taken)");
    List<Hash> later = a.honestRpc.mine(1);
    await().atMost(Arena.STEP).until(() -> a.victimRpc.tip().hash().equals(later.get(0)));
    assertTrue(p.isOpen(), "the flooding peer was dropped");
    return Outcome.of(String.format("reading: %,d GET_HEADERS pipelined, %,d answered meanwhile, the honest block mined"
        + " during the flood arrived in %d ms; not reading: TCP took %,d more requests, then its writes stalled",
        reading.sent(), answered, ms, deaf.sent()), p).withExpectedTip(later.get(0));
  }

  private static byte[] repeated(byte[] one, int times) {
    byte[] out = new byte[one.length * times];
    for (int i = 0; i < times; i++) {
      System.arraycopy(one, 0, out, i * one.length, one.length);
    }
    return out;
  }

  /** Writes {@code burst} ({@link #BURST} requests) again and again on its own thread until stopped, bounded, or stalled. */
  private static final class Flood {
    private final Thread thread;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicBoolean stalled = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();

    Flood(HostilePeer p, byte[] burst) {
      thread = new Thread(() -> {
        long end = System.nanoTime() + FLOOD_TIME.toNanos();
        while (!stop.get() && System.nanoTime() < end && sent.get() < FLOOD_REQUESTS && p.isOpen()) {
          if (!p.trySendRaw(burst, Duration.ofSeconds(2))) { // TCP took nothing for 2 s
            stalled.set(true);
            return;
          }
          sent.addAndGet(BURST);
        }
      }, "request-flood");
      thread.setDaemon(true);
      thread.start();
    }

    boolean isAlive() {
      return thread.isAlive();
    }

    long sent() {
      return sent.get();
    }

    boolean stalled() {
      return stalled.get();
    }

    void stop() throws InterruptedException {
      stop.set(true);
      thread.join(Arena.STEP.toMillis());
    }
  }

  private static List<NetAddress> junkAddresses(int from, int n) {
    List<NetAddress> out = new ArrayList<>(n);
    for (int i = from; i < from + n; i++) {
      out.add(new NetAddress(new PeerAddress("203.0.113." + (i % 250 + 1), 1_024 + i), System.currentTimeMillis()));
    }
    return out;
  }
}
