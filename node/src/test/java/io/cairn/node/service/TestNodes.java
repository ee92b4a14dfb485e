package io.cairn.node.service;

import io.cairn.common.address.Address;
import io.cairn.common.spec.ChainSpec;
import java.nio.file.Path;
import java.util.List;

/** In-JVM nodes for tests: 127.0.0.1 only, ports picked by the OS, cookie auth on. */
final class TestNodes {
  private TestNodes() {}

  static NodeConfig config(Path dir, ChainSpec spec, List<String> peers, Address miner, boolean mine) {
    return new NodeConfig(dir, spec, "127.0.0.1", 0, "127.0.0.1", 0, true, peers, mine, miner, 1, 0, 16, 4, 0,
        "info", false);
  }

  static NodeService start(Path dir, ChainSpec spec) {
    return NodeService.start(config(dir, spec, List.of(), null, false));
  }

  /** Quiet logs for in-JVM tests (Netty at WARN, Cairn at INFO) without a log file. */
  static void quietLogs(Path dir) {
    Logging.configure(dir, "info", false);
  }
}
