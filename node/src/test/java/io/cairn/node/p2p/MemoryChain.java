package io.cairn.node.p2p;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.Ed25519;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.PublicKey;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.CompactTarget;
import io.cairn.common.model.Merkle;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.Genesis;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-memory {@link P2pBackend} for tests: a block tree with most-work fork choice (first seen
 * wins ties), headers checked for linkage, height, the easiest target and its proof of work; blocks
 * for their Merkle root and transaction signatures; a mempool that takes any validly signed
 * transaction and takes back the transactions of disconnected blocks. No balances or nonces.
 */
final class MemoryChain implements P2pBackend {
  static final int BITS = CompactTarget.POW_LIMIT_BITS;

  private final Hash genesis;
  private final Map<Hash, BlockHeader> headers = new HashMap<>();
  private final Map<Hash, BigInteger> work = new HashMap<>();
  private final Map<Hash, Block> bodies = new HashMap<>();
  private final Set<Hash> withheld = new HashSet<>();
  private final List<Hash> main = new ArrayList<>();
  private final Map<Hash, Integer> mainIndex = new HashMap<>();
  private final Set<Hash> confirmed = new HashSet<>();
  /** Blocks found invalid and their descendants seen since (as the node's engine marks them). */
  private final Set<Hash> invalid = new HashSet<>();
  private final LinkedHashMap<Hash, Transaction> mempool = new LinkedHashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final Address miner;
  private volatile boolean verifySignatures = true;
  /** When set, {@link #acceptTxsAsync} answers from this thread, as the node's verifier pool does. */
  private volatile ExecutorService admission;
  /** When set, {@link #acceptBlockAsync} imports on this thread, in call order (as the node does). */
  private volatile ExecutorService importer;

  MemoryChain(ChainSpec spec, Address miner) {
    Block g = Genesis.block(spec);
    this.genesis = g.hash();
    this.miner = miner;
    headers.put(genesis, g.header());
    work.put(genesis, BigInteger.ZERO);
    bodies.put(genesis, g);
    main.add(genesis);
    mainIndex.put(genesis, 0);
  }

  static ChainSpec spec(String network) {
    return new ChainSpec(network, "tcairn", 1_000, BITS, 3_600_000, 1_000_000, Amount.ofCrn(50),
        Amount.ofUnits(1_000), 1_700_000_000_000L, true, List.of());
  }

  static Address address(int i) {
    return Address.of(PublicKey.of(Ed25519.publicKey(seed(i))));
  }

  static byte[] seed(int i) {
    byte[] s = new byte[32];
    s[0] = (byte) i;
    s[1] = (byte) (i >> 8);
    s[31] = 7;
    return s;
  }

  /** A transfer signed for another network: its signature does not verify here. */
  Transaction badTx(int sender, long nonce) {
    byte[] seed = seed(sender);
    Transaction t = Transaction.unsigned(PublicKey.of(Ed25519.publicKey(seed)), address(9999), Amount.ofUnits(1),
        Amount.ofUnits(1_000), nonce, Bytes.EMPTY);
    return t.signWith(seed, Hash.of(new byte[32]));
  }

  /** A validly signed transfer, distinct per (sender, nonce). */
  Transaction tx(int sender, long nonce) {
    byte[] seed = seed(sender);
    Transaction t = Transaction.unsigned(PublicKey.of(Ed25519.publicKey(seed)), address(9999), Amount.ofUnits(1),
        Amount.ofUnits(1_000), nonce, Bytes.EMPTY);
    return t.signWith(seed, genesis);
  }

  void verifySignatures(boolean on) {
    verifySignatures = on;
  }

  /** From now on {@link #acceptTxsAsync} answers later, on a thread of its own; {@link #close} stops it. */
  void admitAsynchronously() {
    admission = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "memory-chain-admission");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public CompletableFuture<List<Optional<Rejected>>> acceptTxsAsync(List<Transaction> txs) {
    ExecutorService e = admission;
    if (e == null) {
      return P2pBackend.super.acceptTxsAsync(txs);
    }
    List<Transaction> copy = List.copyOf(txs);
    return CompletableFuture.supplyAsync(() -> copy.stream().map(this::acceptTx).toList(), e);
  }

  /** Stops the admission and import threads, if any. */
  void close() {
    for (ExecutorService e : new ExecutorService[] {admission, importer}) {
      if (e != null) {
        e.shutdownNow();
      }
    }
  }

  @Override
  public Hash genesisHash() {
    return genesis;
  }

  @Override
  public synchronized Tip tip() {
    Hash t = main.get(main.size() - 1);
    return new Tip(main.size() - 1, t, work.get(t));
  }

  @Override
  public synchronized List<Hash> locator() {
    List<Hash> out = new ArrayList<>();
    long step = 1;
    for (long h = main.size() - 1; h > 0 && out.size() < 100; h -= step) {
      out.add(main.get((int) h));
      if (out.size() >= 10) {
        step *= 2;
      }
    }
    out.add(genesis);
    return out;
  }

  @Override
  public synchronized List<BlockHeader> headersAfter(List<Hash> locator, int max) {
    int start = 1;
    for (Hash h : locator) {
      Integer i = mainIndex.get(h);
      if (i != null) {
        start = i + 1;
        break;
      }
    }
    List<BlockHeader> out = new ArrayList<>();
    for (int i = start; i < main.size() && out.size() < max; i++) {
      out.add(headers.get(main.get(i)));
    }
    return out;
  }

  @Override
  public synchronized boolean hasBlock(Hash hash) {
    return bodies.containsKey(hash);
  }

  @Override
  public synchronized Optional<Block> block(Hash hash) {
    return withheld.contains(hash) ? Optional.empty() : Optional.ofNullable(bodies.get(hash));
  }

  /** Serves these bodies to nobody (answers NOT_FOUND) while keeping them, as a withholding peer would. */
  synchronized void withhold(Set<Hash> hashes) {
    withheld.clear();
    withheld.addAll(hashes);
  }

  @Override
  public synchronized Optional<Rejected> acceptHeader(BlockHeader h) {
    Hash hash = h.hash();
    if (invalid.contains(hash) || invalid.contains(h.prevHash())) {
      invalid.add(hash);
      return Optional.of(Rejected.of(Reason.INVALID_ANCESTOR, "on an invalid block " + hash.shortHex()));
    }
    if (headers.containsKey(hash)) {
      return Optional.of(Rejected.of(Reason.ALREADY_KNOWN, "header known"));
    }
    BlockHeader parent = headers.get(h.prevHash());
    if (parent == null) {
      return Optional.of(Rejected.of(Reason.UNKNOWN_PARENT, "parent " + h.prevHash().shortHex()));
    }
    if (h.height() != parent.height() + 1) {
      return Optional.of(Rejected.of(Reason.BAD_HEIGHT, "height " + h.height()));
    }
    if (h.bits() != BITS) {
      return Optional.of(Rejected.of(Reason.BAD_TARGET, "bits"));
    }
    if (!CompactTarget.meets(hash, CompactTarget.expand(BITS))) {
      return Optional.of(Rejected.of(Reason.BAD_POW, "hash above target"));
    }
    headers.put(hash, h);
    work.put(hash, work.get(h.prevHash()).add(CompactTarget.work(BITS)));
    return Optional.empty();
  }

  @Override
  public Optional<Rejected> acceptBlock(Block b) {
    List<Block> connected = new ArrayList<>();
    List<Transaction> returned = new ArrayList<>();
    synchronized (this) {
      Hash hash = b.hash();
      if (bodies.containsKey(hash)) {
        return Optional.of(Rejected.of(Reason.ALREADY_KNOWN, "block known"));
      }
      Optional<Rejected> r = acceptHeader(b.header());
      if (r.isPresent() && r.get().reason() != Reason.ALREADY_KNOWN) {
        return r;
      }
      if (!bodies.containsKey(b.header().prevHash())) {
        return Optional.of(Rejected.of(Reason.UNKNOWN_PARENT, "parent body missing"));
      }
      if (!Merkle.root(b.txids()).equals(b.header().merkleRoot())) {
        return Optional.of(Rejected.of(Reason.BAD_MERKLE_ROOT, "merkle root"));
      }
      for (Transaction tx : b.transactions()) {
        if (verifySignatures && !tx.verifySignature(genesis)) {
          invalid.add(hash);
          return Optional.of(Rejected.of(Reason.BAD_SIGNATURE, tx.txid().shortHex()));
        }
      }
      bodies.put(hash, b);
      Hash tip = main.get(main.size() - 1);
      if (work.get(hash).compareTo(work.get(tip)) > 0) {
        reorgTo(hash, connected);
        for (Transaction tx : new ArrayList<>(mempool.values())) {
          if (returnedNow.remove(tx.txid())) {
            returned.add(tx);
          }
        }
      }
    }
    for (Transaction tx : returned) {
      for (Listener l : listeners) {
        l.onTransaction(tx);
      }
    }
    for (Block c : connected) {
      for (Listener l : listeners) {
        l.onBlockConnected(c);
      }
    }
    return Optional.empty();
  }

  private final Set<Hash> returnedNow = new HashSet<>();

  /** Imports handed over with {@link #acceptBlockAsync} happen on one own thread from now on (see {@link #close}). */
  MemoryChain importAsync() {
    importer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "memory-chain-import");
      t.setDaemon(true);
      return t;
    });
    return this;
  }

  /** Holds back every later {@link #importAsync} import until the returned latch is counted down. */
  java.util.concurrent.CountDownLatch pauseImports() {
    java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
    importer.execute(() -> {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    return gate;
  }

  @Override
  public CompletableFuture<Optional<Rejected>> acceptBlockAsync(Block b) {
    ExecutorService ex = importer;
    return ex == null ? P2pBackend.super.acceptBlockAsync(b)
        : CompletableFuture.supplyAsync(() -> acceptBlock(b), ex);
  }


  private void reorgTo(Hash newTip, List<Block> connected) {
    returnedNow.clear();
    List<Hash> branch = new ArrayList<>();
    Hash h = newTip;
    while (!mainIndex.containsKey(h)) {
      branch.add(h);
      h = headers.get(h).prevHash();
    }
    int fork = mainIndex.get(h);
    for (int i = main.size() - 1; i > fork; i--) {
      Hash old = main.remove(i);
      mainIndex.remove(old);
      for (Transaction tx : bodies.get(old).transactions()) {
        confirmed.remove(tx.txid());
        mempool.put(tx.txid(), tx);
        returnedNow.add(tx.txid());
      }
    }
    Collections.reverse(branch);
    for (Hash b : branch) {
      mainIndex.put(b, main.size());
      main.add(b);
      Block blk = bodies.get(b);
      for (Transaction tx : blk.transactions()) {
        confirmed.add(tx.txid());
        mempool.remove(tx.txid());
      }
      connected.add(blk);
    }
  }

  @Override
  public synchronized boolean hasTx(Hash txid) {
    return mempool.containsKey(txid) || confirmed.contains(txid);
  }

  @Override
  public synchronized Optional<Transaction> mempoolTx(Hash txid) {
    return Optional.ofNullable(mempool.get(txid));
  }

  @Override
  public synchronized List<Hash> mempoolTxids() {
    return new ArrayList<>(mempool.keySet());
  }

  @Override
  public Optional<Rejected> acceptTx(Transaction tx) {
    synchronized (this) {
      Hash id = tx.txid();
      if (mempool.containsKey(id) || confirmed.contains(id)) {
        return Optional.of(Rejected.of(Reason.ALREADY_KNOWN, id.shortHex()));
      }
      if (verifySignatures && !tx.verifySignature(genesis)) {
        return Optional.of(Rejected.of(Reason.BAD_SIGNATURE, id.shortHex()));
      }
      mempool.put(id, tx);
    }
    for (Listener l : listeners) {
      l.onTransaction(tx);
    }
    return Optional.empty();
  }

  @Override
  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  /** Tells the network this node mined {@code b}, as a node does before it checks or stores it; nothing more. */
  void announceMined(Block b) {
    for (Listener l : listeners) {
      l.onBlockMined(b);
    }
  }

  /** Stores a block without any check, so that a test node can serve an invalid one. */
  synchronized void forceStore(Block b) {
    headers.put(b.hash(), b.header());
    work.put(b.hash(), work.get(b.header().prevHash()).add(CompactTarget.work(BITS)));
    bodies.put(b.hash(), b);
  }

  /** Copies this chain's main-chain blocks into another chain (fast set-up of equal chains). */
  void copyTo(MemoryChain other) {
    List<Block> blocks = new ArrayList<>();
    synchronized (this) {
      for (int i = 1; i < main.size(); i++) {
        blocks.add(bodies.get(main.get(i)));
      }
    }
    for (Block b : blocks) {
      other.acceptBlock(b);
    }
  }

  synchronized int mempoolSize() {
    return mempool.size();
  }

  /** True when a block was found invalid here (or descends from one). */
  synchronized boolean isInvalid(Hash hash) {
    return invalid.contains(hash);
  }

  synchronized boolean inMempool(Hash txid) {
    return mempool.containsKey(txid);
  }

  /** Mines one block on the tip holding the whole mempool (or nothing) and accepts it. */
  Block mine(boolean withMempool) {
    Block b;
    synchronized (this) {
      b = build(tip().hash(), withMempool ? new ArrayList<>(mempool.values()) : List.of());
    }
    Optional<Rejected> r = acceptBlock(b);
    if (r.isPresent()) {
      throw new IllegalStateException("own block refused: " + r.get());
    }
    return b;
  }

  /** A block on {@code parent} with these transactions and valid proof of work (not accepted). */
  synchronized Block build(Hash parent, List<Transaction> txs) {
    BlockHeader p = headers.get(parent);
    List<Hash> ids = new ArrayList<>();
    for (Transaction t : txs) {
      ids.add(t.txid());
    }
    BlockHeader h = new BlockHeader(BlockHeader.VERSION, p.height() + 1, parent, Merkle.root(ids),
        p.timestampMs() + 1_000, BITS, 0, miner);
    BigInteger target = CompactTarget.expand(BITS);
    long nonce = 0;
    while (!CompactTarget.meets(h.hash(), target)) {
      h = h.withNonce(++nonce);
    }
    return new Block(h, txs);
  }
}
