package io.cairn.testnet.launcher;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cairn.node.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code <dir>/testnet.json}, with exactly the fields the issue names:
 *
 * <pre>
 * { "nodes": [ { "name": "node0", "pid": 12345, "p2pPort": 17420, "rpcUrl": "http://127.0.0.1:17421",
 *                "cookieFile": "/abs/testnet/node0/.cookie", "dataDir": "/abs/testnet/node0", "miner": true } ],
 *   "accounts": [ { "name": "dev0", "index": 0, "address": "tcairn1..." } ] }
 * </pre>
 *
 * Paths are absolute. {@code pid} is the last process started for the node (it may have exited).
 * Written atomically (temp file, then rename).
 */
public record TestnetFile(List<Node> nodes, List<Account> accounts) {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  public TestnetFile {
    nodes = List.copyOf(nodes);
    accounts = List.copyOf(accounts);
  }

  /** One node. */
  public record Node(String name, long pid, int p2pPort, String rpcUrl, String cookieFile, String dataDir, boolean miner) {
    public Node withPid(long newPid) {
      return new Node(name, newPid, p2pPort, rpcUrl, cookieFile, dataDir, miner);
    }

    public int index() {
      return Integer.parseInt(name.substring(4));
    }
  }

  /** One dev account. */
  public record Account(String name, int index, String address) {}

  public Optional<Node> node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  public TestnetFile with(Node node) {
    List<Node> out = new ArrayList<>();
    boolean replaced = false;
    for (Node n : nodes) {
      if (n.name().equals(node.name())) {
        out.add(node);
        replaced = true;
      } else {
        out.add(n);
      }
    }
    if (!replaced) {
      out.add(node);
    }
    return new TestnetFile(out, accounts);
  }

  /** Reads the file; empty when there is none. IllegalStateException when it cannot be understood. */
  public static Optional<TestnetFile> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      JsonObject o = JsonParser.parseString(text).getAsJsonObject();
      List<Node> nodes = new ArrayList<>();
      for (JsonElement e : o.getAsJsonArray("nodes")) {
        JsonObject n = e.getAsJsonObject();
        Node node = new Node(n.get("name").getAsString(), n.get("pid").getAsLong(), n.get("p2pPort").getAsInt(),
            n.get("rpcUrl").getAsString(), n.get("cookieFile").getAsString(), n.get("dataDir").getAsString(),
            n.get("miner").getAsBoolean());
        Layout.requireNodeName(node.name());
        nodes.add(node);
      }
      List<Account> accounts = new ArrayList<>();
      for (JsonElement e : o.getAsJsonArray("accounts")) {
        JsonObject a = e.getAsJsonObject();
        accounts.add(new Account(a.get("name").getAsString(), a.get("index").getAsInt(), a.get("address").getAsString()));
      }
      return Optional.of(new TestnetFile(nodes, accounts));
    } catch (RuntimeException e) {
      throw new IllegalStateException(file + " is not a testnet file this version understands (" + e.getMessage()
          + "); remove the testnet with 'cairn testnet up --reset'", e);
    }
  }

  public String toJson() {
    JsonObject o = new JsonObject();
    JsonArray ns = new JsonArray();
    for (Node n : nodes) {
      JsonObject j = new JsonObject();
      j.addProperty("name", n.name());
      j.addProperty("pid", n.pid());
      j.addProperty("p2pPort", n.p2pPort());
      j.addProperty("rpcUrl", n.rpcUrl());
      j.addProperty("cookieFile", n.cookieFile());
      j.addProperty("dataDir", n.dataDir());
      j.addProperty("miner", n.miner());
      ns.add(j);
    }
    JsonArray as = new JsonArray();
    for (Account a : accounts) {
      JsonObject j = new JsonObject();
      j.addProperty("name", a.name());
      j.addProperty("index", a.index());
      j.addProperty("address", a.address());
      as.add(j);
    }
    o.add("nodes", ns);
    o.add("accounts", as);
    return GSON.toJson(o) + "\n";
  }

  public void write(Path file) {
    try {
      AtomicFiles.write(file, toJson().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
