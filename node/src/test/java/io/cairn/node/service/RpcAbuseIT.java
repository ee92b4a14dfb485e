package io.cairn.node.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.common.spec.ChainSpec;
import io.cairn.node.rpc.RpcConfig;
import io.cairn.node.service.RawHttp.Response;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * RPC abuse against a real in-JVM node that mines (at a capped rate) the whole time: bodies far over
 * the limit, JSON nested 200,000 deep, 2,000 connections at once, slow-loris headers, and a flood of
 * 1000-call batches. For each: the RPC refuses or sheds the load, memory stays bounded, the chain keeps
 * growing, and a legitimate client with the cookie is served afterwards. The slow-loris clients start
 * with the node and are checked last, so their 10 s header timeout overlaps the other attacks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RpcAbuseIT {
  private static final ChainSpec SPEC = TestSpecs.easy();
  /** About three blocks a second at the easiest target (two hashes per block on average). */
  private static final long MINE_RATE = 6;
  private static final long MIB = 1024 * 1024;
  private static final int FLOOD_CONNECTIONS = 2_000;
  private static final int SLOW_CLIENTS = 4;
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private NodeService node;
  private String token;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "rpc-abuse");
    t.setDaemon(true);
    return t;
  });
  private final ScheduledExecutorService ticker = Executors.newScheduledThreadPool(1);
  private final List<RawHttp> slow = new ArrayList<>();
  private final List<Future<Optional<Response>>> slowEnds = new ArrayList<>();
  private final AtomicLong[] slowSent = new AtomicLong[SLOW_CLIENTS];
  private final byte[] slowHead = RawHttp.ascii("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: "
      + "a".repeat(400) + "\r\n\r\n");

  @BeforeAll
  void start(@TempDir Path dir) throws IOException {
    TestNodes.quietLogs(dir);
    node = NodeService.start(new NodeConfig(dir, SPEC, "127.0.0.1", 0, "127.0.0.1", 0, true, List.of(), true,
        TestKey.of(47).address(), 1, MINE_RATE, 16, 4, 0, "info", false));
    token = Files.readString(node.cookieFile().orElseThrow(), StandardCharsets.US_ASCII).strip();
    await().atMost(DEADLINE).until(() -> node.head().height() >= 1);
    for (int i = 0; i < SLOW_CLIENTS; i++) {
      RawHttp c = new RawHttp(node.rpcPort(), 30_000);
      slow.add(c);
      AtomicLong sent = new AtomicLong();
      AtomicBoolean cut = new AtomicBoolean();
      slowSent[i] = sent;
      // One byte every 100 ms: the whole head would take over 40 s.
      ticker.scheduleAtFixedRate(() -> {
        int at = (int) sent.get();
        if (at < slowHead.length && !cut.get() && !c.socket.isClosed()) {
          try {
            c.write(new byte[] {slowHead[at]});
            sent.incrementAndGet();
          } catch (IOException cutOff) {
            cut.set(true);
          }
        }
      }, 0, 100, TimeUnit.MILLISECONDS);
      slowEnds.add(pool.submit(c::read));
    }
  }

  @AfterAll
  void stop() {
    ticker.shutdownNow();
    slow.forEach(RawHttp::close);
    pool.shutdownNow();
    if (node != null) {
      node.close();
    }
  }

  @Test
  @Order(1)
  void bodiesFarOverTheLimitAreRefusedWithoutBeingBuffered() throws Exception {
    long heapBefore = heapAfterGc();
    long height = node.head().height();
    PooledByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    long nettyBefore = alloc.metric().usedDirectMemory() + alloc.metric().usedHeapMemory();
    AtomicLong nettyPeak = new AtomicLong(nettyBefore);
    var sampler = ticker.scheduleAtFixedRate(() -> nettyPeak.accumulateAndGet(
        alloc.metric().usedDirectMemory() + alloc.metric().usedHeapMemory(), Math::max), 0, 5, TimeUnit.MILLISECONDS);
    try {
      String auth = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n";
      // 64 MiB in chunks: refused with 413 once past the 8 MiB limit, the rest discarded.
      Attack chunked = stream(RawHttp.ascii(auth + "Transfer-Encoding: chunked\r\n\r\n"), 64 * MIB, true);
      assertEquals(Optional.of(413), chunked.firstStatus(), chunked::toString);
      // An honest Content-Length of 64 MiB: refused from the header alone.
      Attack declared = stream(RawHttp.ascii(auth + "Content-Length: " + 64 * MIB + "\r\n\r\n"), 64 * MIB, false);
      assertEquals(Optional.of(413), declared.firstStatus(), declared::toString);
      // A lying Content-Length of 100 followed by 64 MiB: the rest is a garbage request line, 400 and closed.
      Attack lying = stream(RawHttp.ascii(auth + "Content-Length: 100\r\n\r\n"), 64 * MIB, false);
      assertEquals(Optional.of(200), lying.firstStatus(), lying::toString);
      assertTrue(lying.first().orElseThrow().body().contains("-32700"), lying::toString);
      assertTrue(lying.second().isEmpty() || lying.second().get().status() == 400, lying::toString);
    } finally {
      sampler.cancel(false);
    }
    long nettyGrowth = nettyPeak.get() - nettyBefore;
    assertTrue(nettyGrowth < 40 * MIB, "Netty buffers grew by " + nettyGrowth / MIB + " MiB for 3 x 64 MiB of body");
    long heapGrowth = heapAfterGc() - heapBefore;
    assertTrue(heapGrowth < 64 * MIB, "heap grew by " + heapGrowth / MIB + " MiB");
    assertServedAndMining(height);
  }

  @Test
  @Order(2)
  void stalledBodiesJustUnderTheLimitShareOneMemoryBudget() throws Exception {
    PooledByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    long nettyBefore = alloc.metric().usedDirectMemory() + alloc.metric().usedHeapMemory();
    AtomicLong nettyPeak = new AtomicLong(nettyBefore);
    var sampler = ticker.scheduleAtFixedRate(() -> nettyPeak.accumulateAndGet(
        alloc.metric().usedDirectMemory() + alloc.metric().usedHeapMemory(), Math::max), 0, 5, TimeUnit.MILLISECONDS);
    long height = node.head().height();
    List<RawHttp> stalled = new ArrayList<>();
    boolean[] cutOff = new boolean[24];
    int refused = 0;
    int answered = 0;
    try {
      // Each declares 8 MiB - 1 (allowed), sends 7 MiB of it and stalls: without a shared budget the
      // node would hold 24 x 7 MiB until the request timeout, whatever the heap.
      byte[] piece = new byte[(int) MIB];
      Arrays.fill(piece, (byte) ' ');
      for (int i = 0; i < cutOff.length; i++) {
        RawHttp c = new RawHttp(node.rpcPort(), 20_000);
        stalled.add(c);
        try {
          c.write(RawHttp.ascii("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
              + "\r\nContent-Length: " + (8 * MIB - 1) + "\r\n\r\n"));
          for (int m = 0; m < 7; m++) {
            c.write(piece);
          }
        } catch (IOException closedOnUs) {
          cutOff[i] = true;
        }
      }
      for (int i = 0; i < cutOff.length; i++) {
        RawHttp c = stalled.get(i);
        boolean refusedHere = cutOff[i];
        if (c.hasInput()) {
          Optional<Response> r = c.read();
          if (r.isPresent()) {
            assertEquals(503, r.get().status(), r.get()::toString);
            assertTrue(busyError(r.get().body()), r.get()::body);
            answered++;
          }
          refusedHere = true;
        }
        refused += refusedHere ? 1 : 0;
      }
      assertTrue(answered >= 1, "at least one refusal read back as 503 busy");
      assertTrue(refused >= 12, refused + " of 24 stalled uploads refused");
    } finally {
      sampler.cancel(false);
      stalled.forEach(RawHttp::close);
    }
    long nettyGrowth = nettyPeak.get() - nettyBefore;
    assertTrue(nettyGrowth < 100 * MIB, "Netty buffers grew by " + nettyGrowth / MIB + " MiB for 24 stalled 7 MiB bodies");
    assertServedAndMining(height);
  }

  @Test
  @Order(3)
  void deeplyNestedJsonGetsAJsonRpcError() throws Exception {
    String deep = "[".repeat(200_000);
    String deepParams = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"chain_info\",\"params\":" + "[".repeat(200_000)
        + "]".repeat(200_000) + "}";
    String deepObject = "{\"a\":".repeat(200_000) + "1" + "}".repeat(200_000);
    for (String body : List.of(deep, deepParams, deepObject)) {
      try (RawHttp c = new RawHttp(node.rpcPort(), 20_000)) {
        Response r = c.exchange(RawHttp.post(token, body)).orElseThrow();
        assertEquals(200, r.status(), r::toString);
        JsonObject error = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("error");
        int code = error.get("code").getAsInt();
        assertTrue(code == -32600 || code == -32700, r::toString);
      }
    }
    assertServedAndMining(node.head().height());
  }

  @Test
  @Order(4)
  void batchFloodIsShedWithBusyWhileMiningContinues() throws Exception {
    StringBuilder b = new StringBuilder("[");
    String who = TestKey.of(1).address().encode("tcairn");
    for (int i = 0; i < 1000; i++) {
      b.append(i == 0 ? "" : ",").append(i % 2 == 0
          ? "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"chain_info\"}"
          : "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"state_getAccount\",\"params\":{\"address\":\"" + who + "\"}}");
    }
    byte[] batch = RawHttp.post(token, b.append(']').toString());
    AtomicBoolean flooding = new AtomicBoolean(true);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger busy = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    List<String> odd = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> clients = new ArrayList<>();
    long height = node.head().height();
    // More connections than RPC workers plus queue slots (4 + 64 at most), each with one batch in flight.
    for (int i = 0; i < 128; i++) {
      clients.add(pool.submit(() -> {
        long until = System.nanoTime() + DEADLINE.toNanos();
        while (flooding.get() && System.nanoTime() < until) {
          try (RawHttp c = new RawHttp(node.rpcPort(), 30_000)) {
            while (flooding.get() && System.nanoTime() < until) {
              Response r = c.exchange(batch).orElseThrow(() -> new IOException("closed"));
              if (r.status() == 200 && JsonParser.parseString(r.body()).getAsJsonArray().size() == 1000) {
                ok.incrementAndGet();
              } else if (r.status() == 503 && busyError(r.body())) {
                busy.incrementAndGet();
              } else {
                other.incrementAndGet();
                odd.add(r.status() + " " + r.body().substring(0, Math.min(200, r.body().length())));
              }
            }
          } catch (IOException e) {
            other.incrementAndGet();
            odd.add(e.toString());
          }
        }
        return null;
      }));
    }
    try {
      await().atMost(DEADLINE).until(() -> busy.get() > 0 && ok.get() > 0 && node.head().height() >= height + 3);
      assertTrue(flooding.get());
      assertTrue(node.head().height() >= height + 3, "the chain grew by 3 blocks while the flood went on");
    } finally {
      flooding.set(false);
      for (Future<?> f : clients) {
        f.get(30, TimeUnit.SECONDS);
      }
    }
    assertEquals(0, other.get(), () -> "neither answered nor busy: " + odd.subList(0, Math.min(5, odd.size())));
    assertServedAndMining(node.head().height());
  }

  @Test
  @Order(5)
  void clientsThatNeverReadTheirAnswersFillTheBudgetNotTheHeap() throws Exception {
    String blockBatch = bigBlockBatch();
    byte[] batch = RawHttp.post(token, blockBatch);
    long height = node.head().height();
    PooledByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    long before = heapAfterGc() + alloc.metric().usedDirectMemory() + alloc.metric().usedHeapMemory();
    List<RawHttp> readers = new ArrayList<>();
    Response refusal = null;
    long held;
    try {
      // Each asks for a ~16 MiB answer through an 8 KiB receive window and reads none of it; once the
      // answer starts to arrive the next one asks. Unsent answers count against the shared budget.
      for (int i = 0; i < 16 && refusal == null; i++) {
        RawHttp c = new RawHttp(node.rpcPort(), 20_000, 8192);
        readers.add(c);
        c.write(batch);
        await().atMost(DEADLINE).until(c::hasInput);
        try (RawHttp probe = new RawHttp(node.rpcPort(), 20_000)) {
          Response r = probe.exchange(RawHttp.post(token, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"node_version\"}"))
              .orElseThrow();
          refusal = r.status() == 503 ? r : null;
        }
      }
      held = heapAfterGc() + alloc.metric().usedDirectMemory() + alloc.metric().usedHeapMemory() - before;
      assertTrue(refusal != null, readers.size() + " unread answers and new requests are still taken");
      assertTrue(busyError(refusal.body()), refusal::body);
      assertTrue(readers.size() >= 2, "refused after " + readers.size() + " unread answers");
    } finally {
      readers.forEach(RawHttp::close);
    }
    assertTrue(held < 96 * MIB, "unread answers held " + held / MIB + " MiB");
    // Once they leave, the budget is back.
    await().atMost(DEADLINE).ignoreExceptions().until(() -> chainInfoHeight() >= 0);
    assertServedAndMining(height);
  }

  /** A block of up to 640 transactions with 64-byte memos (about 0.5 MB of JSON), asked for 60 times in one batch. */
  private String bigBlockBatch() {
    Rpc rpc = Rpc.of(node);
    io.cairn.common.crypto.Hash genesis = io.cairn.common.crypto.Hash.parse(
        rpc.okObject("chain_info").get("genesisHash").getAsString());
    io.cairn.common.bytes.Bytes memo = io.cairn.common.bytes.Bytes.of(new byte[64]);
    String last = null;
    StringBuilder submit = new StringBuilder("[");
    for (int k = 0; k < 10; k++) {
      for (int n = 0; n < 64; n++) {
        io.cairn.common.model.Transaction tx = TestKey.of(k).transfer(genesis, TestKey.of(30).address(),
            io.cairn.common.amount.Amount.ofUnits(1), TestSpecs.MIN_FEE, n, memo);
        last = tx.txid().toHex();
        submit.append(submit.length() == 1 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(k * 64 + n)
            .append(",\"method\":\"tx_submit\",\"params\":{\"tx\":\"")
            .append(io.cairn.common.bytes.Bytes.of(tx.encode()).toHex()).append("\"}}");
      }
    }
    String answers;
    try (RawHttp c = new RawHttp(node.rpcPort(), 20_000)) {
      answers = c.exchange(RawHttp.post(token, submit.append(']').toString())).orElseThrow().body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertTrue(!answers.contains("\"error\""), () -> answers.substring(0, Math.min(500, answers.length())));
    String txid = last;
    await().atMost(DEADLINE).until(() -> rpc.call("chain_getTransaction", Map.of("txid", txid)).toString()
        .contains("\"confirmed\""));
    long h = rpc.okObject("chain_getTransaction", Map.of("txid", txid)).get("height").getAsLong();
    return batchOf(60, i -> "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"chain_getBlock\",\"params\":"
        + "{\"height\":" + h + ",\"full\":true}}");
  }

  private static String batchOf(int calls, java.util.function.IntFunction<String> call) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < calls; i++) {
      b.append(i == 0 ? "" : ",").append(call.apply(i));
    }
    return b.append(']').toString();
  }

  @Test
  @Order(6)
  void thousandsOfConnectionsAreCappedWhileMiningContinues() throws Exception {
    int cap = RpcConfig.defaults(Path.of(".")).maxConnections();
    List<RawHttp> flood = new ArrayList<>();
    try (RawHttp legit = new RawHttp(node.rpcPort(), 20_000)) {
      assertEquals(200, legit.exchange(RawHttp.ascii("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
          .orElseThrow().status());
      long height = node.head().height();
      int failedConnects = 0;
      try {
        for (int i = 0; i < FLOOD_CONNECTIONS; i++) {
          try {
            flood.add(new RawHttp(node.rpcPort(), 5_000));
          } catch (IOException e) {
            failedConnects++;
          }
        }
        assertTrue(flood.size() >= FLOOD_CONNECTIONS * 9 / 10, "opened " + flood.size() + ", " + failedConnects + " failed");
        // Everything over the cap is answered 503 and closed; the rest stay open, idle.
        await().atMost(DEADLINE).until(() -> flood.stream().filter(RawHttp::hasInput).count() >= flood.size() - cap);
        RawHttp refused = flood.stream().filter(RawHttp::hasInput).findFirst().orElseThrow();
        assertEquals(503, refused.read().orElseThrow().status());
        long held = flood.stream().filter(c -> !c.hasInput()).count();
        assertTrue(held <= cap && held >= cap / 2, held + " attack connections held open (cap " + cap + ")");

        await().atMost(DEADLINE).until(() -> node.head().height() >= height + 3);
        // A client that was connected before the flood is still served during it.
        assertEquals(200, legit.exchange(RawHttp.ascii("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
            .orElseThrow().status());
        Response info = legit.exchange(RawHttp.post(token,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain_info\"}")).orElseThrow();
        assertEquals(200, info.status(), info::toString);
        assertTrue(JsonParser.parseString(info.body()).getAsJsonObject().getAsJsonObject("result")
            .get("height").getAsLong() >= height + 3);
        // A new connection while the cap is reached is told to come back. Slots may have freed since
        // the flood (held counts anything from cap/2 to cap), so fill them first, boundedly: one of at
        // most cap + 1 late clients must be answered 503.
        int lateStatus = 0;
        for (int i = 0; i <= cap && lateStatus != 503; i++) {
          RawHttp late = new RawHttp(node.rpcPort(), 10_000);
          flood.add(late);
          lateStatus = late.exchange(RawHttp.ascii("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
              .orElseThrow().status();
        }
        assertEquals(503, lateStatus, "no late client was refused although the cap is " + cap);
      } finally {
        flood.forEach(RawHttp::close);
      }
    }
    // Once the attackers leave, a fresh client gets in again.
    await().atMost(DEADLINE).ignoreExceptions().until(() -> chainInfoHeight() >= 0);
    assertServedAndMining(node.head().height());
  }

  @Test
  @Order(7)
  void slowLorisHeadersAreCutOffByTheHeaderTimeout() throws Exception {
    for (int i = 0; i < SLOW_CLIENTS; i++) {
      Optional<Response> answer = slowEnds.get(i).get(30, TimeUnit.SECONDS);
      assertTrue(answer.isEmpty(), "closed without a response, got " + answer);
      long sent = slowSent[i].get();
      assertTrue(sent >= 20 && sent < slowHead.length, "cut off after " + sent + " of " + slowHead.length
          + " header bytes (one per 100 ms, 10 s request timeout)");
    }
    assertServedAndMining(node.head().height());
  }

  /** The outcome of streaming a body: the responses seen (at most two), and how much was sent. */
  record Attack(List<Response> responses, long sent, String writeEnd) {
    Optional<Integer> firstStatus() {
      return first().map(Response::status);
    }

    Optional<Response> first() {
      return responses.isEmpty() ? Optional.empty() : Optional.of(responses.get(0));
    }

    Optional<Response> second() {
      return responses.size() < 2 ? Optional.empty() : Optional.of(responses.get(1));
    }

    @Override
    public String toString() {
      return "sent " + sent / MIB + " MiB (" + writeEnd + "), responses " + responses.stream()
          .map(r -> r.status() + " " + r.body().substring(0, Math.min(120, r.body().length()))).toList();
    }
  }

  /** Writes {@code head} and {@code total} body bytes from another thread while reading up to two responses. */
  private Attack stream(byte[] head, long total, boolean chunked) throws Exception {
    RawHttp c = new RawHttp(node.rpcPort(), 20_000);
    try {
      AtomicLong sent = new AtomicLong();
      Future<String> writer = pool.submit(() -> {
        byte[] piece = new byte[64 * 1024];
        Arrays.fill(piece, (byte) 'x');
        byte[] chunkHead = RawHttp.ascii(Integer.toHexString(piece.length) + "\r\n");
        byte[] crlf = RawHttp.ascii("\r\n");
        try {
          c.write(head);
          while (sent.get() < total) {
            if (chunked) {
              c.write(chunkHead);
            }
            c.write(piece);
            if (chunked) {
              c.write(crlf);
            }
            sent.addAndGet(piece.length);
          }
          if (chunked) {
            c.write(RawHttp.ascii("0\r\n\r\n"));
          }
          return "all written";
        } catch (IOException e) {
          return "cut off: " + e.getMessage();
        }
      });
      List<Response> responses = new ArrayList<>();
      try {
        for (int i = 0; i < 2; i++) {
          Optional<Response> r = c.read();
          if (r.isEmpty()) {
            break;
          }
          responses.add(r.get());
        }
      } catch (SocketTimeoutException stillOpen) {
        // the server answered and keeps discarding the rest of the body; that is fine
      }
      c.close(); // unblocks the writer
      return new Attack(responses, sent.get(), writer.get(30, TimeUnit.SECONDS));
    } finally {
      c.close();
    }
  }

  private static boolean busyError(String body) {
    JsonObject error = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("error");
    return error.get("code").getAsInt() == -32002 && error.getAsJsonObject("data").get("reason").getAsString().equals("busy");
  }

  private long chainInfoHeight() {
    return Rpc.of(node).okObject("chain_info", Map.of()).get("height").getAsLong();
  }

  /** The node answers a legitimate call and its chain grows past {@code height} within the deadline. */
  private void assertServedAndMining(long height) {
    await().atMost(DEADLINE).until(() -> node.head().height() >= height + 1);
    assertTrue(chainInfoHeight() >= height + 1);
  }

  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
