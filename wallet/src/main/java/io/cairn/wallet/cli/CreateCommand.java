package io.cairn.wallet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn wallet create}. */
@Command(name = "create", mixinStandardHelpOptions = true,
    description = "Create a wallet with a new recovery phrase (shown once).")
final class CreateCommand extends Sub {
  @Option(names = "--name", defaultValue = "default", description = "Wallet name (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--words", defaultValue = "12", description = "12 or 24 words (default: ${DEFAULT-VALUE}).")
  int words;

  @Option(names = "--passphrase", description = "Also ask for a BIP39 passphrase (needed with the phrase to restore).")
  boolean passphrase;

  @Override
  int run(Session s) {
    return KeyActions.create(s, new KeyActions.CreateConfig(name, words, passphrase));
  }
}
