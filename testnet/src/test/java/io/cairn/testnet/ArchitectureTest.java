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

  /** The plan (topology, ports, spec, hash-rate caps) is a pure function of the options. */
  @ArchTest
  static final ArchRule planIsPure = noClasses().that().resideInAPackage("io.cairn.testnet.plan..")
      .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.rocksdb..", "picocli..", "org.slf4j..",
          "ch.qos.logback..", "com.google.gson..", "java.net..", "java.nio.file..", "java.util.concurrent..",
          "io.cairn.wallet.client..", "io.cairn.wallet.keystore..", "io.cairn.node..")
      .orShould().dependOnClassesThat().belongToAnyOf(Thread.class, Runtime.class, Process.class, ProcessBuilder.class,
          java.io.File.class, java.time.Clock.class, java.time.Instant.class)
      .orShould().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethod(System.class, "nanoTime")
      .because("the plan is a function of the options; the launcher does the I/O");

  @ArchTest
  static final ArchRule cliDoesNotReachIntoShells = noClasses().that().resideInAPackage("io.cairn.testnet.cli..")
      .should().dependOnClassesThat().resideInAnyPackage("org.rocksdb..", "io.netty..")
      .because("CLI classes parse options and hand a config record to the launcher")
      .allowEmptyShould(true);
}
