package io.cairn.node.consensus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The consensus rules, state transition and fork choice stay pure: no I/O, clock, threads or shells. */
class PureCoreTest {
  private static final String[] PURE = {"io.cairn.node.consensus..", "io.cairn.node.state..", "io.cairn.node.chain.."};
  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.cairn.node.consensus", "io.cairn.node.state", "io.cairn.node.chain");

  @Test
  void noShellLibrariesIoOrThreads() {
    noClasses().that().resideInAnyPackage(PURE).should().dependOnClassesThat().resideInAnyPackage(
        "io.netty..", "org.rocksdb..", "picocli..", "org.slf4j..", "ch.qos.logback..", "com.google.gson..",
        "java.net..", "java.nio.file..", "java.util.concurrent..", "io.cairn.node.store..", "io.cairn.node.p2p..",
        "io.cairn.node.rpc..", "io.cairn.node.service..", "io.cairn.node.cli..")
        .check(classes);
    noClasses().that().resideInAnyPackage(PURE).should().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
        .check(classes);
  }

  @Test
  void noWallClock() {
    noClasses().that().resideInAnyPackage(PURE)
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(java.time.Instant.class, "now")
        .check(classes);
  }
}
