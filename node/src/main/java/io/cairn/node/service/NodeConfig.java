package io.cairn.node.service;

import io.cairn.common.address.Address;
import io.cairn.common.spec.ChainSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything a node needs to start, resolved from the command line, the data directory's
 * {@code cairn.conf} and defaults (in that order of precedence).
 */
public record NodeConfig(
    Path dataDir,
    ChainSpec spec,
    String p2pBind,
    int p2pPort,
    String rpcBind,
    int rpcPort,
    boolean rpcAuth,
    List<String> peers,
    boolean mine,
    Address minerAddress,
    int mineThreads,
    long mineRate,
    int maxPeers,
    int targetOutbound,
    long maxUploadRate,
    String logLevel,
    boolean logToFile) {

  public static final int DEFAULT_P2P_PORT = 7420;
  public static final int DEFAULT_RPC_PORT = 7421;

  public NodeConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(spec, "spec");
    peers = List.copyOf(peers);
    if (mine && minerAddress == null) {
      throw new IllegalArgumentException("--mine needs --miner-address");
    }
  }
}
