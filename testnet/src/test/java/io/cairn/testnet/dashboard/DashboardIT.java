package io.cairn.testnet.dashboard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.node.explorer.HeadlessChrome;
import io.cairn.node.explorer.TestRpc;
import io.cairn.node.service.Logging;
import io.cairn.node.service.NodeConfig;
import io.cairn.node.service.NodeService;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The dashboard over three real in-JVM nodes (RocksDB, P2P on 127.0.0.1, RPC with cookies), read
 * from a testnet.json like the one {@code cairn testnet up} writes, plus a fourth node on its own
 * that mined a competing block: the aggregate API, its host check and static files over HTTP, then
 * the page in headless Chromium (every node, the fork marked, the chart, the propagation of the
 * blocks mined, the peer graph), with a screenshot in target/screenshots/.
 */
class DashboardIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir
  static Path dir;
  private static final List<NodeService> NODES = new ArrayList<>();
  private static DashboardServer dashboard;

  @BeforeAll
  static void startTestnet() throws IOException {
    Logging.configure(dir, "warn", false);
    JsonArray nodes = new JsonArray();
    for (int i = 0; i < 4; i++) {
      // node1 and node2 join through node0; node3 stays alone, so its own block makes a fork.
      List<String> peers = i == 0 || i == 3 ? List.of() : List.of("127.0.0.1:" + NODES.get(0).p2pPort());
      NodeService n = NodeService.start(new NodeConfig(dir.resolve("node" + i), TestSpecs.easy(), "127.0.0.1", 0,
          "127.0.0.1", 0, true, peers, false, null, 1, 0, 16, 4, 0, "warn", false));
      NODES.add(n);
      JsonObject o = new JsonObject();
      o.addProperty("name", "node" + i);
      o.addProperty("pid", ProcessHandle.current().pid());
      o.addProperty("p2pPort", n.p2pPort());
      o.addProperty("rpcUrl", "http://127.0.0.1:" + n.rpcPort());
      o.addProperty("cookieFile", dir.relativize(n.cookieFile().orElseThrow()).toString());
      o.addProperty("dataDir", n.config().dataDir().toString());
      o.addProperty("miner", i == 0);
      nodes.add(o);
    }
    JsonObject file = new JsonObject();
    file.add("nodes", nodes);
    file.add("accounts", new JsonArray());
    Files.writeString(dir.resolve("testnet.json"), file.toString());
    dashboard = DashboardServer.start(dir.resolve("testnet.json"), 0);
    await().atMost(WAIT).until(() -> NODES.get(1).head().height() == 0 && peerCount(0) >= 2);
    TestRpc rpc = new TestRpc(NODES.get(0).rpcPort(), NODES.get(0).cookieFile().orElseThrow());
    String miner = TestKey.of(40).address().encode("tcairn");
    TestRpc loner = new TestRpc(NODES.get(3).rpcPort(), NODES.get(3).cookieFile().orElseThrow());
    loner.ok("miner_mine", Map.of("blocks", 1, "address", TestKey.of(41).address().encode("tcairn")));
    for (int b = 0; b < 3; b++) {
      rpc.ok("miner_mine", Map.of("blocks", 1, "address", miner));
    }
    await().atMost(WAIT).until(() -> NODES.subList(0, 3).stream().allMatch(n -> n.head().height() == 3));
  }

  private static int peerCount(int i) {
    TestRpc rpc = new TestRpc(NODES.get(i).rpcPort(), NODES.get(i).cookieFile().orElseThrow());
    return rpc.chainInfo().get("peers").getAsInt();
  }

  @AfterAll
  static void stopTestnet() {
    if (dashboard != null) {
      dashboard.close();
    }
    NODES.forEach(NodeService::close);
  }

  @Test
  void apiAggregatesEveryNodeAndMarksTheFork() throws IOException {
    await().atMost(WAIT).until(() -> {
      JsonObject st = state();
      return st.getAsJsonArray("nodes").asList().stream().map(n -> n.getAsJsonObject().get("height").getAsLong())
          .toList().equals(List.of(3L, 3L, 3L, 1L))
          && st.getAsJsonArray("blocks").size() >= 4
          && st.getAsJsonArray("links").size() >= 2;
    });
    JsonObject st = state();
    assertEquals(2, st.get("tips").getAsInt());
    JsonArray views = st.getAsJsonArray("nodes");
    assertEquals(List.of(false, false, false, true), views.asList().stream()
        .map(n -> n.getAsJsonObject().get("differs").getAsBoolean()).toList());
    long competing = st.getAsJsonArray("blocks").asList().stream()
        .filter(b -> b.getAsJsonObject().get("competing").getAsBoolean()).count();
    assertEquals(2, competing, "node0's and node3's blocks at height 1");
    assertEquals(NODES.get(0).head().hash().toHex(), st.get("referenceTip").getAsString());
    JsonObject top = st.getAsJsonArray("blocks").get(0).getAsJsonObject();
    assertEquals(3, top.get("height").getAsLong());
    assertEquals(NODES.get(0).head().hash().toHex(), top.get("hash").getAsString());
    assertTrue(top.getAsJsonObject("seen").has("node0"), top::toString);
    for (JsonElement n : st.getAsJsonArray("nodes")) {
      assertTrue(n.getAsJsonObject().get("up").getAsBoolean(), n::toString);
    }
  }

  @Test
  void onlyLoopbackHostsAndKnownFilesAreServed() throws IOException {
    assertTrue(http("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + dashboard.port()).startsWith("HTTP/1.1 200"));
    assertTrue(http("GET /static/dashboard.js HTTP/1.1\r\nHost: localhost:" + dashboard.port())
        .contains("text/javascript"));
    assertTrue(http("GET /api/state HTTP/1.1\r\nHost: evil.example:" + dashboard.port()).startsWith("HTTP/1.1 403"));
    for (String path : List.of("/static/../DashboardServer.class", "/static/%2e%2e/logback.xml", "/logback.xml",
        "/static/sub/x.js", "/static/index.HTML")) {
      String answer = http("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + dashboard.port());
      assertTrue(answer.startsWith("HTTP/1.1 404"), path + " -> " + answer);
    }
    assertTrue(http("POST /api/state HTTP/1.1\r\nHost: 127.0.0.1:" + dashboard.port() + "\r\nContent-Length: 0")
        .startsWith("HTTP/1.1 405"));
  }

  @Test
  void pageShowsEveryNodeTheChartPropagationAndLinks(@TempDir Path profile) {
    try (HeadlessChrome chrome = HeadlessChrome.startOrSkip(profile)) {
      WebDriver d = chrome.driver();
      d.manage().window().setSize(new Dimension(1400, 1400));
      d.get(dashboard.url().toString());
      await().atMost(WAIT).until(() -> heights(d).equals(List.of("3", "3", "3", "1")));
      for (int i = 0; i < 4; i++) {
        assertTrue(chrome.text("node-node" + i).contains("node" + i));
      }
      assertTrue(chrome.text("node-node3").contains("tip differs"), chrome.text("node-node3"));
      assertTrue(chrome.text("agreement").contains("nodes disagree: 2 different tips"), chrome.text("agreement"));
      assertEquals(4, d.findElements(By.cssSelector("#height-chart path.series")).size());
      assertEquals(1, d.findElements(By.cssSelector("#height-chart circle.differs-mark")).size());
      assertEquals(4, d.findElements(By.cssSelector("#peer-graph g.graph-node")).size());
      assertEquals(1, d.findElements(By.cssSelector("#peer-graph g.graph-node.differs")).size());
      await().atMost(WAIT).until(() -> d.findElements(By.cssSelector("#peer-graph line.link")).size() >= 2);
      await().atMost(WAIT).until(() -> chrome.text("propagation").contains("3/4"));
      assertTrue(chrome.text("propagation").contains("fork"), chrome.text("propagation"));
      Path shot = chrome.screenshot("testnet-dashboard");
      assertTrue(Files.exists(shot));
    }
  }

  /** The heights column; empty while the table is being re-rendered under the reader. */
  private static List<String> heights(WebDriver d) {
    try {
      return d.findElements(By.cssSelector("#nodes tbody td.height")).stream().map(WebElement::getText).toList();
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return List.of();
    }
  }

  private static JsonObject state() throws IOException {
    String answer = http("GET /api/state HTTP/1.1\r\nHost: 127.0.0.1:" + dashboard.port());
    assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    return JsonParser.parseString(answer.substring(answer.indexOf("\r\n\r\n") + 4)).getAsJsonObject();
  }

  /** One raw HTTP/1.1 exchange (request line and headers without the final blank line). */
  private static String http(String head) throws IOException {
    try (Socket s = new Socket("127.0.0.1", dashboard.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      s.getInputStream().transferTo(all);
      return all.toString(StandardCharsets.UTF_8);
    }
  }
}
