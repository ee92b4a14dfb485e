package io.cairn.node.mempool;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.node.state.Account;
import io.cairn.node.state.AccountView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pool of unconfirmed transactions and its admission policy (docs/protocol.md, section 8).
 *
 * <p>Pure and single-threaded: it is owned by the node's chain thread, which calls every method;
 * it holds no locks, starts no threads and reads no clock (time is passed in). Signature checks run
 * before, on {@code TxVerifier}'s worker pool, so that {@link #accept} finds them in the verified
 * cache through its {@link TxPrecheck}.
 *
 * <p>Per sender, transactions carrying consecutive nonces from the sender's nonce at the tip are
 * <em>pending</em> (minable now); those behind a gap of at most {@code maxNonceGap} are
 * <em>queued</em> until the gap fills. The sender's balance at the tip always covers amount + fee of
 * all its held transactions.
 */
public final class Mempool {
  private final MempoolConfig config;
  private final TxPrecheck precheck;
  private AccountView tip;
  private final Map<Hash, PoolEntry> byTxid = new HashMap<>();
  private final Map<Address, SenderQueue> senders = new HashMap<>();
  /** The highest-nonce entry of every sender: the only ones eviction may take. */
  private final TreeSet<PoolEntry> tails = new TreeSet<>(PoolEntry.EVICTION_ORDER);
  private long bytes;
  private long nextSeq;

  public Mempool(MempoolConfig config, TxPrecheck precheck, AccountView tip) {
    this.config = Objects.requireNonNull(config, "config");
    this.precheck = Objects.requireNonNull(precheck, "precheck");
    this.tip = Objects.requireNonNull(tip, "tip");
  }

  public MempoolConfig config() {
    return config;
  }

  /** Admits {@code tx} as pending or queued, possibly replacing or evicting others, or rejects it. */
  public Admission accept(Transaction tx, long nowMillis) {
    Hash txid = tx.txid();
    if (byTxid.containsKey(txid)) {
      return reject(txid, Reason.ALREADY_KNOWN, "transaction " + txid + " is already in the mempool");
    }
    Optional<Rejected> bad = precheck.check(tx);
    if (bad.isPresent()) {
      return Admission.rejected(txid, bad.get());
    }
    long cost;
    try {
      cost = tx.totalCost().units();
    } catch (ArithmeticException e) {
      return reject(txid, Reason.AMOUNT_OVERFLOW, "amount " + tx.amount().units() + " + fee " + tx.fee().units());
    }
    Address sender = tx.sender();
    Account account = tip.account(sender);
    if (tx.nonce() < account.nonce()) {
      return reject(txid, Reason.NONCE_TOO_LOW,
          "nonce " + tx.nonce() + " is below the sender's next nonce " + account.nonce());
    }
    SenderQueue q = senders.get(sender);
    PoolEntry entry = new PoolEntry(tx, txid, sender, tx.encodedLength(), cost, nowMillis, nextSeq++);
    PoolEntry old = q == null ? null : q.get(tx.nonce());
    if (old != null) {
      return replace(q, old, entry, account);
    }
    long next = q == null ? account.nonce() : q.nextNonce();
    if (tx.nonce() - next > config.maxNonceGap()) {
      return reject(txid, Reason.NONCE_GAP_TOO_LARGE, "nonce " + tx.nonce() + " is " + (tx.nonce() - next)
          + " ahead of the sender's next nonce " + next + "; at most " + config.maxNonceGap() + " allowed");
    }
    if (q != null && q.size() >= config.maxPerSender()) {
      return reject(txid, Reason.SENDER_LIMIT,
          "the sender already has " + q.size() + " transactions in the mempool, the maximum");
    }
    Optional<Rejected> funds = checkFunds(q == null ? 0 : q.totalCost(), cost, account);
    if (funds.isPresent()) {
      return Admission.rejected(txid, funds.get());
    }
    List<PoolEntry> victims = planEviction(entry, 1, entry.size());
    if (victims == null) {
      return reject(txid, Reason.MEMPOOL_FULL, "the mempool is full and fee " + entry.fee()
          + " does not beat the cheapest evictable transaction");
    }
    List<Removal> evicted = evict(victims);
    if (q == null) {
      q = new SenderQueue(sender, account.nonce());
      senders.put(sender, q);
    }
    insert(q, entry);
    boolean pending = tx.nonce() < q.nextNonce();
    return new Admission(txid, pending ? Admission.Status.PENDING : Admission.Status.QUEUED, null, null, evicted);
  }

  private Admission replace(SenderQueue q, PoolEntry old, PoolEntry entry, Account account) {
    long required = replacementFee(old.fee());
    if (entry.fee() < required) {
      return reject(entry.txid(), Reason.REPLACEMENT_FEE_TOO_LOW, "fee " + entry.fee() + " must be at least "
          + (required == Long.MAX_VALUE ? "above " + old.fee() : required) + " to replace "
          + old.txid() + " (110% of " + old.fee() + ")");
    }
    Optional<Rejected> funds = checkFunds(q.totalCost() - old.cost(), entry.cost(), account);
    if (funds.isPresent()) {
      return Admission.rejected(entry.txid(), funds.get());
    }
    List<PoolEntry> victims = planEviction(entry, 0, entry.size() - old.size());
    if (victims == null) {
      return reject(entry.txid(), Reason.MEMPOOL_FULL, "the mempool is full and fee " + entry.fee()
          + " does not beat the cheapest evictable transaction");
    }
    List<Removal> evicted = evict(victims);
    detachTail(q);
    q.remove(old);
    unindex(old);
    q.put(entry);
    index(entry);
    attachTail(q);
    boolean pending = entry.nonce() < q.nextNonce();
    return new Admission(entry.txid(), pending ? Admission.Status.PENDING : Admission.Status.QUEUED, null, old.tx(),
        evicted);
  }

  /** The least fee that replaces a transaction paying {@code fee}: 110%, rounded up, and more than it. */
  static long replacementFee(long fee) {
    long bump = Math.max(1, fee / 10 + (fee % 10 == 0 ? 0 : 1));
    return fee > Long.MAX_VALUE - bump ? Long.MAX_VALUE : fee + bump;
  }

  private static Optional<Rejected> checkFunds(long heldCost, long cost, Account account) {
    long total = heldCost + cost;
    if (total < 0 || total > account.balance().units()) {
      return Optional.of(Rejected.of(Reason.INSUFFICIENT_FUNDS, "balance " + account.balance().units()
          + " does not cover " + cost + " on top of " + heldCost + " already pending for the sender"));
    }
    return Optional.empty();
  }

  /**
   * The tails to evict, cheapest first, so that {@code incoming} fits once {@code addCount} entries
   * and {@code addBytes} bytes are added; null when that would evict one paying at least as much.
   * Never evicts from the incoming transaction's own sender (that could open a gap in front of it).
   */
  private List<PoolEntry> planEviction(PoolEntry incoming, int addCount, long addBytes) {
    long count = byTxid.size() + (long) addCount;
    long total = bytes + addBytes;
    if (count <= config.maxCount() && total <= config.maxBytes()) {
      return List.of();
    }
    List<PoolEntry> plan = new ArrayList<>();
    Iterator<PoolEntry> it = tails.iterator();
    PriorityQueue<PoolEntry> uncovered = new PriorityQueue<>(PoolEntry.EVICTION_ORDER);
    PoolEntry nextTail = nextOther(it, incoming.sender());
    while (count > config.maxCount() || total > config.maxBytes()) {
      PoolEntry victim;
      if (nextTail != null
          && (uncovered.isEmpty() || PoolEntry.EVICTION_ORDER.compare(nextTail, uncovered.peek()) <= 0)) {
        victim = nextTail;
        nextTail = nextOther(it, incoming.sender());
      } else {
        victim = uncovered.poll();
      }
      if (victim == null || victim.fee() >= incoming.fee()) {
        return null;
      }
      plan.add(victim);
      count--;
      total -= victim.size();
      PoolEntry below = senders.get(victim.sender()).before(victim.nonce());
      if (below != null) {
        uncovered.add(below);
      }
    }
    return plan;
  }

  private static PoolEntry nextOther(Iterator<PoolEntry> it, Address sender) {
    while (it.hasNext()) {
      PoolEntry e = it.next();
      if (!e.sender().equals(sender)) {
        return e;
      }
    }
    return null;
  }

  private List<Removal> evict(List<PoolEntry> victims) {
    List<Removal> out = new ArrayList<>(victims.size());
    for (PoolEntry v : victims) {
      drop(v);
      out.add(new Removal(v.txid(), v.tx(), Reason.MEMPOOL_FULL));
    }
    return out;
  }

  /**
   * Drops every transaction older than the expiry: {@code addedMillis + expiryMillis <= nowMillis}.
   * Later transactions of the same sender stay, queued behind the gap.
   */
  public List<Removal> expire(long nowMillis) {
    List<PoolEntry> stale = new ArrayList<>();
    for (PoolEntry e : byTxid.values()) {
      if (nowMillis - e.addedMillis() >= config.expiryMillis()) {
        stale.add(e);
      }
    }
    List<Removal> out = new ArrayList<>(stale.size());
    for (PoolEntry e : stale) {
      drop(e);
      out.add(new Removal(e.txid(), e.tx(), Reason.EXPIRED));
    }
    return out;
  }

  /**
   * The chain advanced by {@code block} to {@code newTip}: removes the block's transactions, drops
   * those of its senders that became invalid ({@code nonce-too-low}; {@code insufficient-funds}, from
   * the highest nonce down) and promotes queued ones whose gap filled. Returns what was dropped
   * (not the included ones).
   */
  public List<Removal> onBlockConnected(Block block, AccountView newTip) {
    this.tip = Objects.requireNonNull(newTip, "newTip");
    // Only senders that still hold transactions need revalidating (nothing here creates a queue, so
    // a sender without one now has none after the loop either): a block of transactions all taken
    // from the pool then costs one lookup and one removal each.
    Set<Address> touched = new LinkedHashSet<>();
    for (Transaction tx : block.transactions()) {
      PoolEntry e = byTxid.get(tx.txid());
      Address sender;
      if (e != null) {
        drop(e);
        sender = e.sender();
      } else {
        sender = tx.sender();
      }
      if (senders.containsKey(sender)) {
        touched.add(sender);
      }
    }
    List<Removal> dropped = new ArrayList<>();
    for (Address sender : touched) {
      revalidate(sender, dropped);
    }
    return dropped;
  }

  /**
   * The chain switched branches: {@code disconnected} blocks left the main chain and
   * {@code connected} ones joined it, ending at {@code newTip}. Transactions of the disconnected
   * blocks that are not in the connected ones come back (admitted at {@code nowMillis}, without the
   * stateless checks they passed as part of a block); the connected ones leave; then every touched
   * account (senders of both sides, recipients and miners of the disconnected blocks, whose balances
   * may have shrunk) is revalidated and the limits enforced. Returns what was dropped, including disconnected
   * transactions that could not come back.
   */
  public List<Removal> onReorg(List<Block> disconnected, List<Block> connected, AccountView newTip, long nowMillis) {
    this.tip = Objects.requireNonNull(newTip, "newTip");
    Set<Hash> connectedIds = new HashSet<>();
    Set<Address> touched = new LinkedHashSet<>();
    for (Block b : connected) {
      for (Transaction tx : b.transactions()) {
        Hash id = tx.txid();
        connectedIds.add(id);
        PoolEntry e = byTxid.get(id);
        if (e != null) {
          drop(e);
        }
        touched.add(tx.sender());
      }
    }
    List<Removal> dropped = new ArrayList<>();
    for (Block b : disconnected) {
      // Undoing a block takes the reward and fees back from its miner and the amounts from recipients.
      touched.add(b.header().miner());
      for (Transaction tx : b.transactions()) {
        touched.add(tx.to());
        Hash id = tx.txid();
        if (connectedIds.contains(id) || byTxid.containsKey(id)) {
          continue;
        }
        touched.add(tx.sender());
        reinsert(tx, id, nowMillis, dropped);
      }
    }
    for (Address sender : touched) {
      revalidate(sender, dropped);
    }
    trimToLimits(dropped);
    return dropped;
  }

  private void reinsert(Transaction tx, Hash id, long nowMillis, List<Removal> dropped) {
    Account account = tip.account(tx.sender());
    if (tx.nonce() < account.nonce()) {
      dropped.add(new Removal(id, tx, Reason.NONCE_TOO_LOW));
      return;
    }
    SenderQueue q = senders.get(tx.sender());
    if (q != null && q.get(tx.nonce()) != null) {
      // A transaction admitted since, with the same nonce, keeps its place (it was a replacement).
      dropped.add(new Removal(id, tx, Reason.ALREADY_KNOWN));
      return;
    }
    if (q == null) {
      q = new SenderQueue(tx.sender(), account.nonce());
      senders.put(tx.sender(), q);
    }
    insert(q, new PoolEntry(tx, id, tx.sender(), tx.encodedLength(), tx.totalCost().units(), nowMillis, nextSeq++));
  }

  /** Brings one sender's queue in line with the tip: see {@link #onBlockConnected}. */
  private void revalidate(Address sender, List<Removal> dropped) {
    SenderQueue q = senders.get(sender);
    if (q == null) {
      return;
    }
    Account account = tip.account(sender);
    detachTail(q);
    for (PoolEntry f = q.first(); f != null && f.nonce() < account.nonce(); f = q.first()) {
      removeQuietly(q, f, Reason.NONCE_TOO_LOW, dropped);
    }
    q.rebase(account.nonce());
    while (q.totalCost() > account.balance().units()) {
      removeQuietly(q, q.tail(), Reason.INSUFFICIENT_FUNDS, dropped);
    }
    while (q.size() > config.maxPerSender()) {
      removeQuietly(q, q.tail(), Reason.SENDER_LIMIT, dropped);
    }
    // A deep reorganisation lowers the base: queued entries must stay within the gap.
    for (PoolEntry t = q.tail(); t != null && t.nonce() - q.nextNonce() > config.maxNonceGap(); t = q.tail()) {
      removeQuietly(q, t, Reason.NONCE_GAP_TOO_LARGE, dropped);
    }
    if (q.isEmpty()) {
      senders.remove(sender);
    } else {
      attachTail(q);
    }
  }

  private void removeQuietly(SenderQueue q, PoolEntry e, Reason why, List<Removal> dropped) {
    q.remove(e);
    unindex(e);
    dropped.add(new Removal(e.txid(), e.tx(), why));
  }

  /** Evicts the cheapest tails until the pool fits its count and byte limits. */
  private void trimToLimits(List<Removal> dropped) {
    while (byTxid.size() > config.maxCount() || bytes > config.maxBytes()) {
      PoolEntry v = tails.first();
      drop(v);
      dropped.add(new Removal(v.txid(), v.tx(), Reason.MEMPOOL_FULL));
    }
  }

  private void insert(SenderQueue q, PoolEntry e) {
    detachTail(q);
    q.put(e);
    index(e);
    attachTail(q);
  }

  /** Removes one entry wherever it sits; later entries of its sender become queued. */
  private void drop(PoolEntry e) {
    SenderQueue q = senders.get(e.sender());
    detachTail(q);
    q.remove(e);
    unindex(e);
    if (q.isEmpty()) {
      senders.remove(e.sender());
    } else {
      attachTail(q);
    }
  }

  private void index(PoolEntry e) {
    byTxid.put(e.txid(), e);
    bytes += e.size();
  }

  private void unindex(PoolEntry e) {
    byTxid.remove(e.txid());
    bytes -= e.size();
  }

  private void detachTail(SenderQueue q) {
    PoolEntry t = q.tail();
    if (t != null) {
      tails.remove(t);
    }
  }

  private void attachTail(SenderQueue q) {
    PoolEntry t = q.tail();
    if (t != null) {
      tails.add(t);
    }
  }

  private static Admission reject(Hash txid, Reason reason, String detail) {
    return Admission.rejected(txid, Rejected.of(reason, detail));
  }

  // ---- Queries ----

  public boolean contains(Hash txid) {
    return byTxid.containsKey(txid);
  }

  public Optional<Transaction> get(Hash txid) {
    PoolEntry e = byTxid.get(txid);
    return e == null ? Optional.empty() : Optional.of(e.tx());
  }

  /** When the transaction was admitted (the clock given to {@link #accept}), if it is held. */
  public OptionalLong addedMillis(Hash txid) {
    PoolEntry e = byTxid.get(txid);
    return e == null ? OptionalLong.empty() : OptionalLong.of(e.addedMillis());
  }

  /** Number of transactions held, pending and queued. */
  public int size() {
    return byTxid.size();
  }

  /** Encoded bytes of the transactions held. */
  public long bytes() {
    return bytes;
  }

  /** The nonce the sender's next transaction should carry, counting its pending ones. */
  public long pendingNonce(Address address) {
    SenderQueue q = senders.get(address);
    return q == null ? tip.account(address).nonce() : q.nextNonce();
  }

  /** A snapshot of everything held, per sender (ordered by address), pending then queued. */
  public MempoolContent content() {
    return MempoolContent.of(senders.values());
  }

  /**
   * Pending transactions for a block of at most {@code maxTxBytes} transaction bytes: highest fee
   * first, each sender's in nonce order (see {@link BlockSelection}).
   */
  public List<Transaction> selectForBlock(long maxTxBytes) {
    return BlockSelection.select(senders.values(), maxTxBytes);
  }
}
