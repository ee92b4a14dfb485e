package io.cairn.wallet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cairn wallet send}. */
@Command(name = "send", mixinStandardHelpOptions = true,
    description = "Sign a transfer locally and submit it to the node (asks for confirmation unless --yes).")
final class SendCommand extends Sub {
  @Mixin TransferOptions transfer;

  @Option(names = "--wait", description = "Wait until the transaction has --confirmations confirmations.")
  boolean await;

  @Option(names = "--confirmations", defaultValue = "1", description = "With --wait (default: ${DEFAULT-VALUE}).")
  int confirmations;

  @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
      description = "With --wait: give up after this many seconds (default: ${DEFAULT-VALUE}).")
  long timeout;

  @Override
  int run(Session s) {
    return TransferActions.send(s, new TransferActions.SendConfig(transfer.config(), await, confirmations, timeout));
  }
}
