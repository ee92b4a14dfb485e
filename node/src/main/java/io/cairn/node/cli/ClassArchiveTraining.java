package io.cairn.node.cli;

import io.cairn.node.io.FileTrees;
import io.cairn.node.service.ConfigResolver;
import io.cairn.node.service.Logging;
import io.cairn.node.service.NodeConfig;
import io.cairn.node.service.NodeService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine;

/**
 * The run that teaches the JVM what a node loads, for application class-data sharing: {@code ./cairn}
 * runs it once after each build with {@code -XX:ArchiveClassesAtExit=cairn.jsa}, and node processes
 * then start with {@code -XX:SharedArchiveFile=cairn.jsa} (about 20% sooner, docs/benchmarks.md). It
 * parses a node command line (without running it), starts a node on a throwaway data directory (testnet chain, RPC and P2P on 127.0.0.1, ports chosen
 * by the system, no peers, quiet logs), answers one JSON-RPC call, stops it and removes the directory.
 * Exit code 0, or 1 with one line on standard error.
 */
public final class ClassArchiveTraining {
  private ClassArchiveTraining() {}

  public static void main(String[] args) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("cairn-class-training-");
      // The command line as NodeMain reads it (picocli's model of NodeCommand), parsed, not run.
      NodeCommand command = new NodeCommand();
      new CommandLine(command).parseArgs("--datadir", dir.toString(), "--chain", "testnet", "--p2p-bind",
          "127.0.0.1", "--p2p-port", "0", "--rpc-bind", "127.0.0.1", "--rpc-port", "0", "--log-level", "warn");
      NodeConfig config = ConfigResolver.resolve(command.options());
      Logging.configure(config.dataDir(), config.logLevel(), config.logToFile());
      try (NodeService node = NodeService.start(config)) {
        String token = Files.readString(node.cookieFile().orElseThrow(), StandardCharsets.US_ASCII).strip();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.rpcPort() + "/"))
            .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain_info\"}"))
            .build();
        HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.discarding());
      }
    } catch (Exception e) {
      System.err.println("cairn: class-data training run failed: " + e);
      System.exit(1);
    } finally {
      if (dir != null) {
        try {
          FileTrees.delete(dir);
        } catch (IOException e) {
          System.err.println("cairn: cannot remove " + dir + ": " + e.getMessage());
        }
      }
    }
  }
}
