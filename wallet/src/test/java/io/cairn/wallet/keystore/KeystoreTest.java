package io.cairn.wallet.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import io.cairn.wallet.keys.AccountKey;
import io.cairn.wallet.keys.Bip39;
import io.cairn.wallet.keys.DevAccounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class KeystoreTest {
  /** Small scrypt cost so tests stay fast; the default is checked separately. */
  static final KdfParams FAST = new KdfParams(1 << 4, 8, 1);
  static final byte[] SEED = Bip39.seed("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", "");

  @TempDir Path tmp;

  static Keystore sealed(String name, String password) {
    return Keystores.seal(name, SEED, password, FAST, "tcairn", 3, 1_767_225_600_000L, new SecureRandom());
  }

  @Test
  void roundTripThroughFile() throws Exception {
    WalletDir dir = new WalletDir(tmp.resolve("wallets"));
    Keystore ks = sealed("main", "correct horse");
    Path f = dir.create(ks);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.dir())));
    Keystore back = dir.load("main");
    assertEquals(ks, back);
    assertArrayEquals(SEED, Keystores.open(back, "correct horse"));
    assertEquals(AccountKey.derive(SEED, 2).address(), back.accounts().get(2));
    assertEquals(List.of("main"), dir.names());
    assertEquals("main", dir.resolve(Optional.empty()));
    try (var s = Files.list(dir.dir())) {
      assertEquals(1, s.count(), "no temporary file left behind");
    }
  }

  @Test
  void devWalletOpensWithEmptyPassword() {
    Keystore dev = Keystores.devWallet("tcairn", FAST, 0, new SecureRandom());
    assertEquals("dev", dev.name());
    assertEquals(DevAccounts.addresses(), dev.accounts());
    assertTrue(DevAccounts.isDevSeed(Keystores.open(dev, "")));
  }

  @Test
  void defaultCostIsScryptN2to17() {
    assertEquals(new KdfParams(131072, 8, 1), KdfParams.DEFAULT);
    assertEquals(128L << 20, KdfParams.DEFAULT.memoryBytes());
  }

  @Test
  void wrongPasswordIsClearAndChangesNothing() throws Exception {
    WalletDir dir = new WalletDir(tmp);
    Path f = dir.create(sealed("w", "right"));
    byte[] before = Files.readAllBytes(f);
    RejectedException e = assertThrows(RejectedException.class, () -> Keystores.open(dir.load("w"), "wrong"));
    assertEquals(Reason.WRONG_PASSWORD, e.reason());
    assertEquals("wrong password for wallet 'w'", e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(f));
  }

  @Test
  void createRefusesToOverwrite() throws Exception {
    WalletDir dir = new WalletDir(tmp);
    Path f = dir.create(sealed("w", "a"));
    byte[] before = Files.readAllBytes(f);
    RejectedException e = assertThrows(RejectedException.class, () -> dir.create(sealed("w", "b")));
    assertEquals(Reason.ALREADY_KNOWN, e.reason());
    assertArrayEquals(before, Files.readAllBytes(f));
  }

  @Test
  void tamperedCiphertextIsDetected() throws Exception {
    Keystore ks = sealed("w", "pw");
    String json = KeystoreJson.toJson(ks);
    String ct = ks.ciphertext().toHex();
    String flipped = (ct.charAt(0) == '0' ? "1" : "0") + ct.substring(1);
    Keystore bad = KeystoreJson.parse(json.replace(ct, flipped), "test");
    RejectedException e = assertThrows(RejectedException.class, () -> Keystores.open(bad, "pw"));
    assertEquals(Reason.MALFORMED, e.reason());
    assertTrue(e.getMessage().contains("altered"), e.getMessage());
  }

  @Test
  void tamperedCachedAddressIsDetectedOnUnlock() {
    Keystore ks = sealed("w", "pw");
    String json = KeystoreJson.toJson(ks);
    String a1 = ks.accounts().get(1).encode("tcairn");
    String other = DevAccounts.account(0).address().encode("tcairn");
    Keystore bad = KeystoreJson.parse(json.replace(a1, other), "test");
    assertEquals(Reason.MALFORMED, assertThrows(RejectedException.class, () -> Keystores.open(bad, "pw")).reason());
  }

  @Test
  void tamperedCreatedTimeIsDetectedOnUnlock() {
    Keystore ks = sealed("w", "pw");
    String json = KeystoreJson.toJson(ks).replace("1767225600000", "1767225600001");
    Keystore bad = KeystoreJson.parse(json, "test");
    assertEquals(Reason.MALFORMED, assertThrows(RejectedException.class, () -> Keystores.open(bad, "pw")).reason());
  }

  @Test
  void renamedFileIsRefused() throws Exception {
    WalletDir dir = new WalletDir(tmp);
    Path f = dir.create(sealed("w", "pw"));
    Files.copy(f, tmp.resolve("other.json"));
    RejectedException e = assertThrows(RejectedException.class, () -> dir.load("other"));
    assertTrue(e.getMessage().contains("names wallet 'w'"), e.getMessage());
  }

  @Test
  void unknownAndAmbiguousWallets() {
    WalletDir dir = new WalletDir(tmp);
    RejectedException none = assertThrows(RejectedException.class, () -> dir.resolve(Optional.empty()));
    assertEquals(Reason.NOT_FOUND, none.reason());
    dir.create(sealed("a", "pw"));
    dir.create(sealed("b", "pw"));
    RejectedException many = assertThrows(RejectedException.class, () -> dir.resolve(Optional.empty()));
    assertTrue(many.getMessage().contains("(a, b)"), many.getMessage());
    RejectedException unknown = assertThrows(RejectedException.class, () -> dir.resolve(Optional.of("c")));
    assertEquals("unknown wallet 'c' in " + dir.dir() + " (known: a, b)", unknown.getMessage());
    assertEquals(Reason.MALFORMED, assertThrows(RejectedException.class, () -> dir.resolve(Optional.of("../x"))).reason());
  }

  @Test
  void oversizedFileIsRefusedWithoutParsing() throws Exception {
    Files.write(tmp.resolve("big.json"), new byte[KeystoreJson.MAX_FILE_BYTES + 10]);
    RejectedException e = assertThrows(RejectedException.class, () -> new WalletDir(tmp).load("big"));
    assertTrue(e.getMessage().contains("larger than"), e.getMessage());
  }

  @Test
  void notUtf8() throws Exception {
    Files.write(tmp.resolve("bin.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x7b});
    assertTrue(assertThrows(RejectedException.class, () -> new WalletDir(tmp).load("bin")).getMessage().contains("UTF-8"));
  }

  @Test
  void writtenJsonIsStable() {
    String json = KeystoreJson.toJson(sealed("w", "pw"));
    assertTrue(json.contains("\"name\": \"scrypt\""));
    assertTrue(json.contains("\"content\": \"bip39-seed\""));
    assertEquals(json, KeystoreJson.toJson(KeystoreJson.parse(json, "test")));
    assertTrue(new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).contains("tcairn1"));
  }
}
