package io.cairn.node.p2p;

import io.cairn.node.p2p.wire.Message;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One peer's received messages on their way to the network thread, so that no peer can take that
 * thread from the others however fast it sends (after Bitcoin Core's per-peer receive queue and its
 * round-robin message handler).
 *
 * <ul>
 *   <li><b>Turns.</b> The network thread handles one message of a peer per turn, then queues the
 *       peer's next turn behind everything already waiting: peers are served round robin.
 *   <li><b>Reading pauses.</b> With 64 messages or 4 MiB waiting, the link is no longer read (TCP
 *       pushes back on the sender) until they are down to 16 messages and 1 MiB ({@link
 *       InboxBudget}): what a peer can make the node hold is bounded by that, one more frame and one
 *       socket read.
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
  /** A message waiting (or the link's close) and its size on the wire. */
  private record Item(Object what, int bytes) {}

  private static final Item CLOSED = new Item(new Object(), 0);

  private final Network net;
  private final Peer peer;
  private final ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();
  /**
   * Entries in {@link #queue} and their bytes; the network thread has a turn queued or is parked
   * whenever there is an entry.
   */
  private final InboxBudget budget = new InboxBudget();
  private boolean parked;
  /**
   * This inbox turned reading off (set and cleared on the I/O thread, read by the network thread), so
   * it, and only it, turns it on again.
   */
  private volatile boolean paused;

  Inbox(Network net, Peer peer) {
    this.net = net;
    this.peer = peer;
  }

  /** A message from the peer, {@code bytes} long on the wire (I/O thread). */
  void received(Message m, int bytes) {
    add(new Item(m, bytes));
  }

  /** The link closed (I/O thread); the peer is forgotten once the messages before are handled. */
  void closed() {
    add(CLOSED);
  }

  private void add(Item item) {
    queue.add(item);
    int n = budget.add(item.bytes());
    if (n == 1) {
      net.execute(this::turn);
    } else if (item == CLOSED) {
      net.execute(this::wake); // a parked inbox must still reach the close
    }
    if (!paused && budget.full()) {
      paused = true;
      peer.channel.config().setAutoRead(false);
    }
  }

  /** What this inbox holds (any thread). */
  InboxBudget budget() {
    return budget;
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
    Item next = queue.poll();
    if (next == CLOSED) {
      net.onClosed(peer);
    } else if (next != null && (peer.channel.isActive() || !Network.isRequest((Message) next.what()))) {
      net.onMessage(peer, (Message) next.what()); // a request of a link already closed goes unanswered
    }
    int left = budget.remove(next == null ? 0 : next.bytes());
    if (paused && budget.drained()) {
      peer.channel.eventLoop().execute(this::resumeReading);
    }
    if (left > 0) {
      net.execute(this::turn);
    }
  }

  /** True when the next message is a request and its answer would have to wait for earlier ones. */
  private boolean mustWait() {
    Item next = queue.peek();
    return next != null && next.what() instanceof Message m && Network.isRequest(m) && peer.channel.isActive()
        && !peer.canAnswer();
  }

  private void resumeReading() {
    if (paused && !budget.full()) {
      paused = false;
      peer.channel.config().setAutoRead(true);
    }
  }
}
