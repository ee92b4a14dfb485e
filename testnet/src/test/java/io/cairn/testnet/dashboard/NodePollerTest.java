package io.cairn.testnet.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cairn.testnet.dashboard.DashboardModel.NodeView;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodePollerTest {
  @Test
  void aNodeWithoutItsCookieFileIsShownDownWithThatReason(@TempDir Path dir) {
    DashboardModel model = new DashboardModel(4, 60_000);
    model.node("node0", true, "http://127.0.0.1:1/");
    Path cookie = dir.resolve(".cookie");
    NodePoller poller = new NodePoller("node0", URI.create("http://127.0.0.1:1/"), cookie, new Object(), model, () -> 1_000);

    poller.poll();

    NodeView v = model.snapshot(1_000, 4).nodes().get(0);
    assertFalse(v.up());
    assertEquals("no cookie file " + cookie + " (not running?)", v.error());
  }
}
