package io.cairn.testnet.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Application class-data sharing end to end on the shaded jar, as {@code ./cairn} sets it up: the
 * training run writes an archive next to the jar, and a node process started with the command the
 * launcher builds loads its classes from that archive. Without an archive, or with one older than
 * the jar, the command has no archive options.
 */
class ClassArchiveIT {
  @TempDir Path dir;

  @Test
  void aNodeStartedNextToTheTrainedArchiveLoadsItsClassesFromIt() throws Exception {
    Path built = Path.of("target", "cairn.jar");
    assertTrue(Files.isRegularFile(built), "the shaded jar is built in the package phase, before this test");
    Path jar = dir.resolve("cairn.jar");
    Files.copy(built, jar);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    JavaCommand cmd = new JavaCommand(java, jar.toString(), JavaCommand.DEFAULT_OPTIONS, JavaCommand.MAIN);
    assertEquals(List.of(), cmd.classArchiveOptions(), "no archive yet");

    Path archive = dir.resolve("cairn.jsa");
    Path trainLog = dir.resolve("train.log");
    Process train = new ProcessBuilder(java, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
        "-XX:ArchiveClassesAtExit=" + archive, "-cp", jar.toString(), "io.cairn.node.cli.ClassArchiveTraining")
        .redirectErrorStream(true).redirectOutput(trainLog.toFile()).start();
    try {
      assertTrue(train.waitFor(120, TimeUnit.SECONDS), "training did not end in 120 s");
      assertEquals(0, train.exitValue(), read(trainLog));
    } finally {
      train.destroyForcibly();
    }
    assertTrue(Files.size(archive) > 0, "no archive written");
    assertTrue(cmd.classArchiveOptions().contains("-XX:SharedArchiveFile=" + archive), cmd.classArchiveOptions().toString());

    List<String> node = new ArrayList<>(cmd.nodeCommand(dir.resolve("node").toString(),
        List.of("--chain", "testnet", "--p2p-bind", "127.0.0.1", "--p2p-port", "0", "--rpc-port", "0")));
    node.add(1, "-Xlog:class+load=info");
    Path out = dir.resolve("node.out");
    Process p = new ProcessBuilder(node).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() ->
          read(out).contains("io.cairn.node.service.NodeService source: shared objects file (top)") || !p.isAlive());
      assertTrue(p.isAlive(), "the node exited:\n" + read(out));
    } finally {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }

    assertTrue(jar.toFile().setLastModified(System.currentTimeMillis() + 10_000));
    assertEquals(List.of(), cmd.classArchiveOptions(), "an archive older than the jar is not used");
  }

  private static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "";
  }
}
