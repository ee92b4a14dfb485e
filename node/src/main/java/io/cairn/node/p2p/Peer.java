package io.cairn.node.p2p;

import io.cairn.common.crypto.Hash;
import io.cairn.node.p2p.wire.Message;
import io.cairn.node.p2p.wire.NodeId;
import io.cairn.node.p2p.wire.PeerAddress;
import io.cairn.node.p2p.wire.ShortTxid;
import io.netty.channel.Channel;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * What the network knows about one connected peer. Everything except {@link #channel} is touched
 * only on the network thread.
 */
final class Peer {
  final Channel channel;
  final NodeId id;
  final boolean outbound;
  /** Where it accepts connections, or null when it does not listen. */
  final PeerAddress listenAddress;
  final String remote;
  final String userAgent;
  long bestHeight;
  BigInteger work;
  boolean closed;

  // Transactions.
  final LruSet<ShortTxid> knownTx = new LruSet<>(30_000);
  final ArrayDeque<ShortTxid> announceQueue = new ArrayDeque<>();
  boolean announceOverflow;
  boolean announceScheduled;
  final Set<ShortTxid> txInFlight = new HashSet<>();
  final LruSet<ShortTxid> txRequested = new LruSet<>(20_000);
  long lastMempoolServedMs = Long.MIN_VALUE / 2;
  boolean needMempool;
  /** Pending fetches its announcements created (see TxRelay). */
  int txOriginated;

  // Blocks.
  final LruSet<Hash> knownBlocks = new LruSet<>(5_000);
  final Set<Hash> blocksInFlight = new HashSet<>();
  final LruSet<Hash> blocksRequested = new LruSet<>(5_000);
  /** GET_HEADERS sent and not yet answered. */
  int headersPending;
  long headersRequestedAt;
  int unconnectingHeaders;
  /** When it last delivered a requested block body (a slow peer that keeps delivering is not stalling). */
  long lastBlockAt;
  /** When the handshake completed (block requests ramp up over the first second, see BlockDownload). */
  long connectedAt;

  // Addresses and serving.
  long lastAddrsServedMs = Long.MIN_VALUE / 2;
  long lastUnsolicitedAddrsMs = Long.MIN_VALUE / 2;
  boolean addrsRequested;
  /** The rest of a large reply (GET_BLOCKS past the serve budget), sent once the first part was written. */
  final ArrayDeque<Message> serveQueue = new ArrayDeque<>();
  /** A large reply is still being written; further requests wait in {@link #serveQueue} and the inbox. */
  boolean servingBusy;
  /** What it sent, on the way to the network thread (shared with its I/O thread). */
  final Inbox inbox;

  Peer(Network net, Channel channel, NodeId id, boolean outbound, PeerAddress listenAddress, String remote,
      Message.Hello hello) {
    this.inbox = new Inbox(net, this);
    this.channel = channel;
    this.id = id;
    this.outbound = outbound;
    this.listenAddress = listenAddress;
    this.remote = remote;
    this.userAgent = hello.userAgent();
    this.bestHeight = hello.bestHeight();
    this.work = hello.cumulativeWork();
  }

  void send(Message m) {
    if (!closed) {
      channel.writeAndFlush(m, channel.voidPromise());
    }
  }

  boolean writable() {
    return channel.isWritable();
  }

  /** An answer to a request now would go out at once, behind no other answer. */
  boolean canAnswer() {
    return writable() && !servingBusy && serveQueue.isEmpty();
  }

  PeerInfo info() {
    return new PeerInfo(id, listenAddress != null ? listenAddress.toString() : remote, outbound, bestHeight, userAgent);
  }

  @Override
  public String toString() {
    return id.shortHex() + "@" + (listenAddress != null ? listenAddress : remote);
  }
}
