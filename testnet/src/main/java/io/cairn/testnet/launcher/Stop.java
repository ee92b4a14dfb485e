package io.cairn.testnet.launcher;

import io.cairn.testnet.launcher.TestnetFile.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stopping nodes by PID: SIGTERM, then SIGKILL after a grace period. */
public final class Stop {
  private Stop() {}

  /** The outcome of {@link #stop}. */
  public record Stopped(int stopped, int forced) {}

  /** Stops those of {@code nodes} that run, all at once. */
  public static Stopped stop(Testnet t, List<Node> nodes, Duration grace) {
    List<ProcessHandle> handles = new ArrayList<>();
    for (Node n : nodes) {
      Optional<ProcessHandle> h = Processes.node(n.pid(), n.dataDir());
      h.ifPresent(handles::add);
    }
    int forced = Processes.stopAll(handles, grace);
    return new Stopped(handles.size(), forced);
  }

  /** {@code down}: stops every node of the testnet. */
  public static Stopped down(Testnet t) {
    return stop(t, t.nodes(), Processes.STOP_GRACE);
  }
}
