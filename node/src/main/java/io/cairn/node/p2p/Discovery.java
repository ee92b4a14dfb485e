package io.cairn.node.p2p;

import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.MessageCodec;
import io.cairn.node.p2p.wire.NetAddress;
import io.cairn.node.p2p.wire.PeerAddress;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The address book and outbound connections: learns addresses from handshakes and {@code ADDRS}
 * replies (asked once per outbound link, answered at most once per interval), keeps the target number
 * of outbound links and retries failed addresses with exponential backoff.
 */
final class Discovery {
  private static final int MAX_UNSOLICITED_ADDRS = 10;
  /**
   * An address that failed this many dials in a row and never worked, or this many after it last
   * worked ({@link #TERRIBLE_FAILURES_AFTER_SUCCESS}), may make room in a full book (after Bitcoin
   * Core's "terrible" addresses).
   */
  private static final int TERRIBLE_FAILURES = 3;
  private static final int TERRIBLE_FAILURES_AFTER_SUCCESS = 10;
  /** Not heard of for this long: may make room in a full book too. */
  private static final long STALE_MS = 30L * 24 * 3600 * 1000;

  private final Network net;
  private final AddressBookStore store;
  private final Map<PeerAddress, Entry> book = new LinkedHashMap<>();
  private final Set<PeerAddress> dialing = new HashSet<>();
  private final Set<PeerAddress> self = new HashSet<>();
  /** Bootstrap addresses and those an operator asked for: never dropped to make room. */
  private final Set<PeerAddress> configured = new HashSet<>();
  private Bootstrap client;

  private static final class Entry {
    final PeerAddress address;
    long lastSeenMs;
    long lastSuccessMs;
    int failures;
    long nextAttemptMs;

    Entry(PeerAddress address) {
      this.address = address;
    }
  }

  Discovery(Network net, AddressBookStore store) {
    this.net = net;
    this.store = store;
    for (AddressBookStore.Entry e : store.loadAll()) {
      Entry x = new Entry(e.address());
      x.lastSeenMs = e.lastSeenMs();
      x.lastSuccessMs = e.lastSuccessMs();
      book.put(e.address(), x);
    }
  }

  void start(Bootstrap clientBootstrap, List<PeerAddress> bootstrap) {
    this.client = clientBootstrap.option(ChannelOption.WRITE_BUFFER_WATER_MARK,
        new WriteBufferWaterMark(net.cfg.writeLowWaterMark(), net.cfg.writeHighWaterMark()));
    for (PeerAddress a : bootstrap) {
      entry(a);
      configured.add(a);
    }
  }

  private Entry entry(PeerAddress a) {
    return book.computeIfAbsent(a, Entry::new);
  }

  private void persist(Entry e) {
    store.put(new AddressBookStore.Entry(e.address, e.lastSeenMs, e.lastSuccessMs));
  }

  /** Dials now (an operator's or RPC request), whatever the backoff says. */
  void connect(PeerAddress a) {
    Entry e = entry(a);
    configured.add(a);
    e.nextAttemptMs = 0;
    if (!connected().contains(a)) {
      dial(e);
    }
  }

  private void dial(Entry e) {
    if (client == null || dialing.contains(e.address) || self.contains(e.address)) {
      return;
    }
    dialing.add(e.address);
    e.nextAttemptMs = net.now() + backoff(e.failures);
    PeerAddress a = e.address;
    ChannelFuture f = client.clone().handler(net.initializer(true, a)).connect(net.transport.resolve(a));
    f.addListener(done -> {
      if (!done.isSuccess()) {
        net.execute(() -> onFailure(a));
      }
    });
  }

  private long backoff(int failures) {
    long base = net.cfg.reconnectBase().toMillis();
    long max = net.cfg.reconnectMax().toMillis();
    return failures >= 30 ? max : Math.min(max, base << Math.min(failures, 30));
  }

  void onConnected(Peer p) {
    if (p.listenAddress != null) {
      dialing.remove(p.listenAddress);
      Entry e = entry(p.listenAddress);
      e.lastSeenMs = e.lastSuccessMs = net.now();
      e.failures = 0;
      e.nextAttemptMs = 0;
      persist(e);
    }
    if (p.outbound) {
      p.addrsRequested = true;
      p.send(new Message.GetAddrs());
    }
  }

  void onClosed(Peer p) {
    if (p.listenAddress != null) {
      dialing.remove(p.listenAddress);
      Entry e = book.get(p.listenAddress);
      if (e != null) {
        e.nextAttemptMs = net.now() + backoff(e.failures);
      }
    }
  }

  void onFailure(PeerAddress a) {
    dialing.remove(a);
    Entry e = book.get(a);
    if (e != null) {
      e.failures++;
      e.nextAttemptMs = net.now() + backoff(e.failures);
    }
  }

  /** Failed dials of {@code a} since its last success (0 if unknown). */
  int failures(PeerAddress a) {
    Entry e = book.get(a);
    return e == null ? 0 : e.failures;
  }

  void forgetSelf(PeerAddress a) {
    dialing.remove(a);
    self.add(a);
    book.remove(a);
    store.remove(a);
  }

  void onAddrs(Peer p, List<NetAddress> addrs) {
    long now = net.now();
    if (!p.addrsRequested) {
      if (addrs.size() > MAX_UNSOLICITED_ADDRS) {
        net.misbehave(p, Rejected.of(Reason.UNSOLICITED, addrs.size() + " addresses that were not requested"));
        return;
      }
      if (now - p.lastUnsolicitedAddrsMs < net.cfg.addrInterval().toMillis()) {
        return; // rate limited: one unsolicited ADDRS per interval is kept, a stream of them ignored
      }
      p.lastUnsolicitedAddrsMs = now;
    }
    p.addrsRequested = false;
    ArrayDeque<Entry> droppable = null;
    for (NetAddress na : addrs) {
      PeerAddress a = na.address();
      boolean local = net.transport.kind == P2pConfig.Transport.LOCAL;
      if (self.contains(a) || local != Transport.LOCAL_HOST.equals(a.host())) {
        continue;
      }
      if (book.size() >= net.cfg.maxAddressBook() && !book.containsKey(a)) {
        if (droppable == null) {
          droppable = droppable(now);
        }
        if (droppable.isEmpty()) {
          continue; // full of addresses that may still work: the new one waits for another ADDRS
        }
        Entry gone = droppable.poll();
        book.remove(gone.address);
        store.remove(gone.address);
      }
      Entry e = entry(a);
      e.lastSeenMs = Math.max(e.lastSeenMs, Math.min(na.lastSeenMs(), now));
      persist(e);
    }
  }

  /**
   * Entries that may make room for new addresses in a full book, worst first: not connected, not
   * being dialled, neither configured nor asked for by an operator, and either failing (3 dials in a
   * row and never worked, or 10 since they last did) or not heard of for 30 days. Without this, junk
   * learnt once (from peers that lie, or nodes long gone) would fill the book for good and crowd out
   * every address learnt later.
   */
  private ArrayDeque<Entry> droppable(long now) {
    Set<PeerAddress> conn = connected();
    List<Entry> out = new ArrayList<>();
    for (Entry e : book.values()) {
      boolean failing = e.failures >= (e.lastSuccessMs == 0 ? TERRIBLE_FAILURES : TERRIBLE_FAILURES_AFTER_SUCCESS);
      boolean stale = now - lastHeard(e) > STALE_MS;
      if ((failing || stale) && !conn.contains(e.address) && !dialing.contains(e.address)
          && !configured.contains(e.address)) {
        out.add(e);
      }
    }
    out.sort(Comparator.comparingInt((Entry e) -> -e.failures).thenComparingLong(Discovery::lastHeard));
    return new ArrayDeque<>(out);
  }

  private static long lastHeard(Entry e) {
    return Math.max(e.lastSeenMs, e.lastSuccessMs);
  }

  void serveAddrs(Peer p) {
    long now = net.now();
    if (now - p.lastAddrsServedMs < net.cfg.addrInterval().toMillis()) {
      return; // rate limited
    }
    p.lastAddrsServedMs = now;
    p.send(addrsFor(p));
  }

  Message.Addrs addrsFor(Peer p) {
    List<NetAddress> out = new ArrayList<>();
    Set<PeerAddress> seen = new HashSet<>();
    long now = net.now();
    for (Peer q : net.peers.values()) {
      if (q != p && q.listenAddress != null && seen.add(q.listenAddress)) {
        out.add(new NetAddress(q.listenAddress, now));
      }
    }
    List<Entry> rest = new ArrayList<>(book.values());
    rest.sort(Comparator.comparingLong((Entry e) -> -e.lastSuccessMs));
    for (Entry e : rest) {
      if (out.size() >= MessageCodec.MAX_ADDRS) {
        break;
      }
      if (e.lastSuccessMs > 0 && !e.address.equals(p.listenAddress) && seen.add(e.address)) {
        out.add(new NetAddress(e.address, e.lastSeenMs));
      }
    }
    return new Message.Addrs(out.subList(0, Math.min(out.size(), MessageCodec.MAX_ADDRS)));
  }

  private Set<PeerAddress> connected() {
    Set<PeerAddress> s = new HashSet<>();
    for (Peer p : net.peers.values()) {
      if (p.listenAddress != null) {
        s.add(p.listenAddress);
      }
    }
    return s;
  }

  /** Opens outbound links until the target is met. */
  void tick() {
    int deficit = net.cfg.targetOutbound() - net.outboundCount() - dialing.size();
    if (deficit <= 0 || client == null) {
      return;
    }
    long now = net.now();
    Set<PeerAddress> conn = connected();
    List<Entry> candidates = new ArrayList<>();
    for (Entry e : book.values()) {
      if (e.nextAttemptMs <= now && !conn.contains(e.address) && !dialing.contains(e.address) && !self.contains(e.address)) {
        candidates.add(e);
      }
    }
    // Addresses that once worked take every other dial, starting with the first: learnt addresses
    // (which any peer can make up) cannot take every outbound slot (after Bitcoin Core's "tried" and
    // "new" tables). Within each, fewest failures first, at random among equals.
    Collections.shuffle(candidates, net.random);
    candidates.sort(Comparator.comparingInt((Entry e) -> e.failures));
    ArrayDeque<Entry> tried = new ArrayDeque<>();
    ArrayDeque<Entry> fresh = new ArrayDeque<>();
    for (Entry e : candidates) {
      (e.lastSuccessMs > 0 ? tried : fresh).add(e);
    }
    for (int i = 0; i < deficit && !(tried.isEmpty() && fresh.isEmpty()); i++) {
      boolean fromTried = fresh.isEmpty() || (i % 2 == 0 && !tried.isEmpty());
      dial(fromTried ? tried.poll() : fresh.poll());
    }
  }

  int bookSize() {
    return book.size();
  }
}
