package io.cairn.node.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The optional {@code <datadir>/cairn.conf}: one {@code key = value} per line, {@code #} comments,
 * keys named like the long options without dashes ({@code p2p-port = 7420}); {@code peer} may repeat.
 * Unknown keys are errors that name the line.
 */
public final class ConfigFile {
  public static final String NAME = "cairn.conf";
  static final Set<String> KEYS = Set.of("chain", "p2p-bind", "p2p-port", "rpc-port", "rpc-bind", "rpc-no-auth", "peer",
      "mine", "miner-address", "mine-threads", "mine-rate", "max-peers", "max-upload-rate", "log-level", "outbound");

  private final Map<String, List<String>> values;

  private ConfigFile(Map<String, List<String>> values) {
    this.values = values;
  }

  public static ConfigFile empty() {
    return new ConfigFile(Map.of());
  }

  /** Reads {@code dir/cairn.conf} if present. */
  public static ConfigFile load(Path dir) throws IOException {
    Path file = dir.resolve(NAME);
    if (!Files.exists(file)) {
      return empty();
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  static ConfigFile parse(String text, String where) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(where + ":" + (i + 1) + ": expected 'key = value' but got '" + line + "'");
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(where + ":" + (i + 1) + ": unknown key '" + key + "'; known keys: " + KEYS);
      }
      map.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return new ConfigFile(map);
  }

  public String get(String key) {
    List<String> v = values.get(key);
    return v == null ? null : v.get(v.size() - 1);
  }

  public List<String> all(String key) {
    return values.getOrDefault(key, List.of());
  }
}
