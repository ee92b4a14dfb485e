package io.cairn.wallet;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.cairn.common.testing.ArchitectureRules;

/**
 * Key derivation and transaction building are pure (randomness allowed: new phrases need
 * SecureRandom); the keystore, node client and CLI are shells. The wallet reaches a node only
 * over JSON-RPC, never by importing it. See docs/architecture.md.
 */
@AnalyzeClasses(packages = "io.cairn.wallet", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String[] PURE = {"io.cairn.wallet.keys..", "io.cairn.wallet.tx.."};

  @ArchTest
  static final ArchRule pure = ArchitectureRules.pureCoreHasNoShellDependencies(PURE);

  @ArchTest
  static final ArchRule noClock = ArchitectureRules.pureCoreReadsNoClock(PURE);

  @ArchTest
  static final ArchRule noJsonInKeysOrTx = ArchitectureRules.noGson(PURE);

  @ArchTest
  static final ArchRule neverImportsTheNode =
      ArchitectureRules.doesNotDependOn("io.cairn.wallet..", "io.cairn.node..", "io.cairn.testnet..");

  @ArchTest
  static final ArchRule picocliOnlyInCli = ArchitectureRules.picocliOnlyInCli("io.cairn.wallet..");

  @ArchTest
  static final ArchRule onlyMainExits = ArchitectureRules.onlyCliExits("io.cairn.wallet..");
}
