package io.cairn.testnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = new CommandLine(new CairnMain()).setOut(new PrintWriter(o)).setErr(new PrintWriter(e)).execute(args);
    return new Run(code, o.toString(), e.toString());
  }

  @Test
  void helpEverywhere() {
    for (String sub : List.of("up", "status", "down", "logs", "kill", "restart", "partition", "heal", "add-node", "load",
        "chaos")) {
      Run r = run("testnet", sub, "--help");
      assertEquals(0, r.code(), sub);
      assertTrue(r.out().contains("--dir"), sub + ": " + r.out());
    }
    Run r = run("testnet", "--help");
    assertTrue(r.out().contains("Exit codes"), r.out());
  }

  @Test
  void commandsWithoutATestnetSaySoWithExitCode3() {
    for (String[] args : List.of(new String[] {"status"}, new String[] {"down"}, new String[] {"kill", "node0"},
        new String[] {"heal"}, new String[] {"logs", "node1"})) {
      String[] full = new String[args.length + 3];
      full[0] = "testnet";
      System.arraycopy(args, 0, full, 1, args.length);
      full[args.length + 1] = "--dir";
      full[args.length + 2] = dir.toString();
      Run r = run(full);
      assertEquals(3, r.code(), String.join(" ", full) + ": " + r.err());
      assertTrue(r.err().contains("no testnet in " + dir) && r.err().strip().lines().count() == 1, r.err());
    }
  }

  @Test
  void badOptionsAreUsageErrors() {
    Run r = run("testnet", "up", "--dir", dir.toString(), "--topology", "star");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("mesh, ring or random:K"), r.err());
    r = run("testnet", "up", "--dir", dir.toString(), "--nodes", "2", "--miners", "3");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--miners"), r.err());
    r = run("testnet", "up", "--dir", dir.toString(), "--block-time", "fast");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("not a duration"), r.err());
  }
}
