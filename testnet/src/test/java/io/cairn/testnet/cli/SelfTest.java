package io.cairn.testnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SelfTest {
  @Test
  void printsTheCommandAsTheUserRanIt() {
    assertEquals("./cairn", Self.command(Map.of(Self.ENV, "./cairn")));
    assertEquals("/home/ada/src/cairn/cairn", Self.command(Map.of(Self.ENV, "/home/ada/src/cairn/cairn")));
  }

  @Test
  void withoutTheScriptTheBareName() {
    assertEquals("cairn", Self.command(Map.of()));
    assertEquals("cairn", Self.command(Map.of(Self.ENV, " ")));
  }

  @Test
  void quotesAPathTheShellWouldSplit() {
    assertEquals("'/home/ada/my src/cairn'", Self.command(Map.of(Self.ENV, "/home/ada/my src/cairn")));
    assertEquals("'/tmp/it'\\''s/cairn'", Self.command(Map.of(Self.ENV, "/tmp/it's/cairn")));
  }
}
