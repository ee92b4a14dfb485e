package io.cairn.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RocksDB library is copied out of its jar once per version, never half-written, then reused. */
class NativeRocksTest {
  private static final String NAME = NativeRocks.fileName();

  @Test
  void extractsOnceAndReusesTheCopy(@TempDir Path root) throws Exception {
    Path dir = NativeRocks.extract(root);
    assertNotNull(dir, "the test class path holds RocksDB's jar");
    Path lib = dir.resolve(NAME);
    assertTrue(Files.size(lib) > 1_000_000, "the library was copied whole");
    assertTrue(dir.getFileName().toString().matches("rocksdbjni-[0-9a-f]{8}-" + Files.size(lib)), dir.toString());
    FileTime old = FileTime.fromMillis(1_000_000_000L);
    Files.setLastModifiedTime(lib, old);

    assertEquals(dir, NativeRocks.extract(root));
    assertEquals(old, Files.getLastModifiedTime(lib), "an existing copy is not written again");
  }

  @Test
  void processesStartingTogetherLeaveOneWholeCopy(@TempDir Path root) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Path>> all = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        all.add(pool.submit(() -> NativeRocks.extract(root)));
      }
      Path dir = all.get(0).get();
      for (Future<Path> f : all) {
        assertEquals(dir, f.get());
      }
      try (Stream<Path> files = Files.list(dir)) {
        assertEquals(List.of(NAME), files.map(p -> p.getFileName().toString()).toList(), "no temporary copy is left");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTruncatedCopyIsReplaced(@TempDir Path root) throws Exception {
    Path dir = NativeRocks.extract(root);
    long size = Files.size(dir.resolve(NAME));
    Files.write(dir.resolve(NAME), new byte[100]);
    assertEquals(dir, NativeRocks.extract(root));
    assertEquals(size, Files.size(dir.resolve(NAME)));
  }
}
