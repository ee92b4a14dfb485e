package io.cairn.wallet.cli;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn wallet sign-message}. */
@Command(name = "sign-message", mixinStandardHelpOptions = true,
    description = "Sign a message (domain \"cairn/msg/v1\") to prove control of an address.")
final class SignMessageCommand extends Sub {
  @Option(names = "--message", required = true, paramLabel = "TEXT", description = "The message.")
  String message;

  @Option(names = "--wallet", paramLabel = "NAME", description = "Wallet (may be omitted when there is only one).")
  String wallet;

  @Option(names = "--from", defaultValue = "0", description = "Account index (default: ${DEFAULT-VALUE}).")
  int from;

  @Override
  int run(Session s) {
    return MessageActions.sign(s, new MessageActions.SignMessageConfig(Optional.ofNullable(wallet), from, message));
  }
}
