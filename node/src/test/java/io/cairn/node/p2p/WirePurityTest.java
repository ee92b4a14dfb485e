package io.cairn.node.p2p;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The wire messages are pure: no Netty, logging, threads, sockets, files or clocks. */
class WirePurityTest {

  @Test
  void wirePackageImportsNoShellLibraries() {
    JavaClasses wire = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.cairn.node.p2p.wire");
    noClasses().should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.rocksdb..", "org.slf4j..",
        "ch.qos.logback..", "picocli..", "java.net..", "java.nio.file..", "java.io..", "java.util.concurrent..",
        "java.time..", "io.cairn.node.p2p").check(wire);
    noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread").check(wire);
    noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.lang.System").check(wire);
  }
}
