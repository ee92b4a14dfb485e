package io.cairn.node.cli;

import io.cairn.node.service.ConfigResolver;
import io.cairn.node.service.Logging;
import io.cairn.node.service.NodeConfig;
import io.cairn.node.service.NodeOptions;
import io.cairn.node.service.NodeService;
import io.cairn.node.service.NodeStartException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cairn node}: runs a full node in the foreground until SIGINT or SIGTERM. Only parses: the
 * options become a {@link NodeOptions}, resolved against {@code <datadir>/cairn.conf} into a
 * {@link NodeConfig} by {@link ConfigResolver}.
 */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {"Run a full node in the foreground (Ctrl-C or SIGTERM stops it cleanly).",
        "Every option can also be set in <datadir>/cairn.conf as 'key = value' (e.g. 'p2p-port = 7420');",
        "the command line wins."},
    subcommands = {NodeInitCommand.class},
    footer = {"", "Exit codes: 0 stopped cleanly; 1 runtime failure (port in use, data directory locked, I/O);",
        "2 bad usage or configuration (options, cairn.conf, chain spec mismatch, miner address)."})
public final class NodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--datadir", paramLabel = "DIR", description = "Data directory (default ~/.cairn/<network>).")
  Path dataDir;

  @Option(names = "--chain", paramLabel = "SPEC",
      description = "Chain spec file or built-in name (testnet); not needed once the data directory has one.")
  String chain;

  @Option(names = "--p2p-bind", paramLabel = "HOST", description = "Address to accept peers on (default 0.0.0.0).")
  String p2pBind;

  @Option(names = "--p2p-port", paramLabel = "PORT", description = "P2P port (default 7420; 0 picks a free one).")
  Integer p2pPort;

  @Option(names = "--rpc-bind", paramLabel = "HOST", description = "JSON-RPC address (default 127.0.0.1).")
  String rpcBind;

  @Option(names = "--rpc-port", paramLabel = "PORT", description = "JSON-RPC port (default 7421; 0 picks a free one).")
  Integer rpcPort;

  @Option(names = "--rpc-no-auth", description = "Serve JSON-RPC without the cookie token (loopback only).")
  Boolean rpcNoAuth;

  @Option(names = "--peer", paramLabel = "HOST:PORT", description = "A peer to connect to (repeatable).")
  List<String> peers;

  @Option(names = "--mine", description = "Mine in the background (needs --miner-address).")
  Boolean mine;

  @Option(names = "--miner-address", paramLabel = "ADDRESS", description = "Address credited with mined blocks.")
  String minerAddress;

  @Option(names = "--mine-threads", paramLabel = "N", description = "Mining threads (default 1).")
  Integer mineThreads;

  @Option(names = "--mine-rate", paramLabel = "H/S", description = "Cap on hashes per second over all threads (0: none).")
  Long mineRate;

  @Option(names = "--max-peers", paramLabel = "N", description = "Most inbound peers (default 64).")
  Integer maxPeers;

  @Option(names = "--outbound", paramLabel = "N", description = "Outbound connections to keep (default 8).")
  Integer outbound;

  @Option(names = "--max-upload-rate", paramLabel = "BYTES/S", description = "Upload cap per peer (0: none).")
  Long maxUploadRate;

  @Option(names = "--log-level", paramLabel = "LEVEL", description = "trace, debug, info (default), warn or error.")
  String logLevel;

  /** The options as given on the command line (unset ones null), before the config file and defaults. */
  NodeOptions options() {
    return new NodeOptions(dataDir, chain, p2pBind, p2pPort, rpcBind, rpcPort, rpcNoAuth, peers, mine, minerAddress,
        mineThreads, mineRate, maxPeers, outbound, maxUploadRate, logLevel);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    NodeService node;
    try {
      NodeConfig config = ConfigResolver.resolve(options());
      Files.createDirectories(config.dataDir());
      Logging.configure(config.dataDir(), config.logLevel(), config.logToFile());
      node = NodeService.start(config);
    } catch (NodeStartException e) {
      err.println("cairn node: " + e.getMessage());
      err.flush();
      return e.exitCode();
    } catch (java.io.IOException e) {
      err.println("cairn node: cannot create the data directory: " + e.getMessage());
      err.flush();
      return NodeStartException.RUNTIME;
    }
    out.print(node.banner());
    out.flush();
    CountDownLatch stop = new CountDownLatch(1);
    boolean handled = Signals.onTermination(stop::countDown);
    Thread hook = new Thread(node::close, "cairn-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    if (!handled) {
      err.println("cairn node: cannot handle SIGTERM here; stopping will use the JVM's shutdown hooks");
    }
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    node.close();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down
    }
    return 0;
  }
}
