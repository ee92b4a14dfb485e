package io.cairn.testnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CairnMainTest {
  private static String run(String... args) {
    CommandLine cli = CairnMain.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute(args));
    return out.toString();
  }

  @Test
  void helpListsTheThreeCommands() {
    String help = run("--help");
    assertTrue(help.contains("node") && help.contains("wallet") && help.contains("testnet"), help);
  }

  @Test
  void everyCommandPrintsTheVersion() {
    String root = run("--version");
    assertTrue(root.startsWith("cairn "), root);
    assertEquals(root, run("node", "--version"));
    assertEquals(root, run("wallet", "--version"));
  }
}
