package io.cairn.common.testing;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules every module's {@code ArchitectureTest} applies (see docs/architecture.md):
 * the pure core has no I/O, threads, clocks, logging, CLI or network; picocli stays in {@code cli}
 * packages; only {@code main} (in a {@code cli} package) exits the JVM.
 */
public final class ArchitectureRules {
  /** Libraries and JDK packages that make code a shell: network, storage, CLI, logging, metrics, files, threads. */
  private static final String[] SHELL_PACKAGES = {
    "io.netty..", "org.rocksdb..", "picocli..", "org.slf4j..", "ch.qos.logback..", "io.prometheus..",
    "java.net..", "java.nio.file..", "java.nio.channels..", "java.util.concurrent..", "java.util.logging..",
  };

  private static final DescribedPredicate<JavaClass> FILES_THREADS_CLOCKS = describe(
      "are java.io.File*, Thread, Runtime, Process, Clock or Instant",
      c -> (c.getPackageName().equals("java.io") && c.getSimpleName().startsWith("File"))
          || c.isEquivalentTo(Thread.class) || c.isEquivalentTo(ThreadGroup.class)
          || c.isEquivalentTo(Runtime.class) || c.isEquivalentTo(Process.class) || c.isEquivalentTo(ProcessBuilder.class)
          || c.isEquivalentTo(java.time.Clock.class) || c.isEquivalentTo(java.time.Instant.class));

  private static final DescribedPredicate<JavaClass> RANDOMNESS = describe(
      "are java.util.Random, SecureRandom or ThreadLocalRandom",
      c -> c.isEquivalentTo(java.util.Random.class) || c.isEquivalentTo(java.security.SecureRandom.class)
          || c.getName().equals("java.util.concurrent.ThreadLocalRandom"));

  private ArchitectureRules() {}

  /** Pure packages depend on no shell library or JDK facility for I/O, threads or time. */
  public static ArchRule pureCoreHasNoShellDependencies(String... purePackages) {
    return noClasses().that().resideInAnyPackage(purePackages)
        .should().dependOnClassesThat().resideInAnyPackage(SHELL_PACKAGES)
        .orShould().dependOnClassesThat(FILES_THREADS_CLOCKS)
        .because("the pure core is a function of its inputs: time is passed in, I/O happens in the shells")
        .allowEmptyShould(true);
  }

  /** Pure packages never read the clock. */
  public static ArchRule pureCoreReadsNoClock(String... purePackages) {
    return noClasses().that().resideInAnyPackage(purePackages)
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethodWhere(describe("now()", call -> call.getName().equals("now")
            && call.getTargetOwner().getPackageName().equals("java.time")))
        .because("consensus and policy code gets nowMillis from its caller")
        .allowEmptyShould(true);
  }

  /** Consensus-critical packages are deterministic: no random numbers. */
  public static ArchRule noRandomness(String... packages) {
    return noClasses().that().resideInAnyPackage(packages)
        .should().dependOnClassesThat(RANDOMNESS)
        .because("every node must reach the same result from the same inputs")
        .allowEmptyShould(true);
  }

  /** No Gson (JSON) in {@code packages}, except in {@code allowed} ones. */
  public static ArchRule noGson(String[] packages, String... allowed) {
    return noClasses().that().resideInAnyPackage(packages).and().resideOutsideOfPackages(allowed)
        .should().dependOnClassesThat().resideInAPackage("com.google.gson..")
        .because("JSON is a shell concern (chain spec parsing is the one exception in the core)")
        .allowEmptyShould(true);
  }

  /** picocli stays in {@code ..cli..} packages: CLI classes only parse. */
  public static ArchRule picocliOnlyInCli(String modulePackage) {
    return noClasses().that().resideInAPackage(modulePackage).and().resideOutsideOfPackage("..cli..")
        .should().dependOnClassesThat().resideInAPackage("picocli..")
        .because("nothing below the CLI imports picocli")
        .allowEmptyShould(true);
  }

  /** Only main (in a {@code cli} package) calls System.exit. */
  public static ArchRule onlyCliExits(String modulePackage) {
    return noClasses().that().resideInAPackage(modulePackage).and().resideOutsideOfPackage("..cli..")
        .should().callMethod(System.class, "exit", int.class)
        .orShould().callMethod(Runtime.class, "halt", int.class)
        .because("only main decides the process exit code")
        .allowEmptyShould(true);
  }

  /** Classes in {@code modulePackage} depend on none of {@code forbidden} (module direction). */
  public static ArchRule doesNotDependOn(String modulePackage, String... forbidden) {
    return noClasses().that().resideInAPackage(modulePackage)
        .should().dependOnClassesThat().resideInAnyPackage(forbidden)
        .because("testnet -> node -> common and testnet -> wallet -> common; node and wallet never meet")
        .allowEmptyShould(true);
  }
}
