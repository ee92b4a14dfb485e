package io.cairn.node.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.spec.ChainSpecJson;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command line over cairn.conf over defaults, and one clear config error per bad value. */
class ConfigResolverTest {
  private static NodeOptions opts(Path dir, Integer p2pPort, List<String> peers, Boolean mine, String miner) {
    return new NodeOptions(dir, null, null, p2pPort, null, null, null, peers, mine, miner, null, null, null, null,
        null, null);
  }

  private static void conf(Path dir, String text) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(ConfigFile.NAME), text);
  }

  @Test
  void defaultsWithoutFileOrOptions(@TempDir Path dir) {
    NodeConfig c = ConfigResolver.resolve(NodeOptions.none(dir));
    assertEquals("testnet", c.spec().network());
    assertEquals(7420, c.p2pPort());
    assertEquals(7421, c.rpcPort());
    assertEquals("127.0.0.1", c.rpcBind());
    assertTrue(c.rpcAuth());
    assertFalse(c.mine());
    assertEquals("info", c.logLevel());
  }

  @Test
  void commandLineWinsOverTheFileWhichWinsOverDefaults(@TempDir Path dir) throws IOException {
    String miner = TestKey.of(1).address().encode("tcairn");
    conf(dir, "# settings\np2p-port = 9000\nrpc-port = 9001\nrpc-no-auth = true\npeer = 10.0.0.1:7420\n"
        + "mine = true\nminer-address = " + miner + "\nmine-threads = 3\nlog-level = debug\n");
    NodeConfig fromFile = ConfigResolver.resolve(NodeOptions.none(dir));
    assertEquals(9000, fromFile.p2pPort());
    assertEquals(9001, fromFile.rpcPort());
    assertFalse(fromFile.rpcAuth());
    assertTrue(fromFile.mine());
    assertEquals(TestKey.of(1).address(), fromFile.minerAddress());
    assertEquals(3, fromFile.mineThreads());
    assertEquals("debug", fromFile.logLevel());

    NodeConfig cli = ConfigResolver.resolve(opts(dir, 9100, List.of("10.0.0.2:7420"), false, null));
    assertEquals(9100, cli.p2pPort());
    assertEquals(9001, cli.rpcPort());
    assertFalse(cli.mine());
    assertEquals(List.of("10.0.0.1:7420", "10.0.0.2:7420"), cli.peers());
  }

  @Test
  void badValuesAreConfigErrorsThatSayWhat(@TempDir Path dir) throws IOException {
    NodeStartException e = assertThrows(NodeStartException.class,
        () -> ConfigResolver.resolve(opts(dir, null, List.of(), true, null)));
    assertEquals(NodeStartException.CONFIG, e.exitCode());
    assertTrue(e.getMessage().contains("--mine needs --miner-address"), e.getMessage());

    e = assertThrows(NodeStartException.class,
        () -> ConfigResolver.resolve(opts(dir, null, List.of(), null, "tcairn1notanaddress")));
    assertTrue(e.getMessage().contains("--miner-address tcairn1notanaddress"), e.getMessage());

    e = assertThrows(NodeStartException.class, () -> ConfigResolver.resolve(opts(dir, 70000, List.of(), null, null)));
    assertTrue(e.getMessage().contains("--p2p-port must be 0 to 65535"), e.getMessage());

    e = assertThrows(NodeStartException.class,
        () -> ConfigResolver.resolve(opts(dir, null, List.of("nohost"), null, null)));
    assertTrue(e.getMessage().contains("--peer nohost"), e.getMessage());

    conf(dir, "p2p-port = 7420\nbogus = 1\n");
    e = assertThrows(NodeStartException.class, () -> ConfigResolver.resolve(NodeOptions.none(dir)));
    assertEquals(NodeStartException.CONFIG, e.exitCode());
    assertTrue(e.getMessage().contains(":2: unknown key 'bogus'"), e.getMessage());

    conf(dir, "rpc-port = many\n");
    e = assertThrows(NodeStartException.class, () -> ConfigResolver.resolve(NodeOptions.none(dir)));
    assertTrue(e.getMessage().contains("rpc-port = many"), e.getMessage());
  }

  @Test
  void chainComesFromTheDataDirectoryOnceInitialised(@TempDir Path dir) throws IOException {
    Path specFile = dir.resolve("spec.json");
    Files.writeString(specFile, ChainSpecJson.toJson(TestSpecs.easy()));
    Path data = dir.resolve("data");
    DataDir.init(data, DataDir.load(specFile.toString()));
    assertEquals("unit-test", ConfigResolver.resolve(NodeOptions.none(data)).spec().network());
    NodeOptions other = new NodeOptions(data, "testnet", null, null, null, null, null, List.of(), null, null, null,
        null, null, null, null, null);
    NodeStartException e = assertThrows(NodeStartException.class, () -> ConfigResolver.resolve(other));
    assertEquals(NodeStartException.CONFIG, e.exitCode());
    assertTrue(e.getMessage().startsWith("chain spec mismatch"), e.getMessage());
    e = assertThrows(NodeStartException.class, () -> DataDir.load(dir.resolve("missing.json").toString()));
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());
  }
}
