package io.cairn.wallet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn wallet restore}: the phrase is read from a hidden prompt or stdin, never an argument. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = "Restore a wallet from its recovery phrase (hidden prompt, or stdin).")
final class RestoreCommand extends Sub {
  @Option(names = "--name", required = true, description = "Name of the restored wallet.")
  String name;

  @Option(names = "--passphrase", description = "Also ask for the BIP39 passphrase the wallet was created with.")
  boolean passphrase;

  @Override
  int run(Session s) {
    return KeyActions.restore(s, new KeyActions.RestoreConfig(name, passphrase));
  }
}
