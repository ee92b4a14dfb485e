package io.cairn.wallet.cli;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn wallet address}. */
@Command(name = "address", mixinStandardHelpOptions = true,
    description = "Show an account's address (accounts 0-9 need no password).")
final class AddressCommand extends Sub {
  @Option(names = "--wallet", paramLabel = "NAME", description = "Wallet (may be omitted when there is only one).")
  String wallet;

  @Option(names = "--index", defaultValue = "0", description = "Account index (default: ${DEFAULT-VALUE}).")
  int index;

  @Override
  int run(Session s) {
    return KeyActions.address(s, new KeyActions.AddressConfig(Optional.ofNullable(wallet), index));
  }
}
