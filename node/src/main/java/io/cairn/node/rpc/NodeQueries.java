package io.cairn.node.rpc;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The read-only view of a running node that the JSON-RPC methods read through. The node service
 * implements it over immutable snapshots of the chain, mempool, peers and miner; every call must be
 * safe from any thread and must never block on the consensus thread for long.
 *
 * <p>The records below are the facade's own values, not JSON: the RPC layer turns them into DTOs.
 */
public interface NodeQueries {

  /** True while the node is up and serving (store open, not shutting down); drives GET /health. */
  boolean serving();

  ChainInfo chainInfo();

  /** A block on any branch the node stores. */
  Optional<BlockInfo> blockByHash(Hash hash);

  /** The main-chain block at {@code height}. */
  Optional<BlockInfo> blockByHeight(long height);

  /** A transaction in the mempool or on the main chain. */
  Optional<TxInfo> transaction(Hash txid);

  /** Confirmed state of {@code address} plus the next nonce counting its pending transactions. */
  AccountInfo account(Address address);

  /**
   * The address's confirmed transactions (sent or received), newest first: at most {@code limit}
   * of them, all older than the confirmed transaction {@code before} when it is given.
   *
   * @throws io.cairn.common.reason.RejectedException {@code not-found} when {@code before} is not a
   *     confirmed transaction of this address
   */
  List<HistoryEntry> history(Address address, int limit, Optional<Hash> before);

  MempoolInfo mempoolInfo();

  /** Up to {@code limit} pending transactions, in the mempool's own order. */
  List<Transaction> mempoolContent(int limit);

  NetInfo netInfo();

  List<PeerInfo> peers();

  MinerStatus minerStatus();

  VersionInfo version();

  /**
   * Chain facts in one snapshot (all fields from the same tip). {@code tipSinceMs}: when this node's
   * tip became the current one (Unix milliseconds, this node's clock; its start for the tip it
   * opened with).
   */
  record ChainInfo(
      String network,
      Hash genesisHash,
      long height,
      Hash tipHash,
      BigInteger totalWork,
      boolean syncing,
      int peers,
      int mempoolSize,
      Amount minFee,
      String addressPrefix,
      long targetBlockTimeMs,
      boolean dev,
      long tipSinceMs) {
    public ChainInfo {
      Objects.requireNonNull(network, "network");
      Objects.requireNonNull(genesisHash, "genesisHash");
      Objects.requireNonNull(tipHash, "tipHash");
      Objects.requireNonNull(totalWork, "totalWork");
      Objects.requireNonNull(minFee, "minFee");
      Objects.requireNonNull(addressPrefix, "addressPrefix");
    }
  }

  /**
   * A stored block. {@code confirmations} is 1 for the tip, tip height - height + 1 below it, and 0
   * for a block that is not on the main chain.
   */
  record BlockInfo(Block block, long confirmations) {
    public BlockInfo {
      Objects.requireNonNull(block, "block");
    }
  }

  enum TxStatus { PENDING, CONFIRMED }

  /**
   * Where a transaction is. For {@code PENDING}: {@code blockHash} null, {@code height} -1,
   * {@code index} -1, {@code confirmations} 0.
   */
  record TxInfo(Transaction tx, TxStatus status, Hash blockHash, long height, int index, long confirmations) {
    public TxInfo {
      Objects.requireNonNull(tx, "tx");
      Objects.requireNonNull(status, "status");
      if ((status == TxStatus.CONFIRMED) != (blockHash != null)) {
        throw new IllegalArgumentException("a confirmed transaction has a block hash, a pending one none");
      }
    }

    public static TxInfo pending(Transaction tx) {
      return new TxInfo(tx, TxStatus.PENDING, null, -1, -1, 0);
    }
  }

  /** Confirmed balance and nonce; {@code pendingNonce} is the nonce the next new transaction needs. */
  record AccountInfo(Amount balance, long nonce, long pendingNonce) {
    public AccountInfo {
      Objects.requireNonNull(balance, "balance");
      if (nonce < 0 || pendingNonce < nonce) {
        throw new IllegalArgumentException("need 0 <= nonce <= pendingNonce but got " + nonce + ", " + pendingNonce);
      }
    }
  }

  /** One confirmed transaction in an address's history. */
  record HistoryEntry(Transaction tx, Hash blockHash, long height, int index, long timestampMs) {
    public HistoryEntry {
      Objects.requireNonNull(tx, "tx");
      Objects.requireNonNull(blockHash, "blockHash");
    }
  }

  /**
   * {@code minFee} is the lowest fee the mempool accepts right now (the chain minimum unless full);
   * {@code changedMs} when the mempool last changed (a transaction admitted, replaced, evicted,
   * expired, mined or put back by a reorg; this node's clock, milliseconds since the epoch; its start
   * when nothing changed since).
   */
  record MempoolInfo(int size, long bytes, long maxBytes, Amount minFee, long changedMs) {
    public MempoolInfo {
      Objects.requireNonNull(minFee, "minFee");
    }
  }

  /** This node on the network; {@code listenAddress} is host:port. */
  record NetInfo(String nodeId, String listenAddress, int inbound, int outbound, int knownAddresses) {
    public NetInfo {
      Objects.requireNonNull(nodeId, "nodeId");
      Objects.requireNonNull(listenAddress, "listenAddress");
    }
  }

  /** A connected peer; {@code address} is host:port, {@code pingMs} -1 when not measured yet. */
  record PeerInfo(
      String nodeId,
      String address,
      boolean inbound,
      long height,
      BigInteger totalWork,
      String userAgent,
      long connectedSinceMs,
      long pingMs,
      long bytesIn,
      long bytesOut) {
    public PeerInfo {
      Objects.requireNonNull(nodeId, "nodeId");
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(totalWork, "totalWork");
      Objects.requireNonNull(userAgent, "userAgent");
    }
  }

  /** The miner; {@code address} is empty when none is configured. */
  record MinerStatus(boolean mining, Optional<Address> address, int threads, double hashesPerSecond, long blocksMined) {
    public MinerStatus {
      Objects.requireNonNull(address, "address");
    }
  }

  record VersionInfo(String version, int protocolVersion, String userAgent) {
    public VersionInfo {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(userAgent, "userAgent");
    }
  }
}
