package io.cairn.testnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every test class in the build is one that Surefire (Test*, *Test, *Tests, *TestCase) or Failsafe
 * (IT*, *IT, *ITCase) runs: a class named otherwise compiles and is silently never run (two jqwik
 * property classes were, until their names ended in Test). Allowed besides: abstract classes run
 * through their subclasses, and the {@code *Bench} classes that docs/benchmarks.md runs by hand.
 */
class TestNamesTest {
  private static final Pattern RUN = Pattern.compile("(Test.*|.*Test|.*Tests|.*TestCase|IT.*|.*IT|.*ITCase|.*Bench)\\.java");
  private static final Pattern TESTS = Pattern.compile("@(?:[\\w.]+\\.)?(Test|Property|Example|ParameterizedTest|RepeatedTest|TestFactory|FuzzTest)\\b");
  private static final Pattern ABSTRACT = Pattern.compile("\\babstract class ");

  @Test
  void everyClassWithTestsIsNamedForTheRunner() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent(); // the build runs each module in its own directory
    List<Path> sources;
    try (Stream<Path> modules = Files.list(root)) {
      sources = modules.map(m -> m.resolve("src/test/java")).filter(Files::isDirectory).flatMap(TestNamesTest::javaFiles).toList();
    }
    assertTrue(sources.size() > 100, "found the modules' test sources under " + root + ": " + sources.size());
    List<String> unrun = sources.stream()
        .filter(f -> !RUN.matcher(f.getFileName().toString()).matches())
        .filter(f -> {
          String text = read(f);
          return TESTS.matcher(text).find() && !ABSTRACT.matcher(text).find();
        })
        .map(f -> root.relativize(f).toString()).toList();
    assertEquals(List.of(), unrun, "test classes no runner picks up: rename them to end in Test or IT");
  }

  private static Stream<Path> javaFiles(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
