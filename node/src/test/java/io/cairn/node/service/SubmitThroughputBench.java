package io.cairn.node.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not part of the suite (no Test/IT suffix): mempool acceptance over JSON-RPC in batches of 100, as
 * in the W1 workload, printed as transactions per second. Run with
 * {@code mvn -o -pl node -am test -Dtest=SubmitThroughputBench -Dsurefire.failIfNoSpecifiedTests=false}
 * {@code [-Dsenders=4000] [-DinFlight=4]} (batches posted concurrently).
 */
class SubmitThroughputBench {
  @Test
  void acceptsBatchesOverRpc(@TempDir Path dir) throws Exception {
    int senders = Integer.getInteger("senders", 4_000);
    int inFlight = Integer.getInteger("inFlight", 4);
    ChainSpec spec = TestSpecs.withAllocations(senders, Amount.ofCrn(10));
    TestNodes.quietLogs(dir);
    try (NodeService node = TestNodes.start(dir.resolve("n"), spec)) {
      Hash genesis = node.head().hash();
      List<String> bodies = new ArrayList<>();
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < senders; i++) {
        Transaction tx = TestKey.of(i).transfer(genesis, TestKey.of(i + 1).address(), Amount.ofUnits(1_000),
            Amount.ofUnits(1_000), 0);
        b.append(i % 100 == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(i)
            .append(",\"method\":\"tx_submit\",\"params\":{\"tx\":\"").append(Bytes.of(tx.encode()).toHex()).append("\"}}");
        if (i % 100 == 99) {
          bodies.add(b.append("]").toString());
          b = new StringBuilder("[");
        }
      }
      String token = Files.readString(node.cookieFile().orElseThrow()).strip();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI uri = URI.create("http://127.0.0.1:" + node.rpcPort() + "/");
      long t0 = System.nanoTime();
      List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> inflight = new ArrayList<>();
      int accepted = 0;
      for (String body : bodies) {
        inflight.add(http.sendAsync(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        if (inflight.size() == inFlight) {
          accepted += count(inflight.remove(0).join().body());
        }
      }
      for (var f : inflight) {
        accepted += count(f.join().body());
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      System.out.printf("W1-like: %d accepted in %.2f s = %.0f tx/s (%d batches in flight)%n", accepted, secs,
          accepted / secs, inFlight);
      assertEquals(senders, accepted);
    }
  }

  private static int count(String body) {
    JsonArray a = JsonParser.parseString(body).getAsJsonArray();
    int n = 0;
    for (var e : a) {
      JsonObject o = e.getAsJsonObject();
      n += o.has("result") ? 1 : 0;
    }
    return n;
  }
}
