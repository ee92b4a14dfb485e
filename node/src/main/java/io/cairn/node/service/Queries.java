package io.cairn.node.service;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.mempool.MempoolContent;
import io.cairn.node.rpc.NodeQueries;
import io.cairn.node.state.Account;
import io.cairn.node.store.ChainHead;
import io.cairn.node.store.ChainStore;
import io.cairn.node.store.TxLocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * {@link NodeQueries} over the running node: chain facts from the published head and the store
 * (thread-safe reads), pending transactions from the {@link PoolIndex}, and the few answers that need
 * the mempool and the tip to agree (an account's pending nonce, the mempool's content) from one task
 * on the chain thread, waited for at most {@link #TIMEOUT}.
 */
final class Queries implements NodeQueries {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ChainActor actor;
  private final ChainStore store;
  private final ChainSpec spec;
  private final NetworkView net;
  private final MinerControl miner;
  private final BooleanSupplier serving;

  Queries(ChainActor actor, NetworkView net, MinerControl miner, BooleanSupplier serving) {
    this.actor = actor;
    this.store = actor.store();
    this.spec = store.spec();
    this.net = net;
    this.miner = miner;
    this.serving = serving;
  }

  @Override
  public boolean serving() {
    return serving.getAsBoolean();
  }

  @Override
  public ChainInfo chainInfo() {
    ChainActor.Tip tip = actor.tip(); // the head and its time together
    ChainHead head = tip.head();
    return new ChainInfo(spec.network(), store.genesisHash(), head.height(), head.hash(), head.cumulativeWork(),
        net.syncing(), net.peerCount(), actor.poolSize(), spec.minFee(), spec.addressPrefix(),
        spec.targetBlockTimeMs(), spec.dev(), tip.sinceMs());
  }

  @Override
  public Optional<BlockInfo> blockByHash(Hash hash) {
    ChainHead head = actor.head();
    return store.block(hash).map(b -> new BlockInfo(b, confirmations(b.height(), hash, head)));
  }

  @Override
  public Optional<BlockInfo> blockByHeight(long height) {
    ChainHead head = actor.head();
    if (height < 0 || height > head.height()) {
      return Optional.empty();
    }
    return store.hashAt(height).flatMap(h -> store.block(h).map(b -> new BlockInfo(b, confirmations(height, h, head))));
  }

  private long confirmations(long height, Hash hash, ChainHead head) {
    boolean onMain = store.hashAt(height).filter(hash::equals).isPresent();
    return onMain && height <= head.height() ? head.height() - height + 1 : 0;
  }

  @Override
  public Optional<TxInfo> transaction(Hash txid) {
    Optional<TxInfo> confirmed = confirmed(txid);
    if (confirmed.isPresent()) {
      return confirmed;
    }
    Optional<Transaction> pending = actor.pool().get(txid);
    if (pending.isPresent()) {
      return Optional.of(TxInfo.pending(pending.get()));
    }
    return confirmed(txid); // it may have left the pool for a block meanwhile
  }

  private Optional<TxInfo> confirmed(Hash txid) {
    ChainHead head = actor.head();
    Optional<TxLocation> loc = store.txLocation(txid);
    if (loc.isEmpty()) {
      return Optional.empty();
    }
    TxLocation l = loc.get();
    Optional<Block> block = store.block(l.blockHash());
    if (block.isEmpty() || l.position() >= block.get().transactions().size()) {
      return Optional.empty();
    }
    long conf = Math.max(1, head.height() - l.height() + 1);
    return Optional.of(new TxInfo(block.get().transactions().get(l.position()), TxStatus.CONFIRMED, l.blockHash(),
        l.height(), l.position(), conf));
  }

  @Override
  public AccountInfo account(Address address) {
    return actor.thread().call(() -> {
      Account a = store.account(address);
      long pending = actor.mempool().pendingNonce(address);
      return new AccountInfo(a.balance(), a.nonce(), Math.max(a.nonce(), pending));
    }, TIMEOUT);
  }

  @Override
  public List<HistoryEntry> history(Address address, int limit, Optional<Hash> before) {
    io.cairn.node.store.HistoryEntry start = null;
    Map<Hash, Block> blocks = new HashMap<>();
    if (before.isPresent()) {
      TxLocation l = store.txLocation(before.get()).orElseThrow(() -> notFound(before.get(), address));
      Transaction tx = load(l, blocks).orElseThrow(() -> notFound(before.get(), address));
      if (!tx.sender().equals(address) && !tx.to().equals(address)) {
        throw notFound(before.get(), address);
      }
      start = new io.cairn.node.store.HistoryEntry(l.height(), l.position(), before.get());
    }
    List<HistoryEntry> out = new ArrayList<>();
    for (io.cairn.node.store.HistoryEntry e : store.history(address, limit, start)) {
      Optional<TxLocation> l = store.txLocation(e.txid());
      if (l.isEmpty()) {
        continue; // disconnected meanwhile
      }
      Block b = block(l.get().blockHash(), blocks);
      if (b == null || l.get().position() >= b.transactions().size()) {
        continue;
      }
      out.add(new HistoryEntry(b.transactions().get(l.get().position()), l.get().blockHash(), l.get().height(),
          l.get().position(), b.header().timestampMs()));
    }
    return out;
  }

  private Optional<Transaction> load(TxLocation l, Map<Hash, Block> cache) {
    Block b = block(l.blockHash(), cache);
    return b == null || l.position() >= b.transactions().size()
        ? Optional.empty() : Optional.of(b.transactions().get(l.position()));
  }

  private Block block(Hash hash, Map<Hash, Block> cache) {
    return cache.computeIfAbsent(hash, h -> store.block(h).orElse(null));
  }

  private static RejectedException notFound(Hash txid, Address address) {
    return new RejectedException(Reason.NOT_FOUND, "'before' " + txid.toHex()
        + " is not a confirmed transaction of this address");
  }

  @Override
  public MempoolInfo mempoolInfo() {
    return new MempoolInfo(actor.poolSize(), actor.poolBytes(), actor.mempoolMaxBytes(), spec.minFee(),
        actor.poolChangedMs());
  }

  @Override
  public List<Transaction> mempoolContent(int limit) {
    MempoolContent content = actor.thread().call(() -> actor.mempool().content(), TIMEOUT);
    List<Transaction> out = new ArrayList<>();
    for (MempoolContent.SenderTxs s : content.senders().values()) {
      for (List<Transaction> part : List.of(s.pending(), s.queued())) {
        for (Transaction tx : part) {
          if (out.size() >= limit) {
            return out;
          }
          out.add(tx);
        }
      }
    }
    return out;
  }

  @Override
  public NetInfo netInfo() {
    return net.info();
  }

  @Override
  public List<PeerInfo> peers() {
    return net.peers();
  }

  @Override
  public MinerStatus minerStatus() {
    return miner.status();
  }

  @Override
  public VersionInfo version() {
    return new VersionInfo(NodeVersion.VERSION, net.protocolVersion(), NodeVersion.USER_AGENT);
  }
}
