package io.cairn.testnet.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.testnet.chaos.ChaosRunner;
import io.cairn.testnet.chaos.Verdict;
import io.cairn.testnet.cli.CairnMain;
import io.cairn.testnet.launcher.JavaCommand;
import io.cairn.testnet.launcher.NodeOps;
import io.cairn.testnet.launcher.NodeRpc;
import io.cairn.testnet.launcher.Stop;
import io.cairn.testnet.launcher.Testnet;
import io.cairn.testnet.launcher.TestnetException;
import io.cairn.testnet.launcher.TestnetFile.Node;
import io.cairn.testnet.launcher.Up;
import io.cairn.testnet.plan.PlanOptions;
import io.cairn.testnet.plan.Topology;
import io.cairn.testnet.testing.TestPorts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A 3-node testnet as real processes on 127.0.0.1: a transfer with the wallet CLI confirmed on every
 * node; a node killed, another transfer, the node restarted and caught up; a 30 s chaos run; down
 * leaves no process; up resumes the chain. One testnet for the class to keep the suite short; every
 * node process is stopped by PID in {@link #stopEverything()} whatever happens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestnetIT {
  private static final Duration NODE_TIMEOUT = Duration.ofSeconds(120);

  private Path dir;
  private int base;
  private Testnet t;
  private final List<Long> pids = new ArrayList<>();
  private final StringWriter log = new StringWriter();
  private final PrintWriter out = new PrintWriter(log, true);

  @BeforeAll
  void up(@TempDir Path tmp) {
    dir = tmp;
    base = freeBase(3);
    t = Up.run(dir, JavaCommand.current(), new Up.Request(new PlanOptions(3, 2, 1000, Topology.MESH, base, 1, 2000),
        false, NODE_TIMEOUT), System.currentTimeMillis(), out);
    remember();
  }

  @AfterAll
  void stopEverything() {
    if (t != null) {
      Stop.down(t);
    }
    for (long pid : pids) { // belt and braces: anything ever started, by PID
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private void remember() {
    t.nodes().forEach(n -> pids.add(n.pid()));
  }

  @Test
  @Order(1)
  void upWroteWhatTheIssueAsksAndRefusesASecondUp() throws Exception {
    JsonObject f = JsonParser.parseString(Files.readString(dir.resolve("testnet.json"))).getAsJsonObject();
    assertEquals(3, f.getAsJsonArray("nodes").size());
    JsonObject n0 = f.getAsJsonArray("nodes").get(0).getAsJsonObject();
    assertEquals(List.of("name", "pid", "p2pPort", "rpcUrl", "cookieFile", "dataDir", "miner"), List.copyOf(n0.keySet()));
    assertEquals(base, n0.get("p2pPort").getAsInt());
    assertEquals("http://127.0.0.1:" + (base + 1), n0.get("rpcUrl").getAsString());
    assertEquals(10, f.getAsJsonArray("accounts").size());
    assertEquals(List.of("name", "index", "address"), List.copyOf(f.getAsJsonArray("accounts").get(0).getAsJsonObject().keySet()));
    assertTrue(Files.exists(dir.resolve("wallet").resolve("dev.json")));
    for (Node n : t.nodes()) {
      assertTrue(t.rpc(n).peerCount() >= 2, n.name() + " is peered with both others");
    }
    TestnetException e = assertThrows(TestnetException.class, () -> Up.run(dir, JavaCommand.current(),
        new Up.Request(PlanOptions.defaults(), false, NODE_TIMEOUT), System.currentTimeMillis(), out));
    assertEquals(TestnetException.STATE, e.exitCode());
    assertTrue(e.getMessage().contains("already running"), e.getMessage());
  }

  @Test
  @Order(2)
  void transferConfirmedEverywhereThenKillSendRestartCatchUp() {
    String to = t.file().accounts().get(1).address();
    String tx1 = walletSend(to, "5");
    awaitConfirmedOn(t.nodes(), tx1);

    Node victim = t.node("node2");
    NodeOps.kill(t, victim);
    assertFalse(ProcessHandle.of(victim.pid()).map(ProcessHandle::isAlive).orElse(false), "SIGKILLed");
    String tx2 = walletSend(to, "7");
    awaitConfirmedOn(List.of(t.node("node0"), t.node("node1")), tx2);

    Node back = NodeOps.restart(t, t.node("node2"), NODE_TIMEOUT, out);
    pids.add(back.pid());
    awaitConfirmedOn(List.of(back), tx2);
    await().atMost(Duration.ofSeconds(60)).until(() -> tips().stream().distinct().count() == 1);
  }

  @Test
  @Order(3)
  void shortChaosRunPasses() {
    Verdict v = ChaosRunner.run(t, new ChaosRunner.Options(Duration.ofSeconds(30), 42, 5, Duration.ofSeconds(90)), out);
    remember();
    System.out.println(log);
    System.out.println(v.text());
    if (!v.ok()) {
      keepLogs("chaos-failure");
    }
    assertTrue(v.ok(), v.text() + "\n" + log);
    assertTrue(v.load().accepted() > 0, "the load was acknowledged: " + v.load().text());
    assertFalse(v.events().isEmpty(), "faults were injected");
  }

  @Test
  @Order(4)
  void downLeavesNoProcessAndUpResumesTheChain() {
    long height = height(t.node("node1")); // node1's own: node0 may have mined blocks node1 never received
    assertTrue(height > 0, "the earlier steps mined blocks");
    List<Node> before = t.nodes();
    Stop.down(t);
    for (Node n : before) {
      assertFalse(ProcessHandle.of(n.pid()).map(ProcessHandle::isAlive).orElse(false), n.name() + " pid " + n.pid());
    }
    t = Up.run(dir, JavaCommand.current(), new Up.Request(PlanOptions.defaults(), false, NODE_TIMEOUT),
        System.currentTimeMillis(), out);
    remember();
    assertEquals(3, t.nodes().size(), "resumed as planned, not with the defaults");
    assertTrue(height(t.node("node1")) >= height, "chain kept: height " + height(t.node("node1")) + " >= " + height);
    List<Node> resumed = t.nodes();
    Stop.down(t);
    for (Node n : resumed) {
      assertFalse(ProcessHandle.of(n.pid()).map(ProcessHandle::isAlive).orElse(false), n.name() + " pid " + n.pid());
    }
  }

  /** Copies every node's log to target/{@code name} (the temp dir goes with the test) for a post-mortem. */
  private void keepLogs(String name) {
    Path to = Path.of("target", name);
    try (Stream<Path> logs = Files.walk(dir)) {
      List<Path> nodeLogs = logs.filter(f -> f.toString().endsWith(".log")
          && f.getParent().getFileName().toString().equals("logs")).toList();
      for (Path log : nodeLogs) {
        Path copy = to.resolve(dir.relativize(log));
        Files.createDirectories(copy.getParent());
        Files.copy(log, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      System.out.println("node logs kept in " + to.toAbsolutePath());
    } catch (IOException e) {
      System.out.println("could not keep the node logs: " + e);
    }
  }

  private String walletSend(String to, String amount) {
    StringWriter so = new StringWriter();
    StringWriter se = new StringWriter();
    CommandLine cl = new CommandLine(new CairnMain()).setOut(new PrintWriter(so)).setErr(new PrintWriter(se));
    int rc = cl.execute("wallet", "--testnet", dir.toString(), "--json", "send", "--from", "0", "--to", to,
        "--amount", amount, "--yes");
    assertEquals(0, rc, "wallet send: " + so + se);
    JsonObject o = JsonParser.parseString(so.toString().strip()).getAsJsonObject();
    return o.get("txid").getAsString();
  }

  private void awaitConfirmedOn(List<Node> nodes, String txid) {
    for (Node n : nodes) {
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
        JsonObject p = new JsonObject();
        p.addProperty("txid", txid);
        return "confirmed".equals(t.rpc(n).object("chain_getTransaction", p).get("status").getAsString());
      });
    }
  }

  private List<String> tips() {
    return t.nodes().stream().map(n -> {
      try {
        return t.rpc(n).object("chain_info").get("tipHash").getAsString();
      } catch (NodeRpc.RpcException e) {
        return "down " + n.name();
      }
    }).toList();
  }

  private long height(Node n) {
    return t.rpc(n).object("chain_info").get("height").getAsLong();
  }

  /** A base port with 2n free ports above it, in this test's range 20000-23999 (see {@link TestPorts}). */
  static int freeBase(int nodes) {
    return TestPorts.freeBase(nodes, 20_000, 24_000);
  }

  /** Listens on 127.0.0.1:port (for the taken-port test). */
  static ServerSocket listen(int port) throws Exception {
    ServerSocket s = new ServerSocket();
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return s;
  }
}
