package io.cairn.node.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tree is deleted whole; what its symbolic links point to is left alone. */
class FileTreesTest {
  @Test
  void deletesTheTreeButNotWhatItsLinksPointTo(@TempDir Path dir) throws IOException {
    Path keep = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(keep.resolve("precious"), "x");
    Path tree = Files.createDirectories(dir.resolve("work/a/b"));
    Files.writeString(tree.resolve("f"), "y");
    Files.createSymbolicLink(dir.resolve("work/link"), keep);
    Path topLink = Files.createSymbolicLink(dir.resolve("top-link"), keep);

    FileTrees.delete(dir.resolve("work"));
    FileTrees.delete(topLink);
    FileTrees.delete(dir.resolve("never-there"));

    assertFalse(Files.exists(dir.resolve("work")));
    assertFalse(Files.exists(topLink, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertTrue(Files.exists(keep.resolve("precious")), "a link's target was deleted");
  }
}
