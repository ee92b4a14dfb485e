package io.cairn.wallet.cli;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn wallet balance}. */
@Command(name = "balance", mixinStandardHelpOptions = true,
    description = "Balance and nonce of ADDRESS, or of the wallet's account --from.")
final class BalanceCommand extends Sub {
  @Parameters(arity = "0..1", paramLabel = "ADDRESS", description = "Any address (default: the wallet's account).")
  String address;

  @Option(names = "--wallet", paramLabel = "NAME", description = "Wallet (may be omitted when there is only one).")
  String wallet;

  @Option(names = "--from", defaultValue = "0", description = "Account index (default: ${DEFAULT-VALUE}).")
  int from;

  @Override
  int run(Session s) {
    return QueryActions.balance(s, new QueryActions.WhoConfig(Optional.ofNullable(address), Optional.ofNullable(wallet), from));
  }
}
