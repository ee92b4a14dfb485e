package io.cairn.node.rpc;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.Ed25519;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.PublicKey;
import io.cairn.common.model.Block;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.Merkle;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.common.reason.RejectedException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A small deterministic node behind both facades: genesis (height 0), block 1 holding {@link #tx1}
 * (alice to bob), and {@link #tx2} pending. Commands are recorded; mining can be made to block so a
 * test can fill the RPC workers.
 */
class FakeNode implements NodeQueries, NodeCommands {
  static final String PREFIX = "tcairn";
  static final Hash GENESIS = Hash.of(filled(7));
  static final byte[] ALICE_SEED = filled(1);
  static final byte[] BOB_SEED = filled(2);
  static final PublicKey ALICE_KEY = PublicKey.of(Ed25519.publicKey(ALICE_SEED));
  static final Address ALICE = Address.of(ALICE_KEY);
  static final Address BOB = Address.of(PublicKey.of(Ed25519.publicKey(BOB_SEED)));
  static final Amount MIN_FEE = Amount.ofUnits(1_000);
  static final String PEER_ID = "ab12cd34";

  final Transaction tx1 = transfer(0, Amount.ofCrn(5), Bytes.utf8("rent"));
  final Transaction tx2 = transfer(1, Amount.ofUnits(250), Bytes.EMPTY);
  final Block genesis = block(0, Hash.ZERO, List.of());
  final Block block1 = block(1, genesis.hash(), List.of(tx1));

  final List<Transaction> submitted = new CopyOnWriteArrayList<>();
  final List<String> addedPeers = new CopyOnWriteArrayList<>();
  final List<String> disconnected = new CopyOnWriteArrayList<>();
  final Map<String, Object> flags = new ConcurrentHashMap<>();
  volatile boolean serving = true;
  volatile boolean dev = true;
  volatile CountDownLatch mineEntered = new CountDownLatch(0);
  volatile CountDownLatch mineRelease = new CountDownLatch(0);

  static byte[] filled(int b) {
    byte[] a = new byte[32];
    Arrays.fill(a, (byte) b);
    return a;
  }

  static Transaction transfer(long nonce, Amount amount, Bytes memo) {
    return Transaction.unsigned(ALICE_KEY, BOB, amount, MIN_FEE, nonce, memo).signWith(ALICE_SEED, GENESIS);
  }

  static Block block(long height, Hash prev, List<Transaction> txs) {
    List<Hash> ids = new ArrayList<>();
    txs.forEach(t -> ids.add(t.txid()));
    Hash root = ids.isEmpty() ? Hash.ZERO : Merkle.root(ids);
    return new Block(new BlockHeader(1, height, prev, root, 1_700_000_000_000L + height * 2_000, 0x207fffff,
        -2L, ALICE), txs);
  }

  // ---- NodeQueries

  @Override
  public boolean serving() {
    return serving;
  }

  @Override
  public ChainInfo chainInfo() {
    return new ChainInfo("testnet", GENESIS, 1, block1.hash(), BigInteger.valueOf(4), false, 1, 1, MIN_FEE, PREFIX,
        2_000, true, 1_700_000_000_000L);
  }

  @Override
  public Optional<BlockInfo> blockByHash(Hash hash) {
    if (hash.equals(genesis.hash())) {
      return Optional.of(new BlockInfo(genesis, 2));
    }
    return hash.equals(block1.hash()) ? Optional.of(new BlockInfo(block1, 1)) : Optional.empty();
  }

  @Override
  public Optional<BlockInfo> blockByHeight(long height) {
    return height == 0 ? blockByHash(genesis.hash()) : height == 1 ? blockByHash(block1.hash()) : Optional.empty();
  }

  @Override
  public Optional<TxInfo> transaction(Hash txid) {
    if (txid.equals(tx1.txid())) {
      return Optional.of(new TxInfo(tx1, TxStatus.CONFIRMED, block1.hash(), 1, 0, 1));
    }
    return txid.equals(tx2.txid()) ? Optional.of(TxInfo.pending(tx2)) : Optional.empty();
  }

  @Override
  public AccountInfo account(Address address) {
    if (address.equals(ALICE)) {
      return new AccountInfo(Amount.ofCrn(95), 1, 2);
    }
    return address.equals(BOB) ? new AccountInfo(Amount.ofCrn(5), 0, 0) : new AccountInfo(Amount.ZERO, 0, 0);
  }

  @Override
  public List<HistoryEntry> history(Address address, int limit, Optional<Hash> before) {
    if (!address.equals(ALICE) && !address.equals(BOB)) {
      return List.of();
    }
    if (before.isPresent()) {
      if (!before.get().equals(tx1.txid())) {
        throw new RejectedException(Reason.NOT_FOUND, "no confirmed transaction " + before.get() + " of this address");
      }
      return List.of();
    }
    return List.of(new HistoryEntry(tx1, block1.hash(), 1, 0, block1.header().timestampMs()));
  }

  @Override
  public MempoolInfo mempoolInfo() {
    return new MempoolInfo(1, tx2.encodedLength(), 64_000_000, MIN_FEE, 1_700_000_001_000L);
  }

  @Override
  public List<Transaction> mempoolContent(int limit) {
    return List.of(tx2);
  }

  @Override
  public NetInfo netInfo() {
    if (flags.containsKey("failNetInfo")) {
      throw new IllegalStateException("secret internal detail");
    }
    return new NetInfo("ffee0011", "127.0.0.1:7420", 0, 1, 3);
  }

  @Override
  public List<PeerInfo> peers() {
    return List.of(new PeerInfo(PEER_ID, "127.0.0.1:17421", false, 1, BigInteger.valueOf(4), "cairn/0.1.0",
        1_700_000_000_000L, 3, 1_000, 2_000));
  }

  @Override
  public MinerStatus minerStatus() {
    return new MinerStatus(true, Optional.of(ALICE), 1, 1234.5, 7);
  }

  @Override
  public VersionInfo version() {
    return new VersionInfo("0.1.0-SNAPSHOT", 1, "cairn/0.1.0");
  }

  // ---- NodeCommands

  @Override
  public List<Outcome<Hash>> submitTransactions(List<Transaction> txs) {
    submissions.add(txs.size());
    return txs.stream().map(this::submit).toList();
  }

  /** The sizes of the lists given to submitTransactions, in order. */
  final List<Integer> submissions = new java.util.concurrent.CopyOnWriteArrayList<>();

  private Outcome<Hash> submit(Transaction tx) {
    if (tx.fee().compareTo(MIN_FEE) < 0) {
      return Outcome.refused(Rejected.of(Reason.FEE_TOO_LOW, "fee " + tx.fee().units() + " < " + MIN_FEE.units()));
    }
    if (tx.equals(tx1) || tx.equals(tx2)) {
      return Outcome.refused(Rejected.of(Reason.ALREADY_KNOWN, "already known"));
    }
    submitted.add(tx);
    return Outcome.ok(tx.txid());
  }

  @Override
  public Optional<Rejected> addPeer(String hostPort) {
    if (hostPort.startsWith("banned.")) {
      return Optional.of(Rejected.of(Reason.BANNED, hostPort + " is banned"));
    }
    addedPeers.add(hostPort);
    return Optional.empty();
  }

  @Override
  public Optional<Rejected> disconnectPeer(String nodeId) {
    if (!nodeId.equals(PEER_ID)) {
      return Optional.of(Rejected.of(Reason.NOT_FOUND, "no peer " + nodeId));
    }
    disconnected.add(nodeId);
    return Optional.empty();
  }

  final List<List<String>> blockedCalls = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public Optional<Rejected> setBlockedPeers(List<String> nodeIds) {
    for (String id : nodeIds) {
      if (!id.matches("[0-9a-f]{64}")) {
        return Optional.of(Rejected.of(Reason.MALFORMED, "node id '" + id + "' is not 64 hex digits"));
      }
    }
    blockedCalls.add(List.copyOf(nodeIds));
    return Optional.empty();
  }

  @Override
  public Outcome<List<Mined>> mineBlocks(int count, Optional<Address> minerAddress) {
    if (!dev) {
      return Outcome.refused(Rejected.of(Reason.NOT_ALLOWED, "mining on demand only on dev networks"));
    }
    mineEntered.countDown();
    try {
      if (!mineRelease.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test never released the miner");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
    List<Mined> mined = new ArrayList<>();
    Address to = minerAddress.orElse(ALICE);
    for (int i = 0; i < count; i++) {
      mined.add(new Mined(new Block(new BlockHeader(1, 2 + i, block1.hash(), Hash.ZERO, 0, 0x207fffff, i, to), List.of()).hash(),
          1_700_000_000_000L + i));
    }
    return Outcome.ok(mined);
  }
}
