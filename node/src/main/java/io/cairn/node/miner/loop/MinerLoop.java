package io.cairn.node.miner.loop;

import io.cairn.common.model.Block;
import io.cairn.node.miner.BlockTemplate;
import io.cairn.node.miner.PowSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mining shell: worker threads that take a {@link BlockTemplate}, search nonces with
 * {@link PowSearch} and hand a solved block to a callback.
 *
 * <ul>
 *   <li>{@link #start}/{@link #stop}: background mining with {@code threads} workers and an optional
 *       hash-rate cap shared by all of them (a token bucket; capped workers park between chunks).
 *   <li>{@link #tipChanged}: bumps a generation counter; every worker drops its template and asks
 *       for a new one. Templates are also refreshed every {@code refreshMillis} (new transactions,
 *       later timestamp).
 *   <li>{@link #mineBlocks}: mines n blocks now on the calling thread, uncapped (regtest-style
 *       generate for tests, RPC {@code miner_mine} and the testnet).
 * </ul>
 *
 * The {@link TemplateSource} is called on mining threads; the node answers it from its chain thread.
 * {@code onSolved} is called on the mining thread that found the block and should return once the
 * node has connected (or refused) it, so that the next template builds on it.
 */
public final class MinerLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MinerLoop.class);
  private static final long UNCAPPED_CHUNK = 4096;

  /** Where templates come from; null when there is nothing to mine on yet (e.g. while syncing). */
  @FunctionalInterface
  public interface TemplateSource {
    BlockTemplate next(long nowMillis);
  }

  /**
   * @param threads background mining threads
   * @param maxHashesPerSecond cap across all threads; 0 for none
   * @param refreshMillis how often a worker rebuilds its template when nothing else changed
   */
  public record Config(int threads, long maxHashesPerSecond, long refreshMillis) {
    public Config {
      if (threads < 1 || maxHashesPerSecond < 0 || refreshMillis < 1) {
        throw new IllegalArgumentException("threads >= 1, maxHashesPerSecond >= 0, refreshMillis >= 1 required; got "
            + threads + ", " + maxHashesPerSecond + ", " + refreshMillis);
      }
    }

    /** {@code threads} uncapped workers refreshing every 5 s. */
    public static Config uncapped(int threads) {
      return new Config(threads, 0, 5_000);
    }

    public static Config capped(int threads, long maxHashesPerSecond) {
      return new Config(threads, maxHashesPerSecond, 5_000);
    }
  }

  private final Config config;
  private final TemplateSource source;
  private final Consumer<Block> onSolved;
  private final LongSupplier clockMillis;
  private final HashRateLimiter limiter;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong hashes = new AtomicLong();
  private final AtomicLong found = new AtomicLong();
  private final Object signal = new Object();
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running;

  public MinerLoop(Config config, TemplateSource source, Consumer<Block> onSolved) {
    this(config, source, onSolved, System::currentTimeMillis, System::nanoTime);
  }

  /** With injected clocks: wall-clock millis for templates, a monotonic nano clock for pacing. */
  public MinerLoop(Config config, TemplateSource source, Consumer<Block> onSolved, LongSupplier clockMillis,
      LongSupplier nanoClock) {
    this.config = Objects.requireNonNull(config, "config");
    this.source = Objects.requireNonNull(source, "source");
    this.onSolved = Objects.requireNonNull(onSolved, "onSolved");
    this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
    this.limiter = config.maxHashesPerSecond() > 0 ? new HashRateLimiter(config.maxHashesPerSecond(), nanoClock) : null;
  }

  public Config config() {
    return config;
  }

  /** Starts the background workers; no-op when running. */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    for (int i = 0; i < config.threads(); i++) {
      Thread t = new Thread(this::work, "cairn-miner-" + i);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
  }

  /** Stops the background workers and waits for them to exit. */
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    wake();
    boolean interrupted = false;
    for (Thread t : workers) {
      while (t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    workers.clear();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  public boolean isRunning() {
    return running;
  }

  /** The tip (or the mempool) changed: every worker restarts on a fresh template. */
  public void tipChanged() {
    generation.incrementAndGet();
    wake();
  }

  /** Hashes tried so far, background and manual. */
  public long hashes() {
    return hashes.get();
  }

  /** Blocks found so far, background and manual. */
  public long blocksFound() {
    return found.get();
  }

  /**
   * Mines {@code n} blocks now on the calling thread at full speed, each on a fresh template, handing
   * each to {@code onSolved} before building the next; returns them in order.
   *
   * @throws IllegalStateException when the source has no template
   */
  public List<Block> mineBlocks(int n) {
    List<Block> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      BlockTemplate t = source.next(clockMillis.getAsLong());
      if (t == null) {
        throw new IllegalStateException("no block template available (is the node still syncing?)");
      }
      PowSearch search = new PowSearch(t.header().encode(), t.target());
      long nonce = 0;
      OptionalLong hit;
      do {
        hit = search.search(nonce, UNCAPPED_CHUNK);
        hashes.addAndGet(hit.isPresent() ? hit.getAsLong() - nonce + 1 : UNCAPPED_CHUNK);
        nonce += UNCAPPED_CHUNK;
      } while (hit.isEmpty());
      Block b = t.solved(hit.getAsLong());
      generation.incrementAndGet();
      found.incrementAndGet();
      onSolved.accept(b);
      out.add(b);
    }
    return out;
  }

  private void work() {
    long chunk = limiter == null ? UNCAPPED_CHUNK : limiter.chunk();
    while (running) {
      long gen = generation.get();
      BlockTemplate t;
      try {
        t = source.next(clockMillis.getAsLong());
      } catch (RuntimeException e) {
        LOG.warn("miner could not get a block template: {}", e.toString());
        t = null;
      }
      if (t == null) {
        idle(gen, 1_000);
        continue;
      }
      BooleanSupplier current = () -> running && generation.get() == gen;
      PowSearch search = new PowSearch(t.header().encode(), t.target());
      long nonce = ThreadLocalRandom.current().nextLong();
      long refreshAt = clockMillis.getAsLong() + config.refreshMillis();
      while (current.getAsBoolean() && clockMillis.getAsLong() < refreshAt) {
        if (limiter != null && !limiter.acquire(chunk, current)) {
          break;
        }
        OptionalLong hit = search.search(nonce, chunk);
        if (hit.isPresent()) {
          hashes.addAndGet(hit.getAsLong() - nonce + 1);
          if (generation.compareAndSet(gen, gen + 1)) {
            found.incrementAndGet();
            deliver(t.solved(hit.getAsLong()));
          }
          break;
        }
        hashes.addAndGet(chunk);
        nonce += chunk;
      }
    }
  }

  private void deliver(Block b) {
    try {
      onSolved.accept(b);
    } catch (RuntimeException e) {
      LOG.error("solved block at height {} was not accepted by the callback", b.height(), e);
    }
  }

  private void idle(long gen, long maxMillis) {
    synchronized (signal) {
      if (running && generation.get() == gen) {
        try {
          signal.wait(maxMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
    }
  }

  private void wake() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }
}
