package io.cairn.wallet.cli;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn wallet history}. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Confirmed transactions of ADDRESS or of the wallet's account, newest first.")
final class HistoryCommand extends Sub {
  @Parameters(arity = "0..1", paramLabel = "ADDRESS", description = "Any address (default: the wallet's account).")
  String address;

  @Option(names = "--wallet", paramLabel = "NAME", description = "Wallet (may be omitted when there is only one).")
  String wallet;

  @Option(names = "--from", defaultValue = "0", description = "Account index (default: ${DEFAULT-VALUE}).")
  int from;

  @Option(names = "--limit", defaultValue = "20", description = "At most this many (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--before", paramLabel = "TXID", description = "Page: only transactions older than TXID.")
  String before;

  @Override
  int run(Session s) {
    return QueryActions.history(s, new QueryActions.HistoryConfig(
        new QueryActions.WhoConfig(Optional.ofNullable(address), Optional.ofNullable(wallet), from), limit,
        Optional.ofNullable(before)));
  }
}
