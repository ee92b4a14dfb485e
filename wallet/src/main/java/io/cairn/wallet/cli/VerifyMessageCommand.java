package io.cairn.wallet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn wallet verify-message}. */
@Command(name = "verify-message", mixinStandardHelpOptions = true,
    description = "Check a message signature; exit 0 when valid, 2 when not.")
final class VerifyMessageCommand extends Sub {
  @Option(names = "--address", required = true, description = "The claimed signer.")
  String address;

  @Option(names = "--message", required = true, paramLabel = "TEXT", description = "The message.")
  String message;

  @Option(names = "--signature", required = true, paramLabel = "HEX", description = "The signature (128 hex digits).")
  String signature;

  @Override
  int run(Session s) {
    return MessageActions.verify(s, new MessageActions.VerifyMessageConfig(address, message, signature));
  }
}
