package io.cairn.testnet.chaos;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.cairn.common.amount.Amount;
import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.ChainSpecJson;
import io.cairn.testnet.chaos.Verdict.Check;
import io.cairn.testnet.launcher.NodeRpc;
import io.cairn.testnet.launcher.Testnet;
import io.cairn.testnet.launcher.TestnetFile.Node;
import io.cairn.testnet.plan.TestnetPlan;
import io.cairn.wallet.keys.DevAccounts;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The end-of-run checks of {@code chaos}: one tip, supply, store health. */
final class Checks {
  /** Above this height the supply check uses the known addresses only instead of scanning every block. */
  static final long MAX_SCAN = 20_000;
  private static final Pattern REPAIR = Pattern.compile("(?i)repair|recover|corrupt|inconsisten");

  private Checks() {}

  /** Waits until every node serves and all report the same tip. */
  static Check oneTip(Testnet t, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (true) {
      Map<String, String> tips = new HashMap<>();
      Set<String> distinct = new LinkedHashSet<>();
      long height = -1;
      for (Node n : t.nodes()) {
        try {
          JsonObject info = t.rpc(n).object("chain_info");
          tips.put(n.name(), info.get("height").getAsLong() + "/" + info.get("tipHash").getAsString().substring(0, 12));
          distinct.add(info.get("tipHash").getAsString());
          height = info.get("height").getAsLong();
        } catch (NodeRpc.RpcException e) {
          tips.put(n.name(), "unreachable");
          distinct.add("unreachable " + n.name());
        }
      }
      last = tips.toString();
      if (distinct.size() == 1) {
        return new Check("one tip everywhere", true, "all " + t.nodes().size() + " nodes at height " + height + " tip "
            + tips.values().iterator().next().split("/")[1]);
      }
      if (System.nanoTime() > deadline) {
        return new Check("one tip everywhere", false, "no agreement after " + timeout.toSeconds() + " s: " + last);
      }
      sleep(300);
    }
  }

  /** Sum of balances = allocations + height x reward, at one tip, on one node. */
  static Check supply(Testnet t) {
    ChainSpec spec;
    try {
      spec = ChainSpecJson.parse(Files.readString(t.layout().chainJson(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Check("total supply", false, "cannot read " + t.layout().chainJson() + ": " + e.getMessage());
    }
    Node n = t.runningNodes().isEmpty() ? t.nodes().get(0) : t.runningNodes().get(0);
    NodeRpc rpc = t.rpc(n);
    // Addresses only accumulate over the attempts: the blocks are scanned once, then only the new
    // ones, so a retry after a block arrived is quick (an address from a block a reorg dropped is
    // harmless: its balance is counted as it now is). Only the balances are read again.
    Set<String> addrs = new LinkedHashSet<>();
    DevAccounts.addresses().forEach(a -> addrs.add(a.encode(spec.addressPrefix())));
    for (Node x : t.nodes()) {
      addrs.add(TestnetPlan.minerAddress(x.index()).encode(spec.addressPrefix()));
    }
    spec.allocations().forEach(a -> addrs.add(a.address().encode(spec.addressPrefix())));
    long scannedTo = 0;
    JsonElement scannedHash = null;
    for (int attempt = 0; attempt < 10; attempt++) {
      try {
        JsonObject before = rpc.object("chain_info");
        long height = before.get("height").getAsLong();
        boolean scanned = height <= MAX_SCAN;
        if (scanned) {
          if (scannedTo > 0 && (scannedTo > height || !blockAt(rpc, scannedTo).get("hash").equals(scannedHash))) {
            scannedTo = 0; // a reorganisation replaced what was scanned: from the start again
          }
          for (long h = scannedTo + 1; h <= height; h++) {
            JsonObject b = blockAt(rpc, h);
            addrs.add(b.get("miner").getAsString());
            for (JsonElement tx : b.getAsJsonArray("transactions")) {
              addrs.add(tx.getAsJsonObject().get("to").getAsString());
            }
            scannedTo = h;
            scannedHash = b.get("hash");
          }
        }
        long sum = 0;
        for (String a : addrs) {
          JsonObject p = new JsonObject();
          p.addProperty("address", a);
          sum = Math.addExact(sum, Long.parseLong(rpc.object("state_getAccount", p).get("balance").getAsString()));
        }
        JsonObject after = rpc.object("chain_info");
        if (!after.get("tipHash").equals(before.get("tipHash"))) {
          continue; // a block arrived while summing: again
        }
        long expected = spec.totalAllocated().units() + height * spec.blockReward().units();
        String detail = String.format(Locale.ROOT, "%s over %d addresses%s at height %d; allocations %s + %d x %s = %s",
            Amount.ofUnits(sum).display(), addrs.size(), scanned ? " (every recipient and miner in the chain)" : "", height,
            spec.totalAllocated().display(), height, spec.blockReward().display(), Amount.ofUnits(expected).display());
        return new Check("total supply = allocations + rewards", sum == expected, detail);
      } catch (NodeRpc.RpcException | ArithmeticException e) {
        return new Check("total supply = allocations + rewards", false, "cannot sum balances: " + e.getMessage());
      }
    }
    return new Check("total supply = allocations + rewards", false, "the tip kept moving while summing balances");
  }

  private static JsonObject blockAt(NodeRpc rpc, long height) {
    JsonObject p = new JsonObject();
    p.addProperty("height", height);
    p.addProperty("full", true);
    return rpc.object("chain_getBlock", p);
  }

  /** Log sizes now, to read only what is written after. */
  static Map<String, Long> logOffsets(Testnet t) {
    Map<String, Long> m = new HashMap<>();
    for (Node n : t.nodes()) {
      try {
        m.put(n.name(), Files.size(t.layout().logFile(n.name())));
      } catch (IOException e) {
        m.put(n.name(), 0L);
      }
    }
    return m;
  }

  /** No node logged a store repair or recovery since {@code offsets}. */
  static Check noRepair(Testnet t, Map<String, Long> offsets, int restarts) {
    List<String> hits = new ArrayList<>();
    for (Node n : t.nodes()) {
      Path log = t.layout().logFile(n.name());
      try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
        f.seek(Math.min(offsets.getOrDefault(n.name(), 0L), f.length()));
        String line;
        while ((line = f.readLine()) != null) {
          if (REPAIR.matcher(line).find()) {
            hits.add(n.name() + ": " + new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).strip());
          }
        }
      } catch (IOException e) {
        // no log: nothing logged
      }
    }
    return new Check("no store needed repair", hits.isEmpty(), hits.isEmpty()
        ? restarts + " restart(s) after SIGKILL reopened their stores and served; no log line mentions repair or recovery"
        : hits.size() + " log line(s): " + hits.subList(0, Math.min(3, hits.size())));
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
