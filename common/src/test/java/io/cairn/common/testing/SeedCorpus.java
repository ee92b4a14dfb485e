package io.cairn.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes seed inputs for Jazzer fuzz targets where JUnit's regression mode finds them:
 * {@code <module>/src/test/resources/<package path>/<Class>Inputs/<method>/<name>}. Used by each
 * module's {@code FuzzSeeds} main (run once, output committed); see docs/reliability.md.
 */
public final class SeedCorpus {
  private final Path resources;

  /** {@code moduleDir} is the module root, e.g. {@code common}. */
  public SeedCorpus(Path moduleDir) {
    this.resources = moduleDir.resolve("src/test/resources");
  }

  /** {@code fuzzTest} is the fully qualified name of the (package-private) fuzz test class. */
  public void write(String fuzzTest, String method, String name, byte[] data) {
    Path dir = resources.resolve(fuzzTest.replace('.', '/') + "Inputs").resolve(method);
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(name), data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void text(String fuzzTest, String method, String name, String text) {
    write(fuzzTest, method, name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy of {@code data} with {@code n} bytes cut off the end. */
  public static byte[] truncated(byte[] data, int n) {
    byte[] out = new byte[Math.max(0, data.length - n)];
    System.arraycopy(data, 0, out, 0, out.length);
    return out;
  }

  /** A copy of {@code data} with {@code extra} appended. */
  public static byte[] plus(byte[] data, byte... extra) {
    byte[] out = new byte[data.length + extra.length];
    System.arraycopy(data, 0, out, 0, data.length);
    System.arraycopy(extra, 0, out, data.length, extra.length);
    return out;
  }

  /** A copy of {@code data} with the bytes at {@code offset} replaced by {@code patch}. */
  public static byte[] patched(byte[] data, int offset, byte... patch) {
    byte[] out = data.clone();
    System.arraycopy(patch, 0, out, offset, patch.length);
    return out;
  }
}
