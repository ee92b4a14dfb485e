package io.cairn.testnet.launcher;

import io.cairn.node.io.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The files of a testnet directory. {@code up} writes only these paths, so that the default
 * {@code ./testnet} may share the repository's {@code testnet/} module directory (where .gitignore
 * ignores exactly them), and {@code up --reset} deletes only these:
 *
 * <pre>
 * &lt;dir&gt;/testnet.json       nodes (pid, ports, RPC URL, cookie, data dir, miner) and dev accounts
 *        chain.json         the chain spec (genesis time = first up)
 *        wallet/dev.json    the dev wallet (dev phrase, empty password)
 *        node0/ node1/ ...  node data directories (cairn.conf, chain store, node key, .cookie)
 *        logs/node0.log ... each node process's stdout and stderr (appended across restarts)
 *        testnet.lock       held while a command changes the testnet
 * </pre>
 */
public record Layout(Path dir) {
  private static final Pattern NODE_DIR = Pattern.compile("node[0-9]{1,4}");

  public Layout {
    dir = dir.toAbsolutePath().normalize();
  }

  public Path testnetJson() {
    return dir.resolve("testnet.json");
  }

  public Path chainJson() {
    return dir.resolve("chain.json");
  }

  public Path walletDir() {
    return dir.resolve("wallet");
  }

  public Path nodeDir(String name) {
    requireNodeName(name);
    return dir.resolve(name);
  }

  public Path confFile(String name) {
    return nodeDir(name).resolve("cairn.conf");
  }

  public Path cookieFile(String name) {
    return nodeDir(name).resolve(".cookie");
  }

  public Path logsDir() {
    return dir.resolve("logs");
  }

  public Path logFile(String name) {
    requireNodeName(name);
    return logsDir().resolve(name + ".log");
  }

  public Path lockFile() {
    return dir.resolve("testnet.lock");
  }

  static void requireNodeName(String name) {
    if (!NODE_DIR.matcher(name).matches()) {
      throw new IllegalArgumentException("not a node name: '" + name + "' (expected node0, node1, ...)");
    }
  }

  /**
   * Deletes what a testnet wrote here, and nothing else: testnet.json, chain.json, wallet/, node[N]/,
   * logs/ and *.lock. Symbolic links are removed, never followed. Returns the paths deleted.
   */
  public List<Path> deleteOwned() {
    List<Path> deleted = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return deleted;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        boolean owned = n.equals("testnet.json") || n.equals("chain.json") || n.equals("wallet") || n.equals("logs")
            || NODE_DIR.matcher(n).matches() || n.endsWith(".lock");
        if (owned && !p.equals(lockFile())) {
          FileTrees.delete(p);
          deleted.add(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir + ": " + e.getMessage(), e);
    }
    return deleted;
  }

}
