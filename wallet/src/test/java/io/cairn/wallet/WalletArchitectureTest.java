package io.cairn.wallet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The wallet's layering: pure keys and tx, picocli only in cli, never the node. */
final class WalletArchitectureTest {
  static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.cairn.wallet");

  @Test
  void keysAndTxArePure() {
    noClasses().that().resideInAnyPackage("io.cairn.wallet.keys..", "io.cairn.wallet.tx..")
        .should().dependOnClassesThat().resideInAnyPackage("picocli..", "com.google.gson..", "java.net..",
            "java.nio.file..", "java.net.http..", "io.cairn.wallet.client..", "io.cairn.wallet.keystore..",
            "io.cairn.wallet.cli..", "org.slf4j..")
        .check(MAIN);
  }

  @Test
  void picocliOnlyInCli() {
    noClasses().that().resideOutsideOfPackage("io.cairn.wallet.cli..")
        .should().dependOnClassesThat().resideInAPackage("picocli..")
        .check(MAIN);
  }

  @Test
  void walletNeverImportsTheNode() {
    noClasses().should().dependOnClassesThat().resideInAPackage("io.cairn.node..").check(MAIN);
  }

  @Test
  void onlyTheClientSpeaksHttp() {
    noClasses().that().resideOutsideOfPackage("io.cairn.wallet.client..")
        .should().dependOnClassesThat().resideInAPackage("java.net.http..")
        .check(MAIN);
  }
}
