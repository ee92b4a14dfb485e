package io.cairn.node.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole directory trees (throwaway work and data directories). */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Deletes {@code path} and, when it is a directory, everything below it, deepest first. Symbolic
   * links are deleted, never followed. Nothing happens when it does not exist.
   */
  public static void delete(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(path)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
