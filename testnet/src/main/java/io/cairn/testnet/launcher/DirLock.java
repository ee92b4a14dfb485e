package io.cairn.testnet.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;

/** {@code <dir>/testnet.lock}, held while a command creates, starts or stops nodes, so two cannot race. */
final class DirLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DirLock acquire(Layout layout) {
    try {
      FileChannel ch = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        ch.close();
        throw TestnetException.state("another 'cairn testnet' command is changing " + layout.dir() + " right now");
      }
      return new DirLock(ch, l);
    } catch (IOException e) {
      throw TestnetException.failed("cannot lock " + layout.lockFile() + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // released when the process exits anyway
    }
  }
}
