package io.cairn.node.cli;

import io.cairn.common.spec.ChainSpec;
import io.cairn.node.service.DataDir;
import io.cairn.node.service.NodeStartException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn node init}: creates a data directory for a chain spec, so later starts need no --chain. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Create a data directory for a chain spec (writes <datadir>/chain.json and the genesis block).")
final class NodeInitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--chain", paramLabel = "SPEC", defaultValue = DataDir.DEFAULT_CHAIN,
      description = "Chain spec file or built-in name (default ${DEFAULT-VALUE}).")
  String chain;

  @Option(names = "--datadir", paramLabel = "DIR", description = "Data directory (default ~/.cairn/<network>).")
  Path dataDir;

  @Override
  public Integer call() {
    try {
      ChainSpec chainSpec = DataDir.load(chain);
      Path dir = (dataDir != null ? dataDir : DataDir.defaultFor(chainSpec.network())).toAbsolutePath().normalize();
      DataDir.init(dir, chainSpec);
      spec.commandLine().getOut().println("Initialised " + dir + " for network '" + chainSpec.network()
          + "' (genesis " + io.cairn.common.spec.Genesis.block(chainSpec).hash().toHex() + ")");
      return 0;
    } catch (NodeStartException e) {
      spec.commandLine().getErr().println("cairn node init: " + e.getMessage());
      return e.exitCode();
    }
  }
}
