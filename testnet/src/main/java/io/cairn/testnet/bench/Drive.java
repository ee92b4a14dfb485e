package io.cairn.testnet.bench;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** What the workloads do to nodes: submit batches, mine, and watch for a state on several nodes at once. */
final class Drive {
  /** Requests kept in flight while submitting (the node's RPC has two workers per core, 4 to 8). */
  static final int IN_FLIGHT = 4;

  private Drive() {}

  /**
   * The outcome of a submission.
   *
   * @param accepted calls answered with a result
   * @param nanos from the first request to the last response
   * @param firstError the first refusal, for the report ("" when none)
   */
  record Submitted(int accepted, long nanos, String firstError) {
    double perSecond() {
      return accepted * 1e9 / nanos;
    }
  }

  /**
   * POSTs the batch bodies to one node over {@link #IN_FLIGHT} keep-alive connections, one request in
   * flight on each (each connection's thread takes the next body when its answer arrives). The
   * requests are encoded and the connections opened before the clock starts.
   */
  static Submitted submit(BenchNode n, List<String> bodies) {
    List<byte[]> requests = new ArrayList<>(bodies.size());
    for (String body : bodies) {
      requests.add(n.rpc().request(body));
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    AtomicReference<String> err = new AtomicReference<>("");
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    List<BenchRpc.Link> links = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    try {
      for (int i = 0; i < Math.min(IN_FLIGHT, requests.size()); i++) {
        BenchRpc.Link link = n.rpc().link();
        links.add(link);
        Thread t = new Thread(() -> {
          try {
            for (int k = next.getAndIncrement(); k < requests.size() && failure.get() == null; k = next.getAndIncrement()) {
              byte[] r = link.post(requests.get(k));
              int[] tally = BenchRpc.tally(r);
              ok.addAndGet(tally[0]);
              if ((tally[1] > 0 || tally[0] == 0) && err.get().isEmpty()) {
                err.compareAndSet("", BenchRpc.firstError(new String(r, StandardCharsets.UTF_8)));
              }
            }
          } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
          }
        }, "bench-submit-" + i);
        t.setDaemon(true);
        threads.add(t);
      }
      long t0 = System.nanoTime();
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
      long nanos = System.nanoTime() - t0;
      if (failure.get() != null) {
        throw failure.get();
      }
      return new Submitted(ok.get(), nanos, err.get());
    } catch (InterruptedException e) {
      threads.forEach(Thread::interrupt);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      links.forEach(BenchRpc.Link::close);
    }
  }

  /** {@code miner_mine {blocks: 1, address}} on the node; the new block's hash. */
  static String mineOne(BenchNode n, String address) {
    return mine(n, address).hash();
  }

  /** A block mined on demand, and when its proof of work was found (the node's clock, Unix ms). */
  record Mined(String hash, long foundMs) {}

  /** {@code miner_mine {blocks: 1, address}} on the node. */
  static Mined mine(BenchNode n, String address) {
    JsonObject p = new JsonObject();
    p.addProperty("blocks", 1);
    p.addProperty("address", address);
    JsonObject r = n.rpc().call("miner_mine", p).getAsJsonObject();
    return new Mined(r.getAsJsonArray("hashes").get(0).getAsString(), r.getAsJsonArray("foundMs").get(0).getAsLong());
  }

  /**
   * Waits (polling every {@code pollMs}) until every node is past {@code height}, checks that each
   * one's tip is {@code hash}, and returns each one's {@code tipSinceMs}: when it made that block its
   * tip, on the node's clock (one machine: one clock).
   */
  static long[] tipsSince(List<BenchNode> nodes, String hash, long height, long pollMs) {
    watch(nodes, x -> chainInfo(x).get("height").getAsLong() > height, pollMs, Relay.WAIT, "to reach height " + (height + 1));
    long[] since = new long[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      JsonObject info = chainInfo(nodes.get(i));
      String tip = info.get("tipHash").getAsString();
      if (!tip.equals(hash)) {
        throw new IllegalStateException(nodes.get(i).name() + " has tip " + tip + ", not the mined block " + hash);
      }
      since[i] = info.get("tipSinceMs").getAsLong();
    }
    return since;
  }

  static JsonObject chainInfo(BenchNode n) {
    return n.rpc().object("chain_info");
  }

  static long mempoolSize(BenchNode n) {
    return n.rpc().object("mempool_info").get("size").getAsLong();
  }

  /**
   * How often a workload asks nodes whether they are done when the node itself records when that
   * happened (W2's {@code changedMs}, W4's {@code tipSinceMs}): each poll is a whole HTTP request
   * that takes CPU from the nodes being measured, and the end time does not depend on it.
   */
  static final long POLL_MS = 100;

  /** When the node's mempool last changed ({@code mempool_info}'s {@code changedMs}, this machine's clock). */
  static long mempoolChangedMs(BenchNode n) {
    return n.rpc().object("mempool_info").get("changedMs").getAsLong();
  }

  /**
   * Polls every node on its own thread (every {@code pollMs}) until {@code done} holds for it; returns
   * for each node the {@link System#nanoTime()} at which it was first seen to hold.
   *
   * @throws IllegalStateException when some node does not get there in time
   */
  static long[] watch(List<BenchNode> nodes, Predicate<BenchNode> done, long pollMs, Duration timeout, String what) {
    long[] at = new long[nodes.size()];
    String[] errors = new String[nodes.size()];
    CountDownLatch latch = new CountDownLatch(nodes.size());
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      int k = i;
      Thread t = new Thread(() -> {
        try {
          while (System.nanoTime() < deadline) {
            boolean d;
            try {
              d = done.test(nodes.get(k));
            } catch (RuntimeException e) {
              errors[k] = e.getMessage();
              d = false;
            }
            if (d) {
              at[k] = System.nanoTime();
              return;
            }
            if (pollMs > 0) {
              Thread.sleep(pollMs);
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          latch.countDown();
        }
      }, "bench-watch-" + k);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    try {
      latch.await();
    } catch (InterruptedException e) {
      threads.forEach(Thread::interrupt);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    for (int i = 0; i < at.length; i++) {
      if (at[i] == 0) {
        throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + nodes.get(i).name()
            + " " + what + (errors[i] == null ? "" : " (last error: " + errors[i] + ")"));
      }
    }
    return at;
  }

  static long max(long[] a) {
    long m = Long.MIN_VALUE;
    for (long x : a) {
      m = Math.max(m, x);
    }
    return m;
  }
}
