package io.cairn.testnet.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.amount.Amount;
import io.cairn.common.model.CompactTarget;
import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.ChainSpecJson;
import io.cairn.wallet.keys.DevAccounts;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {

  @Test
  void portsAreBasePlusTwoIAndRangeIsChecked() {
    assertEquals(17420, Ports.p2p(17420, 0));
    assertEquals(17421, Ports.rpc(17420, 0));
    assertEquals(17426, Ports.p2p(17420, 3));
    assertEquals(17427, Ports.rpc(17420, 3));
    assertEquals(17420, Ports.baseOf(17426, 3));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ports.checkRange(65530, 4));
    assertTrue(e.getMessage().contains("65530-65537"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Ports.checkRange(80, 1));
  }

  @Test
  void capsMatchTheTargetAndTheBlockTime() {
    int bits = HashRates.initialBits(2000, 2000);
    BigInteger perBlock = HashRates.hashesPerBlock(bits);
    // 2000 H/s for 2 s: about 4000 hashes per block (compact truncation makes the target slightly harder).
    assertTrue(perBlock.longValueExact() >= 4000 && perBlock.longValueExact() < 4100, perBlock.toString());
    long total = HashRates.totalCap(bits, 2000);
    assertEquals(perBlock.add(BigInteger.ONE).divide(BigInteger.TWO).longValueExact(), total);
    assertEquals(List.of(1001L, 1001L), HashRates.split(2001, 2));
    // An absurdly small budget never asks for a target easier than the chain's limit.
    assertTrue(CompactTarget.expand(HashRates.initialBits(10, 100)).compareTo(CompactTarget.POW_LIMIT) <= 0);
  }

  @Test
  void defaultPlanSpreadsMinersAndWritesConfigs() {
    TestnetPlan p = TestnetPlan.of(PlanOptions.defaults());
    assertEquals(4, p.nodes().size());
    assertEquals(List.of(true, false, true, false), p.nodes().stream().map(NodePlan::miner).toList());
    assertEquals(p.totalRate(), p.nodes().stream().mapToLong(NodePlan::mineRate).sum());
    assertTrue(p.totalRate() <= 2100, "the whole testnet hashes a few thousand times per second: " + p.totalRate());
    String conf = p.nodes().get(3).config("/t/chain.json", "tcairn");
    assertTrue(conf.contains("peer = 127.0.0.1:17420\npeer = 127.0.0.1:17422\npeer = 127.0.0.1:17424\n"), conf);
    assertTrue(conf.contains("outbound = 3\n") && conf.contains("rpc-port = 17427\n") && !conf.contains("mine"), conf);
    String miner = p.nodes().get(2).config("/t/chain.json", "tcairn");
    assertTrue(miner.contains("mine = true\nminer-address = " + TestnetPlan.minerAddress(2).encode("tcairn")), miner);
    assertTrue(miner.contains("mine-rate = " + p.nodes().get(2).mineRate()), miner);
  }

  @Test
  void specIsADevNetworkFundingTheTenDevAccounts() {
    TestnetPlan p = TestnetPlan.of(new PlanOptions(3, 1, 1000, Topology.RING, 20000, 1, 3000));
    ChainSpec spec = p.spec(1_700_000_000_000L);
    assertTrue(spec.dev());
    assertEquals(1_700_000_000_000L, spec.genesisTimestampMs());
    assertEquals(10, spec.allocations().size());
    assertEquals(DevAccounts.addresses(), spec.allocations().stream().map(ChainSpec.Allocation::address).toList());
    assertEquals(Amount.ofCrn(10_000_000), spec.totalAllocated());
    assertEquals(spec, ChainSpecJson.parse(ChainSpecJson.toJson(spec)), "the spec survives its JSON form");
    assertFalse(DevAccounts.addresses().contains(TestnetPlan.minerAddress(0)), "miners are paid outside accounts 0-9");
  }

  @Test
  void optionsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new PlanOptions(0, 0, 2000, Topology.MESH, 17420, 1, 2000));
    assertThrows(IllegalArgumentException.class, () -> new PlanOptions(2, 3, 2000, Topology.MESH, 17420, 1, 2000));
    assertThrows(IllegalArgumentException.class, () -> new PlanOptions(2, 1, 10, Topology.MESH, 17420, 1, 2000));
  }

  @Test
  void lateJoinerDialsTheOldestNodes() {
    NodePlan n = TestnetPlan.lateJoiner(5, 17420, List.of(4, 0, 2, 1));
    assertEquals(List.of(0, 1, 2), n.dialed());
    assertEquals(17430, n.p2pPort());
    assertFalse(n.miner());
  }

  @Test
  void durations() {
    assertEquals(Duration.ofSeconds(2), Durations.parse("2s"));
    assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
    assertEquals(Duration.ofMinutes(1), Durations.parse("1m"));
    assertEquals(Duration.ofSeconds(30), Durations.parse("30"));
    assertThrows(IllegalArgumentException.class, () -> Durations.parse("0s"));
    assertThrows(IllegalArgumentException.class, () -> Durations.parse("2 days"));
    assertEquals("1.5s", Durations.format(Duration.ofMillis(1500)));
  }
}
