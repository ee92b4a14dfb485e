package io.cairn.node.p2p;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.MessageCodec;
import io.cairn.node.p2p.wire.ShortTxid;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Transaction gossip by flooding, naming transactions by {@link ShortTxid} on the wire. Announcing:
 * each accepted transaction's id is queued for every peer not known to have it and sent in {@code
 * INV_TX} batches after a short random delay, only while the peer's channel is writable; a queue that
 * reaches its bound sets an overflow flag that later refills the queue from the mempool, so nothing
 * is dropped, only delayed. Fetching: each unknown id is requested from one announcer at a time
 * (bounded in flight per peer), then from the next announcer after a timeout or a not-found.
 * Admitting: received bodies go to the backend in batches ({@link P2pBackend#acceptTxsAsync}), one
 * batch at a time, while fetching goes on; the answers come back to the network thread.
 */
final class TxRelay {
  /** Stateless failures that no honest peer relays. */
  private static final Set<Reason> MISBEHAVIOUR = EnumSet.of(Reason.BAD_SIGNATURE, Reason.MALFORMED,
      Reason.ZERO_AMOUNT, Reason.MEMO_TOO_LONG, Reason.AMOUNT_OVERFLOW, Reason.BAD_VERSION);
  private static final int MAX_TXS_BYTES = 1 << 20;
  private static final int MAX_ATTEMPTS = 8;
  private static final int RECENT = 100_000;

  private final Network net;
  /**
   * Transactions this node has (or had) recently, by short id, with their full txids: what it needs
   * no more and what it can serve by short id. Insertion ordered, the oldest forgotten past the bound.
   */
  private final LinkedHashMap<ShortTxid, Hash> recent = new LinkedHashMap<>(16, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<ShortTxid, Hash> eldest) {
      return size() > RECENT;
    }
  };
  /** Rejected for a reason a later block may lift (e.g. a nonce gap); forgotten on every new tip. */
  private final LruSet<ShortTxid> rejected = new LruSet<>(50_000);
  private final LinkedHashMap<ShortTxid, Fetch> pending = new LinkedHashMap<>();
  private final TxAdmission admission;
  /** Txids whose fetch waits for a free announcer (may hold stale entries, checked on use). */
  private final ArrayDeque<ShortTxid> waiting = new ArrayDeque<>();

  private static final class Fetch {
    /** The peer whose announcement created it (counted against its share of the backlog). */
    final Peer origin;
    final ArrayDeque<Peer> announcers = new ArrayDeque<>(2);
    Peer current;
    long requestedAt;
    int attempts;

    Fetch(Peer origin) {
      this.origin = origin;
    }
  }

  /**
   * Most fetches one peer's announcements may create (a quarter of the backlog), so that one peer
   * announcing ids it never delivers cannot fill the backlog and stall everyone else's transactions.
   */
  private int maxPerPeer() {
    return Math.max(1, net.cfg.maxTxPending() / 4);
  }

  private Fetch forget(ShortTxid id) {
    Fetch f = pending.remove(id);
    if (f != null) {
      f.origin.txOriginated--;
    }
    return f;
  }

  TxRelay(Network net) {
    this.net = net;
    this.admission = new TxAdmission(net, new TxAdmission.Outcome() {
      @Override
      public void admitted(TxAdmission.Received r, Optional<Rejected> result) {
        onAdmitted(r, result);
      }

      @Override
      public void batchDone() {
        dispatch();
      }
    });
  }

  // ---- announcing ----

  void onAccepted(Transaction tx) {
    ShortTxid id = ShortTxid.of(tx.txid());
    recent.put(id, tx.txid());
    for (Peer p : net.peers.values()) {
      if (!p.knownTx.contains(id)) {
        queue(p, id);
      }
    }
  }

  private void queue(Peer p, ShortTxid id) {
    if (p.announceQueue.size() >= net.cfg.maxAnnounceQueue()) {
      p.announceOverflow = true;
    } else {
      p.announceQueue.add(id);
    }
    scheduleFlush(p);
  }

  private void scheduleFlush(Peer p) {
    if (!p.announceScheduled && !p.closed) {
      p.announceScheduled = true;
      long base = Math.max(1, net.cfg.txAnnounceInterval().toMillis());
      long delay = base / 2 + (long) (net.random.nextDouble() * base);
      net.schedule(() -> {
        p.announceScheduled = false;
        flushAnnouncements(p);
      }, delay);
    }
  }

  void flushAnnouncements(Peer p) {
    if (p.closed) {
      return;
    }
    if (p.announceQueue.isEmpty() && p.announceOverflow) {
      p.announceOverflow = false;
      for (Hash txid : net.backend.mempoolTxids()) {
        ShortTxid id = ShortTxid.of(txid);
        if (!p.knownTx.contains(id)) {
          recent.put(id, txid); // so that it can be served by short id
          queue(p, id);
        }
      }
    }
    while (p.writable() && !p.announceQueue.isEmpty()) {
      List<ShortTxid> batch = new ArrayList<>();
      while (batch.size() < MessageCodec.MAX_INV && !p.announceQueue.isEmpty()) {
        ShortTxid id = p.announceQueue.poll();
        if (p.knownTx.add(id)) {
          batch.add(id);
        }
      }
      if (!batch.isEmpty()) {
        p.send(new Message.InvTx(batch));
      }
    }
    if (!p.announceQueue.isEmpty() || p.announceOverflow) {
      scheduleFlush(p);
    }
  }

  void onConnected(Peer p) {
    p.send(new Message.GetMempool());
  }

  void serveMempool(Peer p) {
    long now = net.now();
    if (now - p.lastMempoolServedMs < 1_000) {
      return; // rate limited: at most one full mempool announcement per second
    }
    p.lastMempoolServedMs = now;
    p.announceOverflow = true;
    flushAnnouncements(p);
  }

  // ---- fetching ----

  void onInv(Peer p, List<ShortTxid> ids) {
    for (ShortTxid id : ids) {
      p.knownTx.add(id);
      if (recent.containsKey(id) || rejected.contains(id) || admission.contains(id)) {
        continue;
      }
      Fetch f = pending.get(id);
      if (f != null) {
        if (f.current != p && !f.announcers.contains(p)) {
          f.announcers.add(p);
        }
        continue;
      }
      // Bounds before the store lookup, so ids past them cost a flooding peer's victim next to nothing.
      if (pending.size() >= net.cfg.maxTxPending() || p.txOriginated >= maxPerPeer()) {
        p.needMempool = true; // the peer still has it: GET_MEMPOOL once the backlog drains
        continue;
      }
      f = new Fetch(p);
      p.txOriginated++;
      f.announcers.add(p);
      pending.put(id, f);
      waiting.add(id);
    }
    dispatch();
  }

  /** Assigns waiting fetches to announcers with free request slots, batching per peer. */
  void dispatch() {
    if (admission.full()) {
      return; // backpressure: verification is behind; a batch's answers dispatch again
    }
    int max = net.cfg.maxTxInFlightPerPeer();
    int free = 0;
    for (Peer p : net.peers.values()) {
      free += p.txInFlight.size() < max ? 1 : 0;
    }
    Map<Peer, List<ShortTxid>> batches = new HashMap<>();
    long now = net.now();
    for (int n = waiting.size(); n > 0 && free > 0; n--) {
      ShortTxid id = waiting.poll();
      Fetch f = pending.get(id);
      if (f == null || f.current != null) {
        continue;
      }
      Peer chosen = null;
      for (Iterator<Peer> it = f.announcers.iterator(); it.hasNext(); ) {
        Peer p = it.next();
        if (p.txInFlight.size() < max) {
          it.remove();
          chosen = p;
          break;
        }
      }
      if (chosen == null) {
        waiting.add(id);
        continue;
      }
      f.current = chosen;
      f.requestedAt = now;
      chosen.txInFlight.add(id);
      chosen.txRequested.add(id);
      free -= chosen.txInFlight.size() < max ? 0 : 1;
      batches.computeIfAbsent(chosen, k -> new ArrayList<>()).add(id);
    }
    batches.forEach((p, ids) -> {
      for (int i = 0; i < ids.size(); i += MessageCodec.MAX_INV) {
        p.send(new Message.GetTx(ids.subList(i, Math.min(ids.size(), i + MessageCodec.MAX_INV))));
      }
    });
  }

  /**
   * A TXS reply: bookkeeping now, admission later. Fresh transactions join the admission queue; at
   * most one batch is with the backend at a time (so batches are admitted in arrival order, and a
   * sender's consecutive nonces stay in order), and everything received meanwhile forms the next
   * batch. Requests keep flowing while a batch is verified.
   */
  void onTxs(Peer p, List<Transaction> txs) {
    for (Transaction tx : txs) {
      Hash txid = tx.txid();
      ShortTxid id = ShortTxid.of(txid);
      if (!p.txRequested.remove(id)) {
        net.misbehave(p, Rejected.of(Reason.UNSOLICITED, "transaction " + id.shortHex() + " was not requested"));
        break;
      }
      p.txInFlight.remove(id);
      p.knownTx.add(id);
      net.stats.txReceived.increment();
      Fetch f = forget(id);
      if (f != null && f.current != null && f.current != p) {
        f.current.txInFlight.remove(id);
      }
      if (recent.containsKey(id) || admission.contains(id) || net.backend.hasTx(txid)) {
        net.stats.txDuplicates.increment();
        continue;
      }
      admission.add(new TxAdmission.Received(tx, txid, id, p));
    }
    dispatch();
    admission.submit();
  }

  /** Network thread: the backend's answer for one received transaction. */
  private void onAdmitted(TxAdmission.Received x, Optional<Rejected> r) {
    if (r.isEmpty() || r.get().reason() == Reason.ALREADY_KNOWN) {
      recent.put(x.id(), x.txid());
    } else if (r.get().reason() != Reason.BUSY) {
      rejected.add(x.id()); // busy is not the transaction's fault: another announcement may fetch it again
    }
    if (r.isPresent()) {
      if (r.get().reason() == Reason.ALREADY_KNOWN) {
        net.stats.txDuplicates.increment();
      } else if (MISBEHAVIOUR.contains(r.get().reason())) {
        net.misbehave(x.from(), r.get()); // no-op when already gone
      }
    }
  }

  void onNotFound(Peer p, List<ShortTxid> ids) {
    for (ShortTxid id : ids) {
      if (p.txInFlight.remove(id)) {
        release(id, p, false);
      }
    }
    dispatch();
  }

  /** Puts a fetch back for another announcer; {@code retrySame} keeps this one as a last resort. */
  private void release(ShortTxid id, Peer p, boolean retrySame) {
    Fetch f = pending.get(id);
    if (f == null || f.current != p) {
      return;
    }
    f.current = null;
    f.attempts++;
    if (retrySame && !p.closed) {
      f.announcers.addLast(p);
    }
    if (f.announcers.isEmpty() || f.attempts > MAX_ATTEMPTS) {
      forget(id);
    } else {
      waiting.add(id);
    }
  }

  void tick() {
    long deadline = net.now() - net.cfg.txRequestTimeout().toMillis();
    List<Map.Entry<ShortTxid, Fetch>> late = new ArrayList<>();
    for (Map.Entry<ShortTxid, Fetch> e : pending.entrySet()) {
      Fetch f = e.getValue();
      if (f.current != null && f.requestedAt < deadline) {
        late.add(e);
      }
    }
    for (Map.Entry<ShortTxid, Fetch> e : late) {
      Peer p = e.getValue().current;
      p.txInFlight.remove(e.getKey());
      release(e.getKey(), p, true);
    }
    dispatch();
    for (Peer p : net.peers.values()) {
      if (p.announceOverflow && p.announceQueue.isEmpty()) {
        flushAnnouncements(p);
      }
      if (p.needMempool && pending.size() < net.cfg.maxTxPending() / 2 && p.txOriginated < maxPerPeer() / 2) {
        p.needMempool = false;
        p.send(new Message.GetMempool());
      }
    }
  }

  void onClosed(Peer p) {
    List<ShortTxid> orphaned = new ArrayList<>(p.txInFlight);
    for (ShortTxid id : orphaned) {
      release(id, p, false);
    }
    for (Iterator<Map.Entry<ShortTxid, Fetch>> it = pending.entrySet().iterator(); it.hasNext(); ) {
      Fetch f = it.next().getValue();
      f.announcers.remove(p);
      if (f.current == null && f.announcers.isEmpty()) {
        f.origin.txOriginated--;
        it.remove();
      }
    }
    dispatch();
  }

  // ---- serving ----

  void serveTxs(Peer p, List<ShortTxid> ids) {
    List<Transaction> batch = new ArrayList<>();
    List<ShortTxid> missing = new ArrayList<>();
    int bytes = 0;
    for (ShortTxid id : ids) {
      Hash txid = recent.get(id);
      Optional<Transaction> tx = txid == null ? Optional.empty() : net.backend.mempoolTx(txid);
      if (tx.isEmpty()) {
        missing.add(id);
        continue;
      }
      batch.add(tx.get());
      p.knownTx.add(id);
      bytes += tx.get().encodedLength();
      if (bytes >= MAX_TXS_BYTES) {
        p.send(new Message.Txs(batch));
        batch = new ArrayList<>();
        bytes = 0;
      }
    }
    if (!batch.isEmpty()) {
      p.send(new Message.Txs(batch));
    }
    if (!missing.isEmpty()) {
      p.send(new Message.TxNotFound(missing));
    }
  }

  /** A new tip may make previously rejected transactions valid. */
  void onNewTip() {
    rejected.clear();
  }

  int pendingCount() {
    return pending.size();
  }
}
