package io.cairn.testnet.reliability;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.testnet.launcher.JavaCommand;
import io.cairn.testnet.launcher.Processes;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node process inside a network namespace: {@code ip netns exec NS java ... node --datadir DIR}.
 * {@code ip netns exec} execs the command, so the PID is the JVM's (checked: its command line carries
 * the data directory marker). JSON-RPC listens on 127.0.0.1 inside the namespace and is reached with
 * {@code ip netns exec NS curl}, with the node's cookie.
 */
final class NsNode implements Rpc {
  static final int P2P_PORT = 7420;
  static final int RPC_PORT = 7421;

  final int index;
  final String ns;
  final Path dataDir;
  private final Process process;
  private final AtomicLong ids = new AtomicLong();

  private NsNode(int index, String ns, Path dataDir, Process process) {
    this.index = index;
    this.ns = ns;
    this.dataDir = dataDir;
    this.process = process;
  }

  /** Writes nothing; starts the node of {@code dataDir} (its cairn.conf says the rest) in {@code ns}. */
  static NsNode start(int index, String ns, Path dataDir, JavaCommand java) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    cmd.addAll(java.nodeCommand(dataDir.toString(), List.of()));
    try {
      Files.createDirectories(dataDir.resolve("logs"));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log(dataDir).toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).directory(dataDir.toFile());
      return new NsNode(index, ns, dataDir, pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a node in " + ns + ": " + e.getMessage(), e);
    }
  }

  static Path log(Path dataDir) {
    return dataDir.resolve("logs").resolve("stdout.log");
  }

  long pid() {
    return process.pid();
  }

  /** The PID runs the JVM itself (ip exec'd it), marked with this node's data directory. */
  boolean pidIsTheJvm() {
    return Processes.alive(pid(), dataDir.toString());
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGTERM, then SIGKILL after {@code graceMs}; by PID. */
  void stop(long graceMs) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(graceMs, TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Override
  public JsonElement call(String method, JsonObject params) {
    String token;
    try {
      token = Files.readString(dataDir.resolve(".cookie"), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new IllegalStateException("node" + index + ": no cookie yet");
    }
    JsonObject req = new JsonObject();
    req.addProperty("jsonrpc", "2.0");
    req.addProperty("id", ids.incrementAndGet());
    req.addProperty("method", method);
    req.add("params", params);
    List<String> cmd = List.of("ip", "netns", "exec", ns, "curl", "-sS", "-m", "5", "-H",
        "Content-Type: application/json", "-H", "Authorization: Bearer " + token, "--data-binary", "@-",
        "http://127.0.0.1:" + RPC_PORT + "/");
    String body;
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      try (OutputStream os = p.getOutputStream()) {
        os.write(req.toString().getBytes(StandardCharsets.UTF_8));
      }
      body = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("node" + index + ": " + method + ": curl failed: " + body.strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    JsonObject o = JsonParser.parseString(body).getAsJsonObject();
    if (o.has("error") && !o.get("error").isJsonNull()) {
      throw new RpcError(method, o.getAsJsonObject("error"));
    }
    return o.get("result");
  }

  /** A JSON-RPC error answer. */
  static final class RpcError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient JsonObject error;

    RpcError(String method, JsonObject error) {
      super(method + ": " + error);
      this.error = error;
    }

    String reason() {
      JsonElement d = error.get("data");
      return d != null && d.isJsonObject() && d.getAsJsonObject().has("reason")
          ? d.getAsJsonObject().get("reason").getAsString() : "";
    }
  }
}
