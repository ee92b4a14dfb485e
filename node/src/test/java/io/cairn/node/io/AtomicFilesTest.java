package io.cairn.node.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file replaced whole: new content in place, the old one gone, no temporary file left. */
class AtomicFilesTest {
  @Test
  void writeReplacesTheWholeFileAndLeavesNoTemporaryOne(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("state.json");
    AtomicFiles.write(file, "first, and longer".getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("state.json.tmp"), "left by a crash");
    AtomicFiles.write(file, "second".getBytes(StandardCharsets.UTF_8));
    assertEquals("second", Files.readString(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("state.json"), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void discardUnfinishedRemovesOnlyWhatACutShortWriteLeft(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("state.json"), "kept");
    AtomicFiles.discardUnfinished(file); // nothing left over: nothing happens
    Files.writeString(dir.resolve("state.json.tmp"), "left by a crash");
    AtomicFiles.discardUnfinished(file);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("state.json"), files.map(p -> p.getFileName().toString()).toList());
    }
    assertEquals("kept", Files.readString(file));
  }

  @Test
  void replaceMovesOverAnExistingFile(@TempDir Path dir) throws IOException {
    Path from = Files.write(dir.resolve("a"), new byte[] {1, 2, 3});
    Path to = Files.write(dir.resolve("b"), new byte[] {9});
    AtomicFiles.replace(from, to);
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(to));
    assertFalse(Files.exists(from));
  }
}
