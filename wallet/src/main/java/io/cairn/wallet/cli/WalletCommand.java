package io.cairn.wallet.cli;

import io.cairn.wallet.client.HttpNodeClient;
import io.cairn.wallet.keystore.KdfParams;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code cairn wallet}: keys, keystore and signed transfers. The options here apply to every
 * subcommand and may be given before or after it.
 *
 * <p>Exit codes: 0 ok; 1 cancelled, timed out or unexpected failure; 2 bad input; 3 node
 * unreachable, credentials refused or a malformed answer; 4 transaction rejected; 5 wrong password.
 */
@Command(name = "wallet", mixinStandardHelpOptions = true, description = "Keys, keystore and signed transfers.",
    subcommands = {CreateCommand.class, RestoreCommand.class, ListCommand.class, AddressCommand.class,
        BalanceCommand.class, HistoryCommand.class, TxCommand.class, SendCommand.class, SignCommand.class,
        BroadcastCommand.class, SignMessageCommand.class, VerifyMessageCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 cancelled/timed out/failed, 2 bad input, 3 node unreachable or auth failed,",
        "4 transaction rejected, 5 wrong password."})
public final class WalletCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--wallet-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "Wallet directory (default: $CAIRN_WALLET_DIR or ~/.cairn/wallets).")
  Path walletDir;

  @Option(names = "--node", paramLabel = "URL", scope = ScopeType.INHERIT,
      description = "Node JSON-RPC URL (default: http://127.0.0.1:7421).")
  String node;

  @Option(names = "--rpc-cookie", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "The node's cookie file (its token is sent as a Bearer token).")
  Path rpcCookie;

  @Option(names = "--datadir", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "The node's data directory; its .cookie file is used.")
  Path datadir;

  @Option(names = "--testnet", paramLabel = "DIR", arity = "0..1", fallbackValue = "./testnet", scope = ScopeType.INHERIT,
      description = "Use a running local testnet (default ./testnet): its first node, cookie and wallet 'dev'.")
  Path testnet;

  @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print JSON for scripts.")
  boolean json;

  @Option(names = "--password-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "Read the wallet password from FILE (else $CAIRN_WALLET_PASSWORD, else a prompt).")
  Path passwordFile;

  /** Seams for tests: environment, terminal, scrypt cost, node client, wait interval, clock. */
  Session.Seams seams = new Session.Seams(System.getenv(), Terminal.system(), KdfParams.DEFAULT, 1000,
      new SecureRandom(), e -> new HttpNodeClient(e, HttpNodeClient.DEFAULT_TIMEOUT), System::currentTimeMillis);

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  GlobalConfig config() {
    return new GlobalConfig(Optional.ofNullable(walletDir), Optional.ofNullable(node), Optional.ofNullable(rpcCookie),
        Optional.ofNullable(datadir), Optional.ofNullable(testnet), json, Optional.ofNullable(passwordFile));
  }
}
