package io.cairn.wallet.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.cairn.wallet.json.StrictJson;
import io.cairn.wallet.json.StrictJson.JsonFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A local testnet's directory as {@code cairn testnet up} writes it: {@code testnet.json} (its
 * {@code nodes[0].rpcUrl} and {@code nodes[0].cookieFile} locate the first node) and the dev wallet
 * in {@code wallet/}, named {@value #DEV_WALLET} with an empty password.
 */
public record TestnetDir(Path dir, URI rpcUrl, Path cookieFile, Path walletDir) {
  public static final String DEFAULT_DIR = "./testnet";
  public static final String DEV_WALLET = "dev";
  public static final String DEV_PASSWORD = "";
  private static final int MAX_BYTES = 1 << 20;

  /**
   * Reads {@code dir/testnet.json}.
   *
   * @throws NodeException {@link NodeException.Kind#UNREACHABLE} when there is no testnet there or
   *     the file cannot be understood
   */
  public static TestnetDir read(Path dir) {
    Path file = dir.resolve("testnet.json");
    byte[] raw;
    try (InputStream in = Files.newInputStream(file)) {
      raw = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new NodeException(NodeException.Kind.UNREACHABLE, "no testnet in " + dir.toAbsolutePath().normalize()
          + " (" + file.getFileName() + " is missing); start one with './cairn testnet up'");
    } catch (IOException e) {
      throw new NodeException(NodeException.Kind.UNREACHABLE, "cannot read " + file + ": " + e.getMessage());
    }
    if (raw.length > MAX_BYTES) {
      throw new NodeException(NodeException.Kind.UNREACHABLE, file + " is larger than " + MAX_BYTES + " bytes");
    }
    try {
      JsonObject o = StrictJson.object(StrictJson.parse(new String(raw, StandardCharsets.UTF_8), file.toString()), "testnet.json");
      JsonArray nodes = StrictJson.array(o, "nodes", 10_000, "testnet.json");
      if (nodes.isEmpty()) {
        throw new JsonFormatException("testnet.json lists no nodes");
      }
      JsonObject n0 = StrictJson.object(nodes.get(0), "testnet.json nodes[0]");
      URI url = NodeEndpoint.parseUrl(StrictJson.string(n0, "rpcUrl", 2048, "testnet.json nodes[0]"));
      Path cookie = dir.resolve(StrictJson.string(n0, "cookieFile", 4096, "testnet.json nodes[0]"));
      return new TestnetDir(dir, url, cookie, dir.resolve("wallet"));
    } catch (JsonFormatException | io.cairn.common.reason.RejectedException e) {
      throw new NodeException(NodeException.Kind.UNREACHABLE, "cannot use testnet in " + dir + ": " + e.getMessage());
    }
  }

  public NodeEndpoint endpoint() {
    return new NodeEndpoint(rpcUrl, java.util.Optional.of(NodeEndpoint.readCookie(cookieFile)));
  }
}
