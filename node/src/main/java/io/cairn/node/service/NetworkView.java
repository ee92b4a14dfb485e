package io.cairn.node.service;

import io.cairn.node.p2p.P2pNetwork;
import io.cairn.node.p2p.wire.MessageCodec;
import io.cairn.node.rpc.NodeQueries.NetInfo;
import io.cairn.node.rpc.NodeQueries.PeerInfo;
import io.cairn.node.store.ChainStore;
import io.cairn.node.store.Schema;
import java.math.BigInteger;
import java.util.List;

/**
 * The RPC's view of the peer-to-peer network: peers, this node's identity and whether it is still
 * catching up. Each call asks the network thread (which answers within its own timeout).
 */
final class NetworkView {
  private final P2pNetwork net;
  private final ChainStore store;

  NetworkView(P2pNetwork net, ChainStore store) {
    this.net = net;
    this.store = store;
  }

  /** True while blocks or headers are being fetched from peers. */
  boolean syncing() {
    try {
      return net.catchingUp();
    } catch (IllegalStateException e) {
      return false;
    }
  }

  int peerCount() {
    try {
      return net.peers().size();
    } catch (IllegalStateException e) {
      return 0;
    }
  }

  NetInfo info() {
    List<io.cairn.node.p2p.PeerInfo> peers = net.peers();
    int outbound = (int) peers.stream().filter(io.cairn.node.p2p.PeerInfo::outbound).count();
    return new NetInfo(net.nodeId().toString(), net.listenAddress().toString(), peers.size() - outbound, outbound,
        (int) store.count(Schema.PEERS));
  }

  /**
   * The connected peers. The network does not track per-peer work, connection time, ping or bytes
   * yet: those fields are 0 (ping -1).
   */
  List<PeerInfo> peers() {
    return net.peers().stream()
        .map(p -> new PeerInfo(p.nodeId().toString(), p.address(), !p.outbound(), p.height(), BigInteger.ZERO,
            p.userAgent(), 0, -1, 0, 0))
        .toList();
  }

  int protocolVersion() {
    return (int) MessageCodec.PROTOCOL_VERSION;
  }

  String nodeId() {
    return net.nodeId().toString();
  }

  String listenAddress() {
    return net.listenAddress().toString();
  }
}
