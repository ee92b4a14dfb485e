package io.cairn.node.service;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.node.mempool.Admission;
import io.cairn.node.p2p.P2pNetwork;
import io.cairn.node.p2p.PeerInfo;
import io.cairn.node.p2p.wire.NodeId;
import io.cairn.node.p2p.wire.PeerAddress;
import io.cairn.node.rpc.NodeCommands;
import io.cairn.node.rpc.NodeCommands.Mined;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * {@link NodeCommands} over the running node: transactions go through the verifier pool into the
 * mempool (and from there to the relay), peer commands to the network, mining to the
 * {@link MinerControl}. While the node shuts down every command is refused with {@code busy}.
 */
final class Commands implements NodeCommands {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ChainActor actor;
  private final P2pNetwork net;
  private final MinerControl miner;
  private final BooleanSupplier open;

  Commands(ChainActor actor, P2pNetwork net, MinerControl miner, BooleanSupplier open) {
    this.actor = actor;
    this.net = net;
    this.miner = miner;
    this.open = open;
  }

  @Override
  public List<Outcome<Hash>> submitTransactions(List<Transaction> txs) {
    if (!open.getAsBoolean()) {
      return Collections.nCopies(txs.size(), Outcome.refused(closing()));
    }
    List<Admission> admissions;
    try {
      admissions = ChainThread.await(actor.submitTxs(txs), TIMEOUT);
    } catch (ChainThread.Unavailable e) {
      return Collections.nCopies(txs.size(), Outcome.refused(Rejected.of(Reason.BUSY, e.getMessage())));
    }
    List<Outcome<Hash>> out = new ArrayList<>(admissions.size());
    for (Admission a : admissions) {
      out.add(a.accepted() ? Outcome.ok(a.txid()) : Outcome.refused(a.rejected()));
    }
    return out;
  }

  @Override
  public Optional<Rejected> addPeer(String hostPort) {
    if (!open.getAsBoolean()) {
      return Optional.of(closing());
    }
    PeerAddress address;
    try {
      address = PeerAddress.parse(hostPort);
    } catch (IllegalArgumentException e) {
      return Optional.of(Rejected.of(Reason.MALFORMED, e.getMessage()));
    }
    net.connect(address);
    return Optional.empty();
  }

  @Override
  public Optional<Rejected> disconnectPeer(String nodeId) {
    NodeId id;
    try {
      id = NodeId.parse(nodeId);
    } catch (IllegalArgumentException e) {
      return Optional.of(Rejected.of(Reason.MALFORMED, "'nodeId' must be 64 hex digits: " + e.getMessage()));
    }
    boolean connected = net.peers().stream().map(PeerInfo::nodeId).anyMatch(id::equals);
    if (!connected) {
      return Optional.of(Rejected.of(Reason.NOT_FOUND, "no connected peer with node id " + nodeId));
    }
    net.disconnect(id);
    return Optional.empty();
  }

  @Override
  public Outcome<List<Mined>> mineBlocks(int count, Optional<Address> minerAddress) {
    if (!open.getAsBoolean()) {
      return Outcome.refused(closing());
    }
    return miner.mine(count, minerAddress);
  }

  /** Refuses and drops links to these node ids until called again with a smaller set (empty: heal). */
  @Override
  public Optional<Rejected> setBlockedPeers(List<String> nodeIds) {
    Set<NodeId> ids = new HashSet<>();
    for (String s : nodeIds) {
      try {
        ids.add(NodeId.parse(s.strip()));
      } catch (IllegalArgumentException e) {
        return Optional.of(Rejected.of(Reason.MALFORMED, "node id '" + s + "': " + e.getMessage()));
      }
    }
    net.setBlockedPeers(ids);
    return Optional.empty();
  }

  private static Rejected closing() {
    return Rejected.of(Reason.BUSY, "the node is shutting down");
  }
}
