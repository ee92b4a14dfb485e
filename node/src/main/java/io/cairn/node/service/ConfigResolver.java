package io.cairn.node.service;

import io.cairn.common.address.Address;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.p2p.wire.PeerAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Turns command-line options into a {@link NodeConfig}: each setting from the command line if given,
 * else from {@code <datadir>/cairn.conf}, else the default. {@code peer} lines of the file and
 * {@code --peer} options add up. Every problem is a {@link NodeStartException#config} naming the
 * option or the file line.
 */
public final class ConfigResolver {
  public static final String DEFAULT_P2P_BIND = "0.0.0.0";

  private ConfigResolver() {}

  public static NodeConfig resolve(NodeOptions cli) {
    Path dataDir = cli.dataDir() != null ? cli.dataDir()
        : DataDir.defaultFor(cli.chain() != null ? DataDir.networkOf(cli.chain()) : DataDir.DEFAULT_CHAIN);
    dataDir = dataDir.toAbsolutePath().normalize();
    ConfigFile file;
    try {
      file = ConfigFile.load(dataDir);
    } catch (IOException e) {
      throw NodeStartException.runtime("cannot read " + dataDir.resolve(ConfigFile.NAME) + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw NodeStartException.config(e.getMessage(), e);
    }
    Merge m = new Merge(file);
    ChainSpec spec = DataDir.resolveSpec(dataDir, m.pick(cli.chain(), "chain", s -> s));
    boolean mine = m.pick(cli.mine(), "mine", ConfigResolver::bool, false);
    String minerText = m.pick(cli.minerAddress(), "miner-address", s -> s);
    Address miner = null;
    if (minerText != null) {
      try {
        miner = Address.parse(minerText, spec.addressPrefix());
      } catch (RuntimeException e) { // IllegalArgumentException or RejectedException(bad-address)
        throw NodeStartException.config("--miner-address " + minerText + " is not an address of network '"
            + spec.network() + "': " + e.getMessage(), e);
      }
    }
    if (mine && miner == null) {
      throw NodeStartException.config("--mine needs --miner-address (an address of network '" + spec.network() + "')");
    }
    List<String> peers = new java.util.ArrayList<>(file.all("peer"));
    peers.addAll(cli.peers());
    for (String p : peers) {
      try {
        PeerAddress.parse(p);
      } catch (IllegalArgumentException e) {
        throw NodeStartException.config("--peer " + p + ": " + e.getMessage(), e);
      }
    }
    String logLevel = m.pick(cli.logLevel(), "log-level", s -> s, "info");
    try {
      Logging.parseLevel(logLevel);
    } catch (IllegalArgumentException e) {
      throw NodeStartException.config(e.getMessage(), e);
    }
    return new NodeConfig(dataDir, spec,
        m.pick(cli.p2pBind(), "p2p-bind", s -> s, DEFAULT_P2P_BIND),
        port(m.pick(cli.p2pPort(), "p2p-port", Integer::valueOf, NodeConfig.DEFAULT_P2P_PORT), "p2p-port"),
        m.pick(cli.rpcBind(), "rpc-bind", s -> s, "127.0.0.1"),
        port(m.pick(cli.rpcPort(), "rpc-port", Integer::valueOf, NodeConfig.DEFAULT_RPC_PORT), "rpc-port"),
        !m.pick(cli.rpcNoAuth(), "rpc-no-auth", ConfigResolver::bool, false),
        peers, mine, miner,
        atLeast(m.pick(cli.mineThreads(), "mine-threads", Integer::valueOf, 1), 1, "mine-threads"),
        atLeast(m.pick(cli.mineRate(), "mine-rate", Long::valueOf, 0L), 0, "mine-rate"),
        atLeast(m.pick(cli.maxPeers(), "max-peers", Integer::valueOf, 64), 0, "max-peers"),
        atLeast(m.pick(cli.outbound(), "outbound", Integer::valueOf, 8), 0, "outbound"),
        atLeast(m.pick(cli.maxUploadRate(), "max-upload-rate", Long::valueOf, 0L), 0, "max-upload-rate"),
        logLevel, true);
  }

  private static int port(int p, String name) {
    if (p < 0 || p > 65535) {
      throw NodeStartException.config("--" + name + " must be 0 to 65535 but got " + p);
    }
    return p;
  }

  private static <T extends Number> T atLeast(T v, long min, String name) {
    if (v.longValue() < min) {
      throw NodeStartException.config("--" + name + " must be at least " + min + " but got " + v);
    }
    return v;
  }

  private static Boolean bool(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new IllegalArgumentException("expected true or false but got '" + s + "'");
    };
  }

  /** Command line first, then the file. */
  private record Merge(ConfigFile file) {
    <T> T pick(T cli, String key, Function<String, T> parse) {
      return pick(cli, key, parse, null);
    }

    <T> T pick(T cli, String key, Function<String, T> parse, T fallback) {
      if (cli != null) {
        return cli;
      }
      String v = file.get(key);
      if (v == null) {
        return fallback;
      }
      try {
        return parse.apply(v);
      } catch (IllegalArgumentException e) {
        throw NodeStartException.config(ConfigFile.NAME + ": " + key + " = " + v + ": " + e.getMessage(), e);
      }
    }
  }
}
