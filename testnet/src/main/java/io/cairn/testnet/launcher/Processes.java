package io.cairn.testnet.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Node processes by PID: start one ({@code cairn node --datadir DIR}, stdout and stderr appended to
 * its log file, stdin from /dev/null, so it outlives {@code up --detach}), tell whether a PID is still
 * that node, stop (SIGTERM, then SIGKILL after a deadline) and kill (SIGKILL). Never by name.
 *
 * <p>A PID counts as the node only while the process's command line starts with its data directory
 * marker ({@link JavaCommand#MARKER}), so a
 * PID reused by an unrelated process after a reboot is never signalled.
 */
public final class Processes {
  /** How long a node gets to close its store after SIGTERM before SIGKILL. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private Processes() {}

  /** Starts {@code cairn node --datadir dataDir}; returns its PID. */
  public static long start(JavaCommand java, Path dataDir, Path logFile) {
    try {
      Files.createDirectories(logFile.getParent());
      ProcessBuilder pb = new ProcessBuilder(java.nodeCommand(dataDir.toString(), List.of()));
      pb.redirectErrorStream(true);
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      pb.directory(dataDir.toFile());
      JavaCommand.NODE_ENVIRONMENT.forEach((k, v) -> pb.environment().putIfAbsent(k, v));
      Process p = pb.start();
      // Until the JVM has exec'd (Java spawns through a helper), the command line is not yet ours:
      // return once the node is recognisable by its marker, or has already exited.
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (p.isAlive() && !alive(p.pid(), dataDir.toString()) && System.nanoTime() < deadline) {
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return p.pid();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a node for " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /** The live process with this PID, if it is the node of {@code dataDir}. */
  public static Optional<ProcessHandle> node(long pid, String dataDir) {
    if (pid <= 0) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> {
      // The marker with the data directory comes first on the command line (Linux shows only its first
      // page). Without a readable command line (another user's process), do not claim it.
      String marker = JavaCommand.MARKER + dataDir;
      Optional<String[]> args = h.info().arguments();
      if (args.isPresent() && args.get().length > 0) {
        return args.get()[0].equals(marker);
      }
      return h.info().commandLine().map(c -> c.contains(marker + " ")).orElse(false);
    });
  }

  public static boolean alive(long pid, String dataDir) {
    return node(pid, dataDir).isPresent();
  }

  /** SIGKILL; true when there was such a node to kill. Waits until it is gone (at most 10 s). */
  public static boolean kill(long pid, String dataDir) {
    Optional<ProcessHandle> h = node(pid, dataDir);
    h.ifPresent(p -> {
      p.destroyForcibly();
      await(p.onExit(), Duration.ofSeconds(10));
    });
    return h.isPresent();
  }

  /**
   * Stops these processes together: SIGTERM to each, then SIGKILL to those still running after
   * {@code grace}. Returns the number that needed SIGKILL.
   */
  public static int stopAll(Collection<ProcessHandle> handles, Duration grace) {
    for (ProcessHandle h : handles) {
      h.destroy();
    }
    long deadline = System.nanoTime() + grace.toNanos();
    int forced = 0;
    for (ProcessHandle h : handles) {
      long left = Math.max(1, deadline - System.nanoTime());
      if (!await(h.onExit(), Duration.ofNanos(left))) {
        h.destroyForcibly();
        await(h.onExit(), Duration.ofSeconds(10));
        forced++;
      }
    }
    return forced;
  }

  private static boolean await(CompletableFuture<ProcessHandle> f, Duration d) {
    try {
      f.get(d.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
