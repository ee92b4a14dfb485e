package io.cairn.node.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplorerUrlTest {
  @Test
  void theTokenGoesInTheFragmentNeverTheQuery(@TempDir Path dir) throws Exception {
    Path cookie = Files.writeString(dir.resolve(".cookie"), "ab12" + "0".repeat(60));
    assertEquals(URI.create("http://127.0.0.1:7421/#token=ab12" + "0".repeat(60)),
        ExplorerUrl.withToken(URI.create("http://127.0.0.1:7421"), cookie));
    assertEquals(URI.create("http://127.0.0.1:17421/#token=ff"),
        ExplorerUrl.withToken(URI.create("http://127.0.0.1:17421/some/path?x=1#y"), "ff"));
  }

  @Test
  void aTokenThatIsNotHexIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> ExplorerUrl.withToken(URI.create("http://127.0.0.1:7421"), "ab&evil=1"));
  }
}
