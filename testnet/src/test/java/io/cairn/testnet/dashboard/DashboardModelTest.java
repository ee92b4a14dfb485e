package io.cairn.testnet.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.testnet.dashboard.DashboardModel.BlockView;
import io.cairn.testnet.dashboard.DashboardModel.LinkView;
import io.cairn.testnet.dashboard.DashboardModel.NodeView;
import io.cairn.testnet.dashboard.DashboardModel.Peer;
import io.cairn.testnet.dashboard.DashboardModel.Point;
import io.cairn.testnet.dashboard.DashboardModel.Snapshot;
import io.cairn.testnet.dashboard.DashboardModel.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardModelTest {
  private static final String A = "aa".repeat(32);
  private static final String B = "bb".repeat(32);
  private static final String C = "cc".repeat(32);

  private static DashboardModel threeNodes() {
    DashboardModel m = new DashboardModel(4, 60_000);
    m.node("node0", true, "http://127.0.0.1:1/");
    m.node("node1", false, "http://127.0.0.1:2/");
    m.node("node2", false, "http://127.0.0.1:3/");
    return m;
  }

  private static Status up(long height, String tip, String nodeId) {
    return new Status(true, null, height, tip, 2, 0, false, nodeId);
  }

  private static NodeView view(Snapshot s, String name) {
    return s.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void firstSeenKeepsTheEarliestTimePerNode() {
    DashboardModel m = threeNodes();
    m.seen("node0", A, 5, 1_000);
    m.seen("node1", A, 5, 1_120);
    m.seen("node0", A, 5, 1_500);
    assertTrue(m.hasSeen("node1", A));
    assertFalse(m.hasSeen("node2", A));
    BlockView b = m.snapshot(2_000, 10).blocks().get(0);
    assertEquals(Map.of("node0", 1_000L, "node1", 1_120L), b.seen());
    assertFalse(b.competing());
  }

  @Test
  void onlyTheNewestBlocksAreKeptAndShownNewestFirst() {
    DashboardModel m = threeNodes();
    for (int h = 1; h <= 6; h++) {
      m.seen("node0", String.format("%064x", h), h, h * 1000L);
    }
    List<BlockView> blocks = m.snapshot(9_000, 3).blocks();
    assertEquals(List.of(6L, 5L, 4L), blocks.stream().map(BlockView::height).toList());
    assertEquals(4, m.snapshot(9_000, 10).blocks().size(), "at most maxBlocks kept");
    assertFalse(m.hasSeen("node0", String.format("%064x", 2)), "the lowest went first");
  }

  @Test
  void aNodeWithAnotherTipIsMarkedAndCompetingBlocksAreFlagged() {
    DashboardModel m = threeNodes();
    m.status("node0", up(7, A, "id0"), 1_000);
    m.status("node1", up(7, A, "id1"), 1_000);
    m.status("node2", up(7, B, "id2"), 1_000);
    m.seen("node0", A, 7, 1_000);
    m.seen("node2", B, 7, 1_010);
    Snapshot s = m.snapshot(1_100, 10);
    assertEquals(2, s.tips());
    assertEquals(A, s.referenceTip());
    assertFalse(view(s, "node0").differs());
    assertTrue(view(s, "node2").differs());
    assertTrue(s.blocks().stream().allMatch(BlockView::competing));

    m.status("node2", up(7, A, "id2"), 2_000);
    Snapshot healed = m.snapshot(2_100, 10);
    assertEquals(1, healed.tips());
    assertFalse(view(healed, "node2").differs());
  }

  @Test
  void aDownNodeNeitherVotesNorDiffers() {
    DashboardModel m = threeNodes();
    m.status("node0", up(3, A, "id0"), 1_000);
    m.status("node1", Status.down("not answering"), 1_000);
    m.status("node2", up(4, C, "id2"), 1_000);
    Snapshot s = m.snapshot(1_000, 10);
    assertEquals(2, s.tips());
    assertEquals(C, s.referenceTip(), "one holder each: the higher tip is the reference");
    assertTrue(view(s, "node0").differs());
    assertFalse(view(s, "node1").differs());
    assertFalse(view(s, "node1").up());
    assertEquals("not answering", view(s, "node1").error());
  }

  @Test
  void theSeriesGetsAPointPerHeightChangeAndForgetsOldOnes() {
    DashboardModel m = threeNodes();
    m.status("node0", up(1, A, "id0"), 0);
    m.status("node0", up(1, A, "id0"), 500);
    m.status("node0", up(2, B, "id0"), 1_000);
    assertEquals(List.of(new Point(0, 1), new Point(1_000, 2)), view(m.snapshot(1_000, 1), "node0").series());
    assertEquals(1_000L, view(m.snapshot(1_000, 1), "node0").lastBlockMs());
    m.status("node0", up(3, C, "id0"), 70_000);
    m.status("node0", up(4, A, "id0"), 75_000);
    List<Point> kept = view(m.snapshot(75_000, 1), "node0").series();
    assertEquals(List.of(new Point(1_000, 2), new Point(70_000, 3), new Point(75_000, 4)), kept,
        "older points go, but the one the window starts from stays");
  }

  @Test
  void linksAreOnePerPairFromTheDiallingSide() {
    DashboardModel m = threeNodes();
    m.status("node0", up(1, A, "id0"), 0);
    m.status("node1", up(1, A, "id1"), 0);
    m.status("node2", up(1, A, "id2"), 0);
    m.peers("node0", List.of(new Peer("id1", "inbound"), new Peer("id2", "inbound"), new Peer("stranger", "outbound")));
    m.peers("node1", List.of(new Peer("id0", "outbound")));
    m.peers("node2", List.of());
    Snapshot s = m.snapshot(0, 1);
    assertEquals(List.of(new LinkView("node1", "node0", true), new LinkView("node2", "node0", false)), s.links());
    assertEquals(1, s.externalPeers());
  }

  @Test
  void unknownNodesAreACallerBug() {
    DashboardModel m = threeNodes();
    assertThrows(IllegalArgumentException.class, () -> m.seen("node9", A, 1, 0));
    m.remove("node2");
    assertEquals(2, m.snapshot(0, 1).nodes().size());
  }
}
