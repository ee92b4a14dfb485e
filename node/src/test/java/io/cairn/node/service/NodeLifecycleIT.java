package io.cairn.node.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.store.ChainHead;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restart keeps the chain; start-up failures are one clear line with the right exit code. */
class NodeLifecycleIT {
  private static final ChainSpec SPEC = TestSpecs.easy();

  @BeforeAll
  static void logs(@TempDir Path tmp) {
    TestNodes.quietLogs(tmp);
  }

  @Test
  void restartedNodeKeepsItsChainAndState(@TempDir Path dir) {
    ChainHead before;
    String txid;
    try (NodeService node = TestNodes.start(dir, SPEC)) {
      Rpc rpc = Rpc.of(node);
      var tx = TestKey.of(5).transfer(node.head().hash(), TestKey.of(25).address(), Amount.ofUnits(5_000),
          Amount.ofUnits(1_000), 0);
      txid = rpc.okObject("tx_submit", Map.of("tx", Bytes.of(tx.encode()).toHex())).get("txid").getAsString();
      rpc.ok("miner_mine", Map.of("blocks", 4, "address", TestKey.of(41).address().encode("tcairn")));
      before = node.head();
      assertEquals(4, before.height());
      assertTrue(node.cookieFile().isPresent() && Files.exists(node.cookieFile().get()));
    }
    assertFalse(Files.exists(dir.resolve(".cookie")), "the cookie is deleted at shutdown");
    try (NodeService node = TestNodes.start(dir, SPEC)) {
      assertEquals(before, node.head());
      Rpc rpc = Rpc.of(node);
      assertEquals("confirmed", rpc.okObject("chain_getTransaction", Map.of("txid", txid)).get("status").getAsString());
      assertEquals("5000", rpc.okObject("state_getAccount",
          Map.of("address", TestKey.of(25).address().encode("tcairn"))).get("balance").getAsString());
      assertEquals(1, rpc.okObject("state_getAccount",
          Map.of("address", TestKey.of(5).address().encode("tcairn"))).get("nonce").getAsLong());
    }
  }

  /**
   * The mempool survives a clean stop (as with Bitcoin Core's mempool.dat): pending and queued
   * transactions are saved, offered again at start (every rule checked) and the file consumed; a
   * damaged file is kept aside and the node starts with an empty mempool.
   */
  @Test
  void mempoolSurvivesACleanRestart(@TempDir Path dir) throws IOException {
    List<String> txids = new ArrayList<>();
    try (NodeService node = TestNodes.start(dir, SPEC)) {
      Rpc rpc = Rpc.of(node);
      Hash genesis = node.head().hash();
      for (Transaction tx : List.of(
          TestKey.of(5).transfer(genesis, TestKey.of(25).address(), Amount.ofUnits(5_000), Amount.ofUnits(1_000), 0),
          TestKey.of(5).transfer(genesis, TestKey.of(25).address(), Amount.ofUnits(5_000), Amount.ofUnits(1_000), 1),
          TestKey.of(6).transfer(genesis, TestKey.of(25).address(), Amount.ofUnits(5_000), Amount.ofUnits(1_000), 3))) {
        txids.add(rpc.okObject("tx_submit", Map.of("tx", Bytes.of(tx.encode()).toHex())).get("txid").getAsString());
      }
      assertEquals(3, rpc.okObject("mempool_info", Map.of()).get("size").getAsInt());
    }
    assertTrue(Files.exists(dir.resolve(MempoolFile.NAME)), "saved at shutdown");
    try (NodeService node = TestNodes.start(dir, SPEC)) {
      Rpc rpc = Rpc.of(node);
      assertEquals(3, rpc.okObject("mempool_info", Map.of()).get("size").getAsInt());
      for (String txid : txids) {
        assertEquals("pending", rpc.okObject("chain_getTransaction", Map.of("txid", txid)).get("status").getAsString());
      }
      assertFalse(Files.exists(dir.resolve(MempoolFile.NAME)), "consumed at start");
    }
    byte[] saved = Files.readAllBytes(dir.resolve(MempoolFile.NAME));
    Files.write(dir.resolve(MempoolFile.NAME), Arrays.copyOf(saved, saved.length - 7));
    try (NodeService node = TestNodes.start(dir, SPEC)) {
      assertEquals(0, Rpc.of(node).okObject("mempool_info", Map.of()).get("size").getAsInt());
      assertTrue(Files.exists(dir.resolve(MempoolFile.NAME + ".bad")), "a damaged file is kept aside");
    }
  }

  @Test
  void restoredTransactionsKeepTheirAgeAndThoseThatExpiredMeanwhileStayOut(@TempDir Path dir) throws IOException {
    Hash genesis;
    try (NodeService node = TestNodes.start(dir, SPEC)) {
      genesis = node.head().hash();
    }
    Transaction old = TestKey.of(5).transfer(genesis, TestKey.of(25).address(), Amount.ofUnits(5_000),
        Amount.ofUnits(1_000), 0);
    Transaction recent = TestKey.of(6).transfer(genesis, TestKey.of(25).address(), Amount.ofUnits(5_000),
        Amount.ofUnits(1_000), 0);
    long now = System.currentTimeMillis();
    long recentAdded = now - 60_000;
    MempoolFile.write(dir, genesis, List.of(new MempoolFile.Saved(old, now - Duration.ofHours(4).toMillis()),
        new MempoolFile.Saved(recent, recentAdded)));
    try (NodeService node = TestNodes.start(dir, SPEC)) {
      Rpc rpc = Rpc.of(node);
      assertEquals(1, rpc.okObject("mempool_info", Map.of()).get("size").getAsInt(), "the 4-hour-old one expired");
      assertEquals("pending", rpc.okObject("chain_getTransaction", Map.of("txid", recent.txid().toHex()))
          .get("status").getAsString());
    }
    List<MempoolFile.Saved> again = MempoolFile.read(dir, genesis).orElseThrow();
    assertEquals(List.of(new MempoolFile.Saved(recent, recentAdded)), again, "saved again with its first time");
  }

  @Test
  void secondNodeOnTheSameDataDirectoryIsRefused(@TempDir Path dir) {
    try (NodeService node = TestNodes.start(dir, SPEC)) {
      NodeStartException e = assertThrows(NodeStartException.class, () -> TestNodes.start(dir, SPEC));
      assertEquals(NodeStartException.RUNTIME, e.exitCode());
      assertTrue(e.getMessage().contains("is locked"), e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
      assertTrue(node.isOpen());
    }
  }

  @Test
  void portsInUseAreNamed(@TempDir Path dir) throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      NodeConfig c = TestNodes.config(dir.resolve("rpc"), SPEC, List.of(), null, false);
      NodeConfig rpcTaken = new NodeConfig(c.dataDir(), SPEC, "127.0.0.1", 0, "127.0.0.1", port, true, List.of(),
          false, null, 1, 0, 16, 4, 0, "info", false);
      NodeStartException e = assertThrows(NodeStartException.class, () -> NodeService.start(rpcTaken));
      assertEquals(NodeStartException.RUNTIME, e.exitCode());
      assertTrue(e.getMessage().contains("RPC port " + port), e.getMessage());
      NodeConfig p2pTaken = new NodeConfig(dir.resolve("p2p"), SPEC, "127.0.0.1", port, "127.0.0.1", 0, true,
          List.of(), false, null, 1, 0, 16, 4, 0, "info", false);
      e = assertThrows(NodeStartException.class, () -> NodeService.start(p2pTaken));
      assertTrue(e.getMessage().contains("P2P port " + port), e.getMessage());
    }
    // Everything opened before the failure was closed again: the directory can be used at once.
    try (NodeService node = TestNodes.start(dir.resolve("rpc"), SPEC)) {
      assertEquals(0, node.head().height());
    }
  }

  @Test
  void rpcWithoutAuthOnAPublicAddressIsAConfigError(@TempDir Path dir) {
    NodeConfig open = new NodeConfig(dir, SPEC, "127.0.0.1", 0, "0.0.0.0", 0, false, List.of(), false, null, 1, 0, 16,
        4, 0, "info", false);
    NodeStartException e = assertThrows(NodeStartException.class, () -> NodeService.start(open));
    assertEquals(NodeStartException.CONFIG, e.exitCode());
    assertTrue(e.getMessage().contains("without authentication"), e.getMessage());
  }

  @Test
  void anotherChainSpecForTheDataDirectoryIsRefused(@TempDir Path dir) throws IOException {
    try (NodeService node = TestNodes.start(dir, SPEC)) {
      assertTrue(node.isOpen() && Files.exists(dir.resolve(DataDir.SPEC_FILE)));
    }
    ChainSpec other = TestSpecs.withAllocations(2, Amount.ofCrn(1));
    NodeStartException e = assertThrows(NodeStartException.class, () -> TestNodes.start(dir, other));
    assertEquals(NodeStartException.CONFIG, e.exitCode());
    assertTrue(e.getMessage().contains("chain spec mismatch"), e.getMessage());

    Path file = dir.resolve("other.json");
    Files.writeString(file, io.cairn.common.spec.ChainSpecJson.toJson(other));
    e = assertThrows(NodeStartException.class, () -> DataDir.resolveSpec(dir, file.toString()));
    assertEquals(NodeStartException.CONFIG, e.exitCode());
    assertTrue(e.getMessage().contains("chain spec mismatch"), e.getMessage());
    assertEquals(SPEC.commitment(), DataDir.resolveSpec(dir, null).commitment());
  }
}
