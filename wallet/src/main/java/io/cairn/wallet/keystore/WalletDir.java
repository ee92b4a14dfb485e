package io.cairn.wallet.keystore;

import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The wallet directory: one keystore file {@code <name>.json} per wallet, mode 0600, in a 0700
 * directory. Files are written atomically: a temporary file in the same directory is written and
 * fsynced, then linked to its final name (which fails if the name is taken, so nothing is ever
 * overwritten), then the directory is fsynced.
 */
public final class WalletDir {
  private final Path dir;

  public WalletDir(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  public Path dir() {
    return dir;
  }

  public Path file(String name) {
    requireName(name);
    return dir.resolve(name + ".json");
  }

  /** Names of the wallets in the directory, sorted; empty when the directory does not exist. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
      for (Path p : ds) {
        String f = p.getFileName().toString();
        String name = f.substring(0, f.length() - ".json".length());
        if (Keystore.validName(name) && Files.isRegularFile(p)) {
          out.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list wallet directory " + dir + ": " + e.getMessage(), e);
    }
    out.sort(null);
    return out;
  }

  public boolean exists(String name) {
    return Files.exists(file(name));
  }

  /**
   * The wallet to use: {@code name} if given, else the only wallet in the directory.
   *
   * @throws RejectedException {@link Reason#NOT_FOUND} when there is no such wallet, none, or
   *     several and no name was given
   */
  public String resolve(Optional<String> name) {
    if (name.isPresent()) {
      requireName(name.get());
      if (!exists(name.get())) {
        throw new RejectedException(Reason.NOT_FOUND, "unknown wallet '" + name.get() + "' in " + dir + known());
      }
      return name.get();
    }
    List<String> names = names();
    if (names.isEmpty()) {
      throw new RejectedException(Reason.NOT_FOUND, "no wallet in " + dir + "; create one with 'cairn wallet create'");
    }
    if (names.size() > 1) {
      throw new RejectedException(Reason.NOT_FOUND, "several wallets in " + dir + " (" + String.join(", ", names)
          + "); choose one with --wallet NAME");
    }
    return names.get(0);
  }

  private String known() {
    List<String> names = names();
    return names.isEmpty() ? " (there are none)" : " (known: " + String.join(", ", names) + ")";
  }

  /**
   * Reads and parses a keystore.
   *
   * @throws RejectedException {@link Reason#NOT_FOUND} or {@link Reason#MALFORMED}
   */
  public Keystore load(String name) {
    Path f = file(name);
    byte[] raw;
    try (InputStream in = Files.newInputStream(f)) {
      raw = in.readNBytes(KeystoreJson.MAX_FILE_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new RejectedException(Reason.NOT_FOUND, "unknown wallet '" + name + "' in " + dir + known());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
    }
    if (raw.length > KeystoreJson.MAX_FILE_BYTES) {
      throw new RejectedException(Reason.MALFORMED, "unreadable keystore " + f + ": file is larger than "
          + KeystoreJson.MAX_FILE_BYTES + " bytes");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
    } catch (CharacterCodingException e) {
      throw new RejectedException(Reason.MALFORMED, "unreadable keystore " + f + ": not UTF-8 text");
    }
    Keystore ks = KeystoreJson.parse(text, f.toString());
    if (!ks.name().equals(name)) {
      throw new RejectedException(Reason.MALFORMED, "unreadable keystore " + f + ": it names wallet '" + ks.name()
          + "' but its file is " + f.getFileName());
    }
    return ks;
  }

  /**
   * Writes a new keystore atomically with mode 0600.
   *
   * @throws RejectedException {@link Reason#ALREADY_KNOWN} when a wallet of that name exists
   */
  public Path create(Keystore ks) {
    Path target = file(ks.name());
    byte[] bytes = KeystoreJson.toJson(ks).getBytes(StandardCharsets.UTF_8);
    try {
      createDirectory();
      if (Files.exists(target)) {
        throw alreadyExists(ks.name());
      }
      Path tmp = posix() ? Files.createTempFile(dir, "." + ks.name() + "-", ".tmp", ownerOnly("rw-------"))
          : Files.createTempFile(dir, "." + ks.name() + "-", ".tmp");
      try {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
          ByteBuffer buf = ByteBuffer.wrap(bytes);
          while (buf.hasRemaining()) {
            ch.write(buf);
          }
          ch.force(true);
        }
        try {
          Files.createLink(target, tmp);
        } catch (UnsupportedOperationException e) {
          Files.move(tmp, target);
        }
      } catch (FileAlreadyExistsException e) {
        throw alreadyExists(ks.name());
      } finally {
        Files.deleteIfExists(tmp);
      }
      syncDirectory();
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private RejectedException alreadyExists(String name) {
    return new RejectedException(Reason.ALREADY_KNOWN, "a wallet named '" + name + "' already exists in " + dir);
  }

  private void createDirectory() throws IOException {
    if (!Files.isDirectory(dir)) {
      if (posix()) {
        Files.createDirectories(dir, ownerOnly("rwx------"));
      } else {
        Files.createDirectories(dir);
      }
    }
  }

  private void syncDirectory() {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open or sync a directory; the file itself is already synced.
    }
  }

  private static boolean posix() {
    return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<?> ownerOnly(String perms) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms));
  }

  private static void requireName(String name) {
    if (!Keystore.validName(name)) {
      throw new RejectedException(Reason.MALFORMED, "invalid wallet name '" + (name == null ? "" : name)
          + "': use 1 to 64 letters, digits, '-' or '_'");
    }
  }
}
