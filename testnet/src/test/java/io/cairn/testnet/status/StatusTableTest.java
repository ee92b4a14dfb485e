package io.cairn.testnet.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StatusTableTest {
  private static NodeStatus up(String name, long height, String tip) {
    return new NodeStatus(name, name.equals("node0"), 100, "127.0.0.1:1", "http://127.0.0.1:2", "/l/" + name + ".log",
        true, height, Optional.of(tip), 2, 3, OptionalLong.of(10_000), Optional.empty());
  }

  private static NodeStatus down(String name) {
    return new NodeStatus(name, false, 0, "127.0.0.1:1", "http://127.0.0.1:2", "/l", false, 0, Optional.empty(), 0, 0,
        OptionalLong.empty(), Optional.of("not running"));
  }

  @Test
  void marksTheNodeOffTheMajorityTip() {
    String a = "aa".repeat(32);
    String b = "bb".repeat(32);
    String s = StatusTable.live(List.of(up("node0", 5, a), up("node1", 5, a), up("node2", 6, b), down("node3")), 13_500);
    String[] lines = s.split("\n");
    assertFalse(lines[1].contains("differs"), lines[1]);
    assertTrue(lines[3].contains("<-- tip differs") && lines[3].contains("bbbbbbbbbbbb"), lines[3]);
    assertTrue(lines[1].contains("3s ago"), lines[1]);
    assertTrue(lines[4].contains("down"), lines[4]);
  }

  @Test
  void noMarkerWhenAllAgree() {
    String a = "aa".repeat(32);
    assertFalse(StatusTable.live(List.of(up("node0", 5, a), up("node1", 5, a), down("node2")), 0).contains("differs"));
  }

  @Test
  void jsonHasEveryNodeAndSaysWhetherTipsAgree() {
    String a = "aa".repeat(32);
    JsonObject o = JsonParser.parseString(StatusTable.json(List.of(up("node0", 5, a), down("node1")))).getAsJsonObject();
    assertEquals(2, o.getAsJsonArray("nodes").size());
    assertTrue(o.get("tipsAgree").getAsBoolean());
    assertEquals(5, o.getAsJsonArray("nodes").get(0).getAsJsonObject().get("height").getAsLong());
    assertEquals("down", o.getAsJsonArray("nodes").get(1).getAsJsonObject().get("state").getAsString());
  }
}
