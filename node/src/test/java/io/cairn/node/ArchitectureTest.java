package io.cairn.node;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.cairn.common.testing.ArchitectureRules;

/**
 * The node's pure core (consensus rules, state transition, fork choice, mempool policy, wire
 * messages) stays free of I/O, threads and clocks; the shells (store, p2p, rpc, service, cli, miner
 * loop) call it. See docs/architecture.md.
 */
@AnalyzeClasses(packages = "io.cairn.node", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /**
   * Mempool policy and the miner's block template live in exactly {@code mempool} and {@code miner}:
   * {@code mempool.verify} (signature checks on a thread pool) and {@code miner.loop} are shells.
   */
  private static final String[] PURE = {
    "io.cairn.node.consensus..", "io.cairn.node.state..", "io.cairn.node.chain..", "io.cairn.node.mempool",
    "io.cairn.node.miner", "io.cairn.node.p2p.wire..",
  };
  private static final String[] DETERMINISTIC = {"io.cairn.node.consensus..", "io.cairn.node.state..", "io.cairn.node.chain.."};

  @ArchTest
  static final ArchRule pure = ArchitectureRules.pureCoreHasNoShellDependencies(PURE);

  @ArchTest
  static final ArchRule noClock = ArchitectureRules.pureCoreReadsNoClock(PURE);

  @ArchTest
  static final ArchRule deterministic = ArchitectureRules.noRandomness(DETERMINISTIC);

  @ArchTest
  static final ArchRule noJsonInTheCore = ArchitectureRules.noGson(PURE);

  @ArchTest
  static final ArchRule neverImportsTheWallet =
      ArchitectureRules.doesNotDependOn("io.cairn.node..", "io.cairn.wallet..", "io.cairn.testnet..");

  @ArchTest
  static final ArchRule picocliOnlyInCli = ArchitectureRules.picocliOnlyInCli("io.cairn.node..");

  @ArchTest
  static final ArchRule onlyMainExits = ArchitectureRules.onlyCliExits("io.cairn.node..");
}
