package io.cairn.testnet.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --dir}, shared by every testnet subcommand. */
final class DirOption {
  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "./testnet",
      description = "The testnet directory (default ${DEFAULT-VALUE}).")
  Path dir;
}
