package io.cairn.node.service;

import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.ChainSpecJson;
import io.cairn.node.io.AtomicFiles;
import io.cairn.node.store.ChainSpecMismatchException;
import io.cairn.node.store.ChainStore;
import io.cairn.node.store.StoreException;
import io.cairn.node.store.StoreLockedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A node's data directory:
 *
 * <pre>
 * &lt;datadir&gt;/chain.json   the chain spec this directory belongs to (written by init or first start)
 *            cairn.conf   optional settings (see {@link ConfigFile})
 *            chain/       the RocksDB chain store
 *            node.key     the P2P node identity (mode 0600)
 *            mempool.dat  the mempool saved at the last clean stop, consumed at start (see {@link MempoolFile})
 *            .cookie      the RPC token while the node runs (mode 0600)
 *            logs/        node.log and its rotations
 * </pre>
 */
public final class DataDir {
  public static final String SPEC_FILE = "chain.json";
  public static final String STORE_DIR = "chain";
  /** The chain used when neither the options nor the data directory name one. */
  public static final String DEFAULT_CHAIN = "testnet";

  private DataDir() {}

  /** {@code ~/.cairn/<network>}. */
  public static Path defaultFor(String network) {
    return Path.of(System.getProperty("user.home"), ".cairn", network);
  }

  /** The network name {@code --chain} refers to (a built-in name or a spec file). */
  public static String networkOf(String chain) {
    return load(chain).network();
  }

  /**
   * Loads a chain spec from a built-in name or a file.
   *
   * @throws NodeStartException (config) when the file is missing or invalid
   */
  public static ChainSpec load(String chain) {
    if (ChainSpecJson.BUILT_IN.contains(chain)) {
      return ChainSpecJson.builtIn(chain);
    }
    Path file = Path.of(chain);
    try {
      return ChainSpecJson.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw NodeStartException.config("--chain " + chain + ": no such file and not a built-in chain "
          + ChainSpecJson.BUILT_IN);
    } catch (IOException e) {
      throw NodeStartException.config("--chain " + chain + ": cannot read it: " + e.getMessage(), e);
    } catch (ChainSpecJson.SpecException e) {
      throw NodeStartException.config("--chain " + chain + ": " + e.getMessage(), e);
    }
  }

  /** The spec stored in {@code dir}, if the directory was initialised. */
  static ChainSpec stored(Path dir) {
    Path file = dir.resolve(SPEC_FILE);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return ChainSpecJson.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw NodeStartException.runtime("cannot read " + file + ": " + e.getMessage(), e);
    } catch (ChainSpecJson.SpecException e) {
      throw NodeStartException.config(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The chain spec to run in {@code dir}: the one stored there, or {@code chain} (null when not
   * given; then the default). A {@code chain} that differs from the stored one is an error.
   */
  public static ChainSpec resolveSpec(Path dir, String chain) {
    ChainSpec stored = stored(dir);
    if (chain == null) {
      return stored != null ? stored : load(DEFAULT_CHAIN);
    }
    ChainSpec given = load(chain);
    if (stored != null && !stored.commitment().equals(given.commitment())) {
      throw NodeStartException.config("chain spec mismatch: data directory " + dir + " belongs to network '"
          + stored.network() + "' but --chain " + chain + " is network '" + given.network()
          + "' with other parameters; use another --datadir");
    }
    return given;
  }

  /**
   * Creates {@code dir} for {@code spec}: writes {@code chain.json} and the genesis block into the
   * store. Idempotent for the same spec; another spec already there is an error.
   */
  public static void init(Path dir, ChainSpec spec) {
    ChainSpec stored = stored(dir);
    if (stored != null && !stored.commitment().equals(spec.commitment())) {
      throw NodeStartException.config("data directory " + dir + " already belongs to network '" + stored.network()
          + "' with another chain spec");
    }
    writeSpec(dir, spec);
    try (ChainStore store = openStore(dir, spec)) {
      store.tipHash();
    }
  }

  /** Writes {@code chain.json} (atomically) unless it is there already. */
  static void writeSpec(Path dir, ChainSpec spec) {
    Path file = dir.resolve(SPEC_FILE);
    if (Files.exists(file)) {
      return;
    }
    try {
      Files.createDirectories(dir);
      AtomicFiles.write(file, ChainSpecJson.toJson(spec).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw NodeStartException.runtime("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Opens the chain store in {@code dir/chain}, turning its failures into one-line start errors. */
  static ChainStore openStore(Path dir, ChainSpec spec) {
    try {
      return ChainStore.open(dir.resolve(STORE_DIR), spec);
    } catch (StoreLockedException e) {
      throw NodeStartException.runtime("data directory " + dir + " is locked: another node is using it", e);
    } catch (ChainSpecMismatchException e) {
      throw NodeStartException.config(e.getMessage(), e);
    } catch (StoreException e) {
      throw NodeStartException.runtime("cannot open the chain store: " + e.getMessage(), e);
    }
  }
}
