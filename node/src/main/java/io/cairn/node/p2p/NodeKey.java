package io.cairn.node.p2p;

import io.cairn.common.crypto.Ed25519;
import io.cairn.common.crypto.PublicKey;
import io.cairn.node.p2p.wire.NodeId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The node's persistent Ed25519 identity key. Stored as the raw 32-byte seed in {@code
 * <datadir>/node.key} (mode 0600), generated on first start; the node id is SHA-256 of the public key.
 */
public final class NodeKey {
  public static final String FILE_NAME = "node.key";
  private final byte[] seed;
  private final PublicKey publicKey;
  private final NodeId id;

  private NodeKey(byte[] seed) {
    this.seed = seed.clone();
    this.publicKey = PublicKey.of(Ed25519.publicKey(seed));
    this.id = NodeId.of(publicKey);
  }

  /** A key from a 32-byte seed (tests and simulations). */
  public static NodeKey fromSeed(byte[] seed32) {
    return new NodeKey(seed32);
  }

  public static NodeKey generate() {
    byte[] seed = new byte[Ed25519.SEED_LENGTH];
    new SecureRandom().nextBytes(seed);
    return new NodeKey(seed);
  }

  /** Loads {@code dir/node.key}, creating it (mode 0600, written atomically) when absent. */
  public static NodeKey loadOrCreate(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    try {
      if (Files.exists(file)) {
        byte[] seed = Files.readAllBytes(file);
        if (seed.length != Ed25519.SEED_LENGTH) {
          throw new IllegalStateException("Expected a 32-byte node key in " + file + " but it holds " + seed.length + " bytes");
        }
        return new NodeKey(seed);
      }
      Files.createDirectories(dir);
      NodeKey key = generate();
      Path tmp = dir.resolve(FILE_NAME + ".tmp");
      Files.deleteIfExists(tmp);
      try {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(tmp);
      }
      Files.write(tmp, key.seed);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        Files.deleteIfExists(tmp);
        return loadOrCreate(dir);
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the node key in " + dir, e);
    }
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public NodeId id() {
    return id;
  }

  public byte[] sign(byte[] message) {
    return Ed25519.sign(seed, publicKey.toArray(), message);
  }
}
