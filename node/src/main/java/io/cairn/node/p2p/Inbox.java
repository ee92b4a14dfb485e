package io.cairn.node.p2p;

import io.cairn.node.p2p.wire.Message;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One peer's received messages on their way to the network thread, so that no peer can take that
 * thread from the others however fast it sends (after Bitcoin Core's per-peer receive queue and its
 * round-robin message handler).
 *
 * <ul>
 *   <li><b>Turns.</b> The network thread handles one message of a peer per turn, then queues the
 *       peer's next turn behind everything already waiting: peers are served round robin.
 *   <li><b>Reading pauses.</b> With {@link #PAUSE_AT} messages waiting, the link is no longer read
 *       (TCP pushes back on the sender) until they are down to {@link #RESUME_AT}: what a peer can
 *       make the node hold is bounded by that and one socket read.
 *   <li><b>Requests wait for the answers before them.</b> When the next message is a request and the
 *       peer cannot take an answer now (its link is not writable, or an earlier answer is still being
 *       written), the inbox parks until {@link Network#onWritable} wakes it. A peer that asks without
 *       reading is thus slowed down, never answered into unbounded buffers, and, if it never reads,
 *       closed by the idle timeout.
 *   <li><b>Order.</b> The link's close is handled after the messages that came before it.
 * </ul>
 *
 * {@link #received}, {@link #closed} and the resumption of reading run on the link's I/O thread;
 * everything else on the network thread.
 */
final class Inbox {
  static final int PAUSE_AT = 64;
  static final int RESUME_AT = 16;
  private static final Object CLOSED = new Object();

  private final Network net;
  private final Peer peer;
  private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
  /** Entries in {@link #queue}; the network thread has a turn queued or is parked whenever it is above 0. */
  private final AtomicInteger size = new AtomicInteger();
  private boolean parked;
  /** This inbox turned reading off (I/O thread), so it, and only it, turns it on again. */
  private boolean paused;

  Inbox(Network net, Peer peer) {
    this.net = net;
    this.peer = peer;
  }

  /** A message from the peer (I/O thread). */
  void received(Message m) {
    add(m);
  }

  /** The link closed (I/O thread); the peer is forgotten once the messages before are handled. */
  void closed() {
    add(CLOSED);
  }

  private void add(Object item) {
    queue.add(item);
    int n = size.incrementAndGet();
    if (n == 1) {
      net.execute(this::turn);
    } else if (item == CLOSED) {
      net.execute(this::wake); // a parked inbox must still reach the close
    }
    if (n >= PAUSE_AT && !paused) {
      paused = true;
      peer.channel.config().setAutoRead(false);
    }
  }

  /** Continues a parked inbox once the peer can take answers again. */
  void wake() {
    if (parked && (peer.closed || !mustWait())) {
      parked = false;
      turn();
    }
  }

  private void turn() {
    if (!peer.closed && mustWait()) {
      parked = true;
      return;
    }
    Object next = queue.poll();
    if (next == CLOSED) {
      net.onClosed(peer);
    } else if (next != null && (peer.channel.isActive() || !Network.isRequest((Message) next))) {
      net.onMessage(peer, (Message) next); // a request of a link already closed goes unanswered
    }
    int left = size.decrementAndGet();
    if (left == RESUME_AT) {
      peer.channel.eventLoop().execute(this::resumeReading);
    }
    if (left > 0) {
      net.execute(this::turn);
    }
  }

  /** True when the next message is a request and its answer would have to wait for earlier ones. */
  private boolean mustWait() {
    Object next = queue.peek();
    return next instanceof Message m && Network.isRequest(m) && peer.channel.isActive() && !peer.canAnswer();
  }

  private void resumeReading() {
    if (paused && size.get() < PAUSE_AT) {
      paused = false;
      peer.channel.config().setAutoRead(true);
    }
  }
}
