package io.cairn.testnet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * testnet sits on top (it may use node, wallet and common); within it, CLI classes only parse
 * and only main exits. See docs/architecture.md.
 */
@AnalyzeClasses(packages = "io.cairn.testnet", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule picocliOnlyInCli = noClasses().that().resideInAPackage("io.cairn.testnet..")
      .and().resideOutsideOfPackage("..cli..")
      .should().dependOnClassesThat().resideInAPackage("picocli..")
      .because("nothing below the CLI imports picocli")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule onlyMainExits = noClasses().that().resideInAPackage("io.cairn.testnet..")
      .and().resideOutsideOfPackage("..cli..")
      .should().callMethod(System.class, "exit", int.class)
      .because("only main decides the process exit code")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule cliDoesNotReachIntoShells = noClasses().that().resideInAPackage("io.cairn.testnet.cli..")
      .should().dependOnClassesThat().resideInAnyPackage("org.rocksdb..", "io.netty..")
      .because("CLI classes parse options and hand a config record to the launcher")
      .allowEmptyShould(true);
}
