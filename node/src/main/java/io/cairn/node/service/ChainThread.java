package io.cairn.node.service;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's single writer (STYLE 15): one thread named {@code cairn-chain} runs every mutation of
 * the chain engine and the mempool, one task at a time, in submission order. Other threads submit
 * work and, when they need the answer, wait with a timeout. A failing task is logged, never kills
 * the thread.
 */
final class ChainThread implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger(ChainThread.class);

  /** The chain thread did not answer in time, or is shut down. */
  static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final ScheduledThreadPoolExecutor exec;
  private volatile Thread thread;

  ChainThread() {
    exec = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(() -> {
        thread = Thread.currentThread();
        r.run();
      }, "cairn-chain");
      t.setDaemon(true);
      return t;
    });
    exec.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    exec.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    exec.setRemoveOnCancelPolicy(true);
  }

  boolean inChainThread() {
    return Thread.currentThread() == thread;
  }

  /** Runs {@code task} on the chain thread later (dropped with a debug line once shut down). */
  @Override
  public void execute(Runnable task) {
    try {
      exec.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.error("chain task failed", e);
        }
      });
    } catch (RejectedExecutionException e) {
      LOG.debug("chain thread is shut down; task dropped");
    }
  }

  /** {@code task} on the chain thread, as a future (failed with {@link Unavailable} when shut down). */
  <T> CompletableFuture<T> submit(Callable<T> task) {
    CompletableFuture<T> f = new CompletableFuture<>();
    try {
      exec.execute(() -> {
        try {
          f.complete(task.call());
        } catch (Exception | Error e) {
          f.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      f.completeExceptionally(new Unavailable("the node is shutting down", e));
    }
    return f;
  }

  /**
   * Runs {@code task} on the chain thread and waits up to {@code timeout} for its result (runs it
   * directly when called on the chain thread).
   *
   * @throws Unavailable on timeout, interruption or shutdown; a task's own unchecked exception as is
   */
  <T> T call(Callable<T> task, Duration timeout) {
    if (inChainThread()) {
      try {
        return task.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return await(submit(task), timeout);
  }

  static <T> T await(CompletableFuture<T> f, Duration timeout) {
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new Unavailable("the chain thread did not answer within " + timeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted while waiting for the chain thread", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Runs {@code task} on the chain thread every {@code period}, first after one period. */
  void every(Duration period, Runnable task) {
    exec.scheduleWithFixedDelay(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("periodic chain task failed", e);
      }
    }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Refuses new work, runs what is queued (periodic tasks are dropped) and waits for it to finish. */
  void drain(Duration timeout) {
    exec.shutdown();
    try {
      if (!exec.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("chain thread still busy after {} ms; interrupting it", timeout.toMillis());
        exec.shutdownNow();
        exec.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      exec.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
