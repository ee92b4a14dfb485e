package io.cairn.node.service;

import io.cairn.common.address.Address;
import io.cairn.common.model.Block;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.node.miner.loop.MinerLoop;
import io.cairn.node.rpc.NodeCommands.Mined;
import io.cairn.node.rpc.NodeCommands.Outcome;
import io.cairn.node.rpc.NodeQueries.MinerStatus;
import io.cairn.node.store.ImportResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's miner: the background {@link MinerLoop} when started with {@code --mine} (restarted on
 * every new tip), and {@code miner_mine} on dev networks. Templates are built and solved blocks
 * imported on the chain thread; mining threads wait for both.
 */
final class MinerControl implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("io.cairn.miner");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /**
   * How long {@link #mine} waits for a sync to end before it answers {@code busy}: importing a block a
   * peer pushed takes milliseconds (a full 1 MB block 0.3-0.75 s on a 2-core VM: W3 in
   * docs/benchmarks.md), a node catching up takes longer.
   */
  static final Duration SYNC_WAIT = Duration.ofSeconds(3);
  private static final long SYNC_POLL_MILLIS = 20;

  private final ChainActor actor;
  private final Optional<Address> configured;
  private final int threads;
  private final BooleanSupplier syncingNow;
  private final MinerLoop background;
  private final AtomicLong manualHashes = new AtomicLong();
  private final AtomicLong manualBlocks = new AtomicLong();
  private final Object mineLock = new Object();
  private long sampleNanos = System.nanoTime();
  private long sampleHashes;
  private double rate;

  /**
   * @param address where rewards go; required for background mining
   * @param rate hash-rate cap across the background threads, 0 for none
   * @param syncing whether the node syncs, as the background miner reads it (cheap, may lag)
   * @param syncingNow the same asked at once, for {@link #mine} (its caller may wait for the network)
   */
  MinerControl(ChainActor actor, Optional<Address> address, int threads, long rate, BooleanSupplier syncing,
      BooleanSupplier syncingNow) {
    this.actor = actor;
    this.configured = address;
    this.threads = threads;
    this.syncingNow = syncingNow;
    this.background = address.map(a -> new MinerLoop(new MinerLoop.Config(threads, rate, 5_000),
        now -> syncing.getAsBoolean() ? null : template(a, now), this::submit)).orElse(null);
    actor.addListener(new ChainActor.Listener() {
      @Override
      public void tipChanged(io.cairn.node.store.ChainHead head) {
        if (background != null) {
          background.tipChanged();
        }
      }
    });
  }

  /** Starts background mining (needs a miner address). */
  void start() {
    if (background == null) {
      throw new IllegalStateException("mining needs a miner address");
    }
    background.start();
    LOG.info("mining to {} with {} thread(s)", configured.get().encode(actor.store().spec().addressPrefix()), threads);
  }

  private io.cairn.node.miner.BlockTemplate template(Address to, long now) {
    return actor.thread().call(() -> actor.template(to, now), TIMEOUT);
  }

  private void submit(Block b) {
    actor.mined(b); // peers at its parent get it now, while this node checks and connects it
    ImportResult r = ChainThread.await(actor.submitBlock(b), TIMEOUT);
    if (r.isRejected()) {
      LOG.warn("mined block {} at height {} was refused: {}", b.hash().shortHex(), b.height(), r.rejected().get());
    } else {
      LOG.info("mined block {} at height {}", b.hash().shortHex(), b.height());
    }
  }

  /** Mines {@code count} blocks now (dev networks only), to {@code to} or the configured address. */
  Outcome<List<Mined>> mine(int count, Optional<Address> to) {
    synchronized (mineLock) {
      return mineNow(count, to);
    }
  }

  private Outcome<List<Mined>> mineNow(int count, Optional<Address> to) {
    if (!actor.store().spec().dev()) {
      return Outcome.refused(Rejected.of(Reason.NOT_ALLOWED,
          "miner_mine is only allowed on dev networks; '" + actor.store().spec().network() + "' is not one"));
    }
    Optional<Address> address = to.or(() -> configured);
    if (address.isEmpty()) {
      return Outcome.refused(Rejected.of(Reason.NOT_ALLOWED,
          "no miner address: pass 'address' or start the node with --miner-address"));
    }
    if (syncingNow.getAsBoolean() && !caughtUpWithin(SYNC_WAIT)) {
      return Outcome.refused(Rejected.of(Reason.BUSY, "the node is still syncing; mine when it has caught up"));
    }
    // When each proof of work was found: the block exists from then on (cairn testnet bench times
    // propagation from it); the node pushes it to peers at its parent at once, then checks, stores
    // and connects it.
    List<Long> found = new ArrayList<>(count);
    MinerLoop once = new MinerLoop(MinerLoop.Config.uncapped(1), now -> template(address.get(), now), b -> {
      found.add(System.currentTimeMillis());
      submit(b);
    });
    try {
      List<Block> blocks = once.mineBlocks(count);
      manualBlocks.addAndGet(blocks.size());
      List<Mined> mined = new ArrayList<>(blocks.size());
      for (int i = 0; i < blocks.size(); i++) {
        mined.add(new Mined(blocks.get(i).hash(), found.get(i)));
      }
      return Outcome.ok(mined);
    } catch (ChainThread.Unavailable | IllegalStateException e) {
      return Outcome.refused(Rejected.of(Reason.BUSY, "mining stopped: " + e.getMessage()));
    } finally {
      manualHashes.addAndGet(once.hashes());
    }
  }

  /**
   * Asks every {@value #SYNC_POLL_MILLIS} ms, for at most {@code wait}, whether the node still syncs
   * (the network has no event for its end); true once it does not. A block mined after that goes on
   * the tip the sync brought (the template is made on the chain thread after the import).
   */
  private boolean caughtUpWithin(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() - deadline < 0) {
      try {
        Thread.sleep(SYNC_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      if (!syncingNow.getAsBoolean()) {
        return true;
      }
    }
    return false;
  }

  synchronized MinerStatus status() {
    long hashes = (background == null ? 0 : background.hashes()) + manualHashes.get();
    long now = System.nanoTime();
    if (now - sampleNanos >= 1_000_000_000L || rate == 0) {
      rate = (hashes - sampleHashes) * 1e9 / Math.max(1, now - sampleNanos);
      sampleNanos = now;
      sampleHashes = hashes;
    }
    boolean mining = background != null && background.isRunning();
    long blocks = (background == null ? 0 : background.blocksFound()) + manualBlocks.get();
    return new MinerStatus(mining, configured, mining ? threads : 0, rate, blocks);
  }

  /** Stops the background miner and waits for its threads. */
  @Override
  public void close() {
    if (background != null) {
      background.stop();
    }
  }
}
