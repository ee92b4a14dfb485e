package io.cairn.node.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files replaced whole: a reader, or the next start after a crash, finds the old content or the new,
 * never part of either. The one place the node and the testnet launcher do this (chain.json,
 * testnet.json, the RPC cookie, mempool.dat, the cached RocksDB library).
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Writes {@code bytes} to {@code file}: to a temporary file beside it first ({@code file.tmp},
   * replaced if a crash left one), synced to disk, then renamed over {@code file}.
   */
  public static void write(Path file, byte[] bytes) throws IOException {
    Path tmp = unfinished(file);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    replace(tmp, file);
  }

  /** Removes what a {@link #write} of {@code file} cut short by a crash left beside it, if anything. */
  public static void discardUnfinished(Path file) throws IOException {
    Files.deleteIfExists(unfinished(file));
  }

  private static Path unfinished(Path file) {
    return file.resolveSibling(file.getFileName() + ".tmp");
  }

  /**
   * Renames {@code from} over {@code to}: atomically where the file system can, else as a plain
   * replacing move (the only choice there).
   */
  public static void replace(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
