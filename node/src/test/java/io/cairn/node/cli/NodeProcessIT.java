package io.cairn.node.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.common.crypto.Hash;
import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.ChainSpecJson;
import io.cairn.node.store.ChainStore;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn node} as a real OS process ({@link NodeMain} on the test class path): init, start,
 * serve RPC, refuse a second process on the same data directory and a taken RPC port with one line
 * and exit code 1, stop on SIGTERM with exit code 0, and leave a store that reopens at the same tip.
 */
class NodeProcessIT {
  private static final ChainSpec SPEC = TestSpecs.easy();
  private static final Pattern RPC = Pattern.compile("RPC +http://127\\.0\\.0\\.1:(\\d+)");
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() throws InterruptedException {
    for (Process p : started) {
      if (p.isAlive()) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private Process node(Path logDir, String name, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), NodeMain.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd)
        .redirectOutput(logDir.resolve(name + ".out").toFile())
        .redirectError(logDir.resolve(name + ".err").toFile())
        .start();
    started.add(p);
    return p;
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  private static int exit(Process p) throws InterruptedException {
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "process did not exit");
    return p.exitValue();
  }

  private static JsonObject call(int port, String token, String body) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    String text = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body();
    return JsonParser.parseString(text).getAsJsonObject();
  }

  @Test
  void runsServesRefusesSecondInstanceAndStopsCleanlyOnSigterm(@TempDir Path tmp) throws Exception {
    Path spec = tmp.resolve("spec.json");
    Files.writeString(spec, ChainSpecJson.toJson(SPEC));
    Path data = tmp.resolve("data");
    Process init = node(tmp, "init", "init", "--chain", spec.toString(), "--datadir", data.toString());
    assertEquals(0, exit(init), () -> "init failed: " + tmp);
    assertTrue(read(tmp.resolve("init.out")).contains("Initialised " + data), read(tmp.resolve("init.out")));

    Process node = node(tmp, "node", "--datadir", data.toString(), "--p2p-bind", "127.0.0.1", "--p2p-port", "0",
        "--rpc-port", "0");
    await().atMost(Duration.ofSeconds(60)).until(() -> !node.isAlive() || RPC.matcher(read(tmp.resolve("node.out"))).find());
    String banner = read(tmp.resolve("node.out"));
    Matcher m = RPC.matcher(banner);
    assertTrue(m.find(), () -> "no banner: " + banner + "\nerr: " + uncheckedRead(tmp.resolve("node.err")));
    int port = Integer.parseInt(m.group(1));
    assertTrue(banner.contains("network 'unit-test'"), banner);
    String token = Files.readString(data.resolve(".cookie")).strip();

    String miner = TestKey.of(42).address().encode(SPEC.addressPrefix());
    long before = System.currentTimeMillis();
    JsonObject mined = call(port, token,
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"miner_mine\",\"params\":{\"blocks\":3,\"address\":\"" + miner + "\"}}");
    long after = System.currentTimeMillis();
    assertEquals(3, mined.getAsJsonObject("result").getAsJsonArray("hashes").size(), mined::toString);
    JsonObject info = call(port, token, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"chain_info\"}").getAsJsonObject("result");
    Hash tip = Hash.parse(info.get("tipHash").getAsString());
    assertEquals(3, info.get("height").getAsLong());
    // foundMs: when each proof of work was found, in order, during the call, and the last no later
    // than the moment its block became the tip (same machine, same clock).
    JsonArray found = mined.getAsJsonObject("result").getAsJsonArray("foundMs");
    assertEquals(3, found.size(), mined::toString);
    for (int i = 0; i < 3; i++) {
      long f = found.get(i).getAsLong();
      assertTrue(f >= before && f <= after && (i == 0 || f >= found.get(i - 1).getAsLong()), mined::toString);
    }
    assertTrue(found.get(2).getAsLong() <= info.get("tipSinceMs").getAsLong(), () -> mined + " " + info);

    Process second = node(tmp, "second", "--datadir", data.toString(), "--p2p-port", "0", "--rpc-port", "0");
    assertEquals(1, exit(second));
    String err = read(tmp.resolve("second.err")).strip();
    assertTrue(err.contains("is locked") && !err.contains("\n"), err);

    Process clash = node(tmp, "clash", "--datadir", tmp.resolve("other").toString(), "--chain", spec.toString(),
        "--p2p-port", "0", "--rpc-port", Integer.toString(port));
    assertEquals(1, exit(clash));
    err = read(tmp.resolve("clash.err")).strip();
    assertTrue(err.contains("RPC port " + port) && !err.contains("\n"), err);

    Process bad = node(tmp, "bad", "--datadir", tmp.resolve("bad").toString(), "--mine");
    assertEquals(2, exit(bad));
    assertTrue(read(tmp.resolve("bad.err")).contains("--mine needs --miner-address"));

    node.destroy(); // SIGTERM
    assertEquals(0, exit(node), () -> uncheckedRead(tmp.resolve("node.err")));
    assertFalse(Files.exists(data.resolve(".cookie")), "cookie deleted at shutdown");
    assertTrue(read(tmp.resolve("node.out")).contains("stopped at height 3"), read(tmp.resolve("node.out")));
    try (ChainStore store = ChainStore.open(data.resolve("chain"), SPEC)) {
      assertEquals(tip, store.tipHash());
      assertEquals(3, store.entry(tip).orElseThrow().height());
    }
  }

  private static String uncheckedRead(Path file) {
    try {
      return read(file);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
