package io.cairn.testnet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.testnet.launcher.JavaCommand;
import io.cairn.testnet.launcher.TestnetException;
import io.cairn.testnet.launcher.Up;
import io.cairn.testnet.plan.PlanOptions;
import io.cairn.testnet.plan.Topology;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A taken port is reported by number and nothing starts or is written. */
class PortTakenIT {
  @TempDir Path dir;

  @Test
  void upFailsBeforeStartingAnything() throws Exception {
    int base = TestnetIT.freeBase(2);
    try (ServerSocket s = TestnetIT.listen(base + 3)) {
      StringWriter w = new StringWriter();
      TestnetException e = assertThrows(TestnetException.class, () -> Up.run(dir, JavaCommand.current(),
          new Up.Request(new PlanOptions(2, 1, 1000, Topology.MESH, base, 1, 2000), false, Duration.ofSeconds(5)),
          System.currentTimeMillis(), new PrintWriter(w)));
      assertEquals(TestnetException.STATE, e.exitCode());
      assertTrue(e.getMessage().contains("port " + s.getLocalPort() + " "), e.getMessage());
      assertFalse(Files.exists(dir.resolve("testnet.json")), "nothing written");
      assertFalse(Files.exists(dir.resolve("node0")), "nothing written");
      assertFalse(w.toString().contains("Starting"), w.toString());
    }
  }
}
