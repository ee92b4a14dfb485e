package io.cairn.node.service;

import java.nio.file.Path;
import java.util.List;

/**
 * What the command line said, each field null when the option was not given (so that
 * {@code cairn.conf} and the defaults can fill it in; see {@link ConfigResolver}).
 */
public record NodeOptions(
    Path dataDir,
    String chain,
    String p2pBind,
    Integer p2pPort,
    String rpcBind,
    Integer rpcPort,
    Boolean rpcNoAuth,
    List<String> peers,
    Boolean mine,
    String minerAddress,
    Integer mineThreads,
    Long mineRate,
    Integer maxPeers,
    Integer outbound,
    Long maxUploadRate,
    String logLevel) {

  public NodeOptions {
    peers = peers == null ? List.of() : List.copyOf(peers);
  }

  /** No options at all: everything from the config file and defaults. */
  public static NodeOptions none(Path dataDir) {
    return new NodeOptions(dataDir, null, null, null, null, null, null, List.of(), null, null, null, null, null, null,
        null, null);
  }
}
