package io.cairn.testnet.dashboard;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of {@code <dir>/testnet.json} the dashboard reads: {@code nodes[]} with {@code name},
 * {@code rpcUrl}, {@code cookieFile} (relative paths are taken from the file's folder) and
 * {@code miner}. Other fields are ignored.
 */
final class TestnetNodes {
  record Node(String name, URI rpcUrl, Path cookieFile, boolean miner) {}

  private TestnetNodes() {}

  static List<Node> read(Path testnetJson) {
    String text;
    try {
      text = Files.readString(testnetJson, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + testnetJson + ": " + e.getMessage(), e);
    }
    try {
      JsonObject root = JsonParser.parseString(text).getAsJsonObject();
      if (!root.has("nodes") || !root.get("nodes").isJsonArray()) {
        throw new IllegalArgumentException(testnetJson + " has no nodes[] array");
      }
      List<Node> nodes = new ArrayList<>();
      Path base = testnetJson.toAbsolutePath().getParent();
      for (JsonElement e : root.getAsJsonArray("nodes")) {
        JsonObject n = e.getAsJsonObject();
        String url = string(n, "rpcUrl", testnetJson);
        JsonElement miner = n.get("miner");
        nodes.add(new Node(string(n, "name", testnetJson), URI.create(url.endsWith("/") ? url : url + "/"),
            base.resolve(string(n, "cookieFile", testnetJson)),
            miner != null && miner.isJsonPrimitive() && miner.getAsBoolean()));
      }
      return nodes;
    } catch (JsonParseException | IllegalStateException e) {
      throw new IllegalArgumentException(testnetJson + " is not a testnet file: " + e.getMessage(), e);
    }
  }

  private static String string(JsonObject o, String field, Path file) {
    JsonElement e = o.get(field);
    if (e == null || !e.isJsonPrimitive()) {
      throw new IllegalArgumentException(file + ": a node has no '" + field + "' (expected name, rpcUrl, cookieFile)");
    }
    return e.getAsString();
  }
}
