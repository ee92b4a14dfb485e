package io.cairn.node.store;

import io.cairn.node.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads RocksDB's native library from one extracted copy per library version, kept in the user's
 * cache directory ({@code $XDG_CACHE_HOME/cairn/native}, else {@code ~/.cache/cairn/native}).
 *
 * <p>RocksDB's own loader copies the 15 MB library out of the jar into a new temporary file at
 * every start and deletes it only at a normal JVM exit: every node killed with SIGKILL (the crash
 * tests, {@code cairn testnet chaos}) left 15 MB behind in /tmp, and each start paid for the copy.
 * Here the copy is made once: the directory is named after the jar entry's CRC-32 and size, the
 * file is written under a temporary name and renamed into place, so processes starting together
 * never load a half-written file. When the library is not in a jar, or the cache cannot be
 * written, RocksDB's own loader is used.
 */
public final class NativeRocks {
  private static final Logger log = LoggerFactory.getLogger(NativeRocks.class);
  private static boolean loaded;

  private NativeRocks() {}

  /** Loads the library once per JVM; safe to call from any thread, any number of times. */
  public static synchronized void load() {
    if (loaded) {
      return;
    }
    Path dir = null;
    try {
      dir = extract(cacheRoot());
    } catch (IOException | RuntimeException e) {
      log.debug("RocksDB library not cached ({}); using RocksDB's own loader", e.toString());
    }
    if (dir != null) {
      try {
        RocksDB.loadLibrary(List.of(dir.toString()));
        loaded = true;
        return;
      } catch (UnsatisfiedLinkError | RuntimeException e) {
        log.warn("cannot load the cached RocksDB library in {} ({}); using RocksDB's own loader", dir, e.toString());
      }
    }
    RocksDB.loadLibrary();
    loaded = true;
  }

  /**
   * The file name {@link RocksDB#loadLibrary(List)} loads from a directory. It is not the jar
   * entry's name: RocksDB 9 asks {@code Environment.getJniLibraryFileName("rocksdbjni")} there
   * ({@code librocksdbjnijni-linux64.so} on Linux x86-64) but stores {@code ...("rocksdb")}.
   */
  static String fileName() {
    return Environment.getJniLibraryFileName("rocksdbjni");
  }

  /** Where the copies live: {@code $XDG_CACHE_HOME/cairn/native}, else {@code ~/.cache/cairn/native}. */
  static Path cacheRoot() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("cairn").resolve("native");
  }

  /**
   * The directory under {@code root} that holds this platform's library, extracted there if it is
   * not yet; null when the library is not a jar entry (then there is nothing to key a copy by).
   */
  static Path extract(Path root) throws IOException {
    String resource = Environment.getJniLibraryFileName("rocksdb"); // what RocksDB's jar holds
    String name = fileName();
    URL url = RocksDB.class.getClassLoader().getResource(resource);
    if (url == null) {
      return null;
    }
    URLConnection c = url.openConnection();
    if (!(c instanceof JarURLConnection conn)) {
      return null;
    }
    conn.setUseCaches(false); // our own JarFile, closed below
    try (JarFile jar = conn.getJarFile()) {
      JarEntry entry = jar.getJarEntry(conn.getEntryName());
      if (entry == null || entry.getSize() < 0 || entry.getCrc() < 0) {
        return null;
      }
      Path dir = root.resolve(String.format("rocksdbjni-%08x-%d", entry.getCrc(), entry.getSize()));
      Path lib = dir.resolve(name);
      if (Files.isRegularFile(lib) && Files.size(lib) == entry.getSize()) {
        return dir;
      }
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, name, ".part");
      try {
        try (InputStream in = jar.getInputStream(entry)) {
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.size(tmp) != entry.getSize()) {
          throw new IOException("short copy of " + resource);
        }
        AtomicFiles.replace(tmp, lib);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return dir;
    }
  }
}
