package io.cairn.common;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.cairn.common.testing.ArchitectureRules;

/** All of common is pure core: see docs/architecture.md. */
@AnalyzeClasses(packages = "io.cairn.common", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String ALL = "io.cairn.common..";

  @ArchTest
  static final ArchRule pure = ArchitectureRules.pureCoreHasNoShellDependencies(ALL);

  @ArchTest
  static final ArchRule noClock = ArchitectureRules.pureCoreReadsNoClock(ALL);

  @ArchTest
  static final ArchRule deterministic = ArchitectureRules.noRandomness(ALL);

  @ArchTest
  static final ArchRule gsonOnlyForChainSpecs = ArchitectureRules.noGson(new String[] {ALL}, "io.cairn.common.spec..");

  @ArchTest
  static final ArchRule noUpwardDependencies =
      ArchitectureRules.doesNotDependOn(ALL, "io.cairn.node..", "io.cairn.wallet..", "io.cairn.testnet..");

  @ArchTest
  static final ArchRule noPicocli = ArchitectureRules.picocliOnlyInCli(ALL);

  @ArchTest
  static final ArchRule noExit = ArchitectureRules.onlyCliExits(ALL);
}
