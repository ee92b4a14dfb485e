package io.cairn.testnet.cli;

import io.cairn.node.cli.NodeCommand;
import io.cairn.wallet.cli.WalletCommand;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The one {@code cairn} command: {@code node}, {@code wallet}, {@code testnet}. The only System.exit. */
@Command(
    name = "cairn",
    mixinStandardHelpOptions = true,
    versionProvider = CairnMain.Version.class,
    description = "Cairn: a minimal but real proof-of-work ledger network.",
    subcommands = {NodeCommand.class, WalletCommand.class, TestnetCommand.class})
public final class CairnMain implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command tree; every subcommand prints the same version as the root for {@code -V}. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new CairnMain());
    shareVersion(cli, new Version());
    return cli;
  }

  private static void shareVersion(CommandLine cli, IVersionProvider version) {
    cli.getCommandSpec().versionProvider(version);
    for (CommandLine sub : cli.getSubcommands().values()) {
      shareVersion(sub, version);
    }
  }

  /** Reads the version Maven filtered into the jar. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = CairnMain.class.getResourceAsStream("/io/cairn/testnet/version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"cairn " + p.getProperty("version", "unknown"), "Java " + System.getProperty("java.version")};
    }
  }
}
