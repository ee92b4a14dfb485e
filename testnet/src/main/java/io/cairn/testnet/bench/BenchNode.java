package io.cairn.testnet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One benchmark node: its data directory (with a {@code cairn.conf}), ports, process and RPC client.
 *
 * @param name for messages ({@code n3})
 * @param dir the data directory
 * @param p2pPort P2P port on 127.0.0.1
 * @param rpc its JSON-RPC client
 */
record BenchNode(String name, Path dir, int p2pPort, BenchRpc rpc, long pid) {
  /** The started process: a fresh RPC client too, since every start writes a new cookie. */
  BenchNode withPid(long p) {
    return new BenchNode(name, dir, p2pPort, new BenchRpc(p2pPort + 1, dir.resolve(".cookie")), p);
  }

  String p2pAddress() {
    return "127.0.0.1:" + p2pPort;
  }

  /**
   * Writes {@code cairn.conf}: the chain file, ports on 127.0.0.1, the peers it dials and keeps
   * (outbound = their number unless given), and the upload cap (0: none).
   */
  static void writeConfig(Path dir, Path chainFile, int p2pPort, List<String> peers, int outbound, long uploadCap) {
    StringBuilder sb = new StringBuilder("# cairn testnet bench\n");
    sb.append("chain = ").append(chainFile.toAbsolutePath()).append('\n');
    sb.append("p2p-bind = 127.0.0.1\np2p-port = ").append(p2pPort).append('\n');
    sb.append("rpc-bind = 127.0.0.1\nrpc-port = ").append(p2pPort + 1).append('\n');
    for (String p : peers) {
      sb.append("peer = ").append(p).append('\n');
    }
    sb.append("outbound = ").append(outbound).append('\n');
    sb.append("max-upload-rate = ").append(uploadCap).append('\n');
    sb.append("log-level = info\n");
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("cairn.conf"), sb.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve("cairn.conf") + ": " + e.getMessage(), e);
    }
  }

  /** Peak resident set size (VmHWM) of the running process in bytes, if readable. */
  Optional<Long> peakRss() {
    return procStatus(pid, "VmHWM:");
  }

  static Optional<Long> procStatus(long pid, String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(key)) {
          String[] f = line.substring(key.length()).strip().split("\\s+");
          return Optional.of(Long.parseLong(f[0]) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Bytes of the files under the data directory (the chain store, node key and config; its logs/ left out). */
  long storeBytes() {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> !dir.relativize(p).startsWith("logs"))
          .mapToLong(p -> {
            try {
              return Files.size(p);
            } catch (IOException e) {
              return 0;
            }
          }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
