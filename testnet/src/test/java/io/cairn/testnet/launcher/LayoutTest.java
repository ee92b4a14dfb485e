package io.cairn.testnet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutTest {
  @TempDir Path dir;

  @Test
  void resetDeletesOnlyWhatATestnetWrites(@TempDir Path outside) throws Exception {
    // What the repository's testnet/ module directory holds must survive --reset.
    Files.writeString(dir.resolve("pom.xml"), "<project/>");
    Files.createDirectories(dir.resolve("src/main/java"));
    Files.createDirectories(dir.resolve("target"));
    Files.createDirectories(dir.resolve("nodes-notes"));
    Files.writeString(outside.resolve("keep.txt"), "x");
    // What a testnet writes.
    Files.writeString(dir.resolve("testnet.json"), "{}");
    Files.writeString(dir.resolve("chain.json"), "{}");
    Files.createDirectories(dir.resolve("wallet"));
    Files.writeString(dir.resolve("wallet/dev.json"), "{}");
    Files.createDirectories(dir.resolve("node0/chain"));
    Files.createDirectories(dir.resolve("node12"));
    Files.createSymbolicLink(dir.resolve("node12/link"), outside);
    Files.createDirectories(dir.resolve("logs"));
    Files.writeString(dir.resolve("old.lock"), "");

    List<Path> gone = new Layout(dir).deleteOwned();

    assertEquals(7, gone.size(), gone.toString());
    for (String kept : List.of("pom.xml", "src/main/java", "target", "nodes-notes")) {
      assertTrue(Files.exists(dir.resolve(kept)), kept);
    }
    for (String deleted : List.of("testnet.json", "chain.json", "wallet", "node0", "node12", "logs", "old.lock")) {
      assertFalse(Files.exists(dir.resolve(deleted)), deleted);
    }
    assertTrue(Files.exists(outside.resolve("keep.txt")), "symbolic links are removed, never followed");
  }

  @Test
  void nodeNamesAreChecked() {
    Layout l = new Layout(dir);
    assertEquals(dir.resolve("node3"), l.nodeDir("node3"));
    assertEquals(dir.resolve("logs/node3.log"), l.logFile("node3"));
    assertThrows(IllegalArgumentException.class, () -> l.nodeDir("../etc"));
    assertThrows(IllegalArgumentException.class, () -> l.nodeDir("node"));
  }

  @Test
  void testnetFileRoundTripsWithExactlyTheIssueFields() {
    TestnetFile f = new TestnetFile(List.of(new TestnetFile.Node("node0", 42, 17420, "http://127.0.0.1:17421",
        "/t/node0/.cookie", "/t/node0", true)), List.of(new TestnetFile.Account("dev0", 0, "tcairn1x")));
    Path p = dir.resolve("testnet.json");
    f.write(p);
    assertEquals(f, TestnetFile.read(p).orElseThrow());
    assertTrue(TestnetFile.read(dir.resolve("none.json")).isEmpty());
    String json = f.toJson();
    for (String field : List.of("\"name\"", "\"pid\"", "\"p2pPort\"", "\"rpcUrl\"", "\"cookieFile\"", "\"dataDir\"",
        "\"miner\"", "\"index\"", "\"address\"")) {
      assertTrue(json.contains(field), field);
    }
    assertEquals(7 + 3 + 2, json.split("\":").length - 1, "no other fields: " + json);
  }

  @Test
  void theMarkerComesFirstSoAPidIsOnlyClaimedByItsNode() {
    JavaCommand j = new JavaCommand("/usr/bin/java", "/x.jar", List.of("-Xmx1m"), JavaCommand.MAIN);
    List<String> cmd = j.nodeCommand("/t/node0", List.of());
    assertEquals(JavaCommand.MARKER + "/t/node0", cmd.get(1));
    assertEquals(List.of("node", "--datadir", "/t/node0"), cmd.subList(cmd.size() - 3, cmd.size()));
    assertFalse(Processes.alive(ProcessHandle.current().pid(), "/t/node0"), "this JVM is not that node");
    assertFalse(Processes.alive(0, "/t/node0"));
  }
}
