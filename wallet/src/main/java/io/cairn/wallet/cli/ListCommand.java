package io.cairn.wallet.cli;

import picocli.CommandLine.Command;

/** {@code cairn wallet list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the wallets (no password needed).")
final class ListCommand extends Sub {
  @Override
  int run(Session s) {
    return KeyActions.list(s);
  }
}
