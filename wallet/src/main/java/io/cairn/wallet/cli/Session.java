package io.cairn.wallet.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import io.cairn.common.address.Address;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import io.cairn.wallet.client.NodeClient;
import io.cairn.wallet.client.NodeEndpoint;
import io.cairn.wallet.client.TestnetDir;
import io.cairn.wallet.keys.AccountKey;
import io.cairn.wallet.keystore.KdfParams;
import io.cairn.wallet.keystore.Keystore;
import io.cairn.wallet.keystore.Keystores;
import io.cairn.wallet.keystore.WalletDir;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Everything a command needs once its options are parsed: where the wallets are, how to reach the
 * node, how to ask for passwords, and where to print. No picocli here.
 */
final class Session {
  static final String DEFAULT_PREFIX = "tcairn";
  static final String ENV_DIR = "CAIRN_WALLET_DIR";
  static final String ENV_PASSWORD = "CAIRN_WALLET_PASSWORD";
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  /** The process's seams; tests replace them. */
  record Seams(Map<String, String> env, Terminal terminal, KdfParams kdf, long pollMillis, SecureRandom random,
      Function<NodeEndpoint, NodeClient> clients, LongSupplier nowMillis) {}

  final GlobalConfig config;
  final PrintWriter out;
  final PrintWriter err;
  final Seams seams;
  private Optional<TestnetDir> testnet;
  private NodeClient node;

  Session(GlobalConfig config, PrintWriter out, PrintWriter err, Seams seams) {
    this.config = config;
    this.out = out;
    this.err = err;
    this.seams = seams;
  }

  boolean json() {
    return config.json();
  }

  Terminal terminal() {
    return seams.terminal();
  }

  long nowMillis() {
    return seams.nowMillis().getAsLong();
  }

  /** The running testnet named by {@code --testnet}, if any. */
  Optional<TestnetDir> testnet() {
    if (testnet == null) {
      testnet = config.testnet().map(TestnetDir::read);
    }
    return testnet;
  }

  /** --wallet-dir, else the testnet's wallet dir, else $CAIRN_WALLET_DIR, else ~/.cairn/wallets. */
  WalletDir walletDir() {
    if (config.walletDir().isPresent()) {
      return new WalletDir(config.walletDir().get());
    }
    if (config.testnet().isPresent()) {
      return new WalletDir(testnet().orElseThrow().walletDir());
    }
    String env = seams.env().get(ENV_DIR);
    if (env != null && !env.isBlank()) {
      return new WalletDir(Path.of(env));
    }
    return new WalletDir(Path.of(System.getProperty("user.home"), ".cairn", "wallets"));
  }

  /** --wallet, else {@code dev} with --testnet, else the only wallet. */
  String walletName(Optional<String> given) {
    if (given.isEmpty() && config.testnet().isPresent()) {
      return walletDir().resolve(Optional.of(TestnetDir.DEV_WALLET));
    }
    return walletDir().resolve(given);
  }

  Keystore load(String name) {
    return walletDir().load(name);
  }

  /** The node client: --node / --rpc-cookie / --datadir, or the testnet's first node. */
  NodeClient node() {
    if (node == null) {
      node = seams.clients().apply(endpoint());
    }
    return node;
  }

  NodeEndpoint endpoint() {
    Optional<TestnetDir> t = testnet();
    java.net.URI url = config.node().map(NodeEndpoint::parseUrl)
        .orElseGet(() -> t.map(TestnetDir::rpcUrl).orElse(NodeEndpoint.parseUrl(NodeEndpoint.DEFAULT_URL)));
    Optional<Path> cookie = config.rpcCookie()
        .or(() -> config.datadir().map(d -> d.resolve(".cookie")))
        .or(() -> t.map(TestnetDir::cookieFile));
    return new NodeEndpoint(url, cookie.map(NodeEndpoint::readCookie));
  }

  /** The prefix addresses are read and written with when no chain says otherwise. */
  static String prefixOf(Optional<Keystore> ks) {
    return ks.map(Keystore::addressPrefix).orElse(DEFAULT_PREFIX);
  }

  /**
   * Parses an address given by the user.
   *
   * @throws RejectedException {@link Reason#BAD_ADDRESS} saying what is wrong
   */
  static Address address(String text, String prefix) {
    return Address.parse(text, prefix);
  }

  /** The address of account {@code index}: cached in the keystore, else derived after unlocking. */
  Address accountAddress(Keystore ks, int index) {
    Optional<Address> cached = ks.cachedAddress(index);
    if (cached.isPresent()) {
      return cached.get();
    }
    byte[] seed = unlock(ks);
    try {
      AccountKey k = AccountKey.derive(seed, index);
      k.destroy();
      return k.address();
    } finally {
      java.util.Arrays.fill(seed, (byte) 0);
    }
  }

  /** Decrypts the keystore's seed with the password from file, environment, testnet, or a prompt. */
  byte[] unlock(Keystore ks) {
    return Keystores.open(ks, password(ks.name()));
  }

  /** --password-file, else the testnet dev wallet's empty password, else $CAIRN_WALLET_PASSWORD, else a prompt. */
  private String password(String wallet) {
    if (config.passwordFile().isEmpty() && config.testnet().isPresent() && wallet.equals(TestnetDir.DEV_WALLET)) {
      return TestnetDir.DEV_PASSWORD;
    }
    Optional<String> p = givenPassword();
    if (p.isPresent()) {
      return p.get();
    }
    String s = terminal().readSecret("Password for wallet '" + wallet + "': ");
    if (s == null) {
      throw new WalletException(WalletException.BAD_INPUT, "no password given for wallet '" + wallet
          + "'; use a terminal, --password-file FILE or " + ENV_PASSWORD);
    }
    return s;
  }

  /** A password for a new wallet: from file or environment, else asked twice. */
  String newPassword(String wallet) {
    Optional<String> p = givenPassword();
    if (p.isPresent()) {
      return p.get();
    }
    String a = terminal().readSecret("New password for wallet '" + wallet + "': ");
    if (a == null) {
      throw new WalletException(WalletException.BAD_INPUT, "no password given; use a terminal, --password-file FILE or "
          + ENV_PASSWORD);
    }
    String b = terminal().readSecret("Repeat the password: ");
    if (!a.equals(b)) {
      throw new WalletException(WalletException.BAD_INPUT, "the passwords do not match; nothing was written");
    }
    if (a.isEmpty()) {
      err.println("warning: the wallet has an empty password; anyone who can read " + walletDir().dir() + " can spend from it");
    }
    return a;
  }

  private Optional<String> givenPassword() {
    if (config.passwordFile().isPresent()) {
      return Optional.of(readPasswordFile(config.passwordFile().get()));
    }
    return Optional.ofNullable(seams.env().get(ENV_PASSWORD));
  }

  private static String readPasswordFile(Path f) {
    byte[] raw;
    try (InputStream in = Files.newInputStream(f)) {
      raw = in.readNBytes(4097);
    } catch (NoSuchFileException e) {
      throw new WalletException(WalletException.BAD_INPUT, "password file " + f + " does not exist");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read password file " + f + ": " + e.getMessage(), e);
    }
    if (raw.length > 4096) {
      throw new WalletException(WalletException.BAD_INPUT, "password file " + f + " is larger than 4096 bytes");
    }
    String s = new String(raw, StandardCharsets.UTF_8);
    if (s.endsWith("\n")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.endsWith("\r")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** Asks "yes/no" unless {@code yes}; anything but y/yes is a no. */
  boolean confirm(String question, boolean yes) {
    if (yes) {
      return true;
    }
    String a = terminal().readLine(question + " [y/N] ");
    return a != null && (a.strip().equalsIgnoreCase("y") || a.strip().equalsIgnoreCase("yes"));
  }

  /** A human line: stdout normally, stderr with --json (stdout then holds only JSON). */
  void info(String line) {
    (json() ? err : out).println(line);
    (json() ? err : out).flush();
  }

  void printJson(JsonElement e) {
    out.println(GSON.toJson(e));
    out.flush();
  }

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
