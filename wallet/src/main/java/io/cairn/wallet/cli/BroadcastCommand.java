package io.cairn.wallet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cairn wallet broadcast HEX}. */
@Command(name = "broadcast", mixinStandardHelpOptions = true,
    description = "Submit a transaction signed with 'sign' (its signature is checked against the node's network first).")
final class BroadcastCommand extends Sub {
  @Parameters(paramLabel = "HEX", description = "The signed transaction as hex.")
  String hex;

  @Override
  int run(Session s) {
    return TransferActions.broadcast(s, hex, false);
  }
}
