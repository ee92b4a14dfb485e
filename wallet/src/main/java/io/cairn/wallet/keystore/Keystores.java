package io.cairn.wallet.keystore;

import io.cairn.common.address.Address;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.codec.Writer;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import io.cairn.wallet.keys.AccountKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Sealing and opening keystores.
 *
 * <pre>
 * dk            = scrypt(UTF-8(NFC(password)), salt, N, r, p, 64 bytes)
 * encKey        = dk[0..32]                 checkKey = dk[32..64]
 * passwordCheck = HMAC-SHA256(checkKey, "cairn/keystore/v1/password-check")
 * ciphertext    = AES-256-GCM(encKey, nonce, plaintext = 64-byte BIP39 seed, aad = header)
 * header        = "cairn/keystore/v1" || u8 version || u8 len || name || u64 createdMs
 *                 || u8 len || addressPrefix || u32 N || u32 r || u32 p || salt || nonce
 *                 || u32 count || count x 33-byte address payload
 * </pre>
 *
 * A wrong password fails the check ({@link Reason#WRONG_PASSWORD}); a right password with a
 * failing GCM tag means the file was altered ({@link Reason#MALFORMED}). The seed is stored, not
 * the phrase: the phrase (and BIP39 passphrase) are shown once at creation and never kept.
 */
public final class Keystores {
  private static final byte[] DOMAIN = "cairn/keystore/v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CHECK_LABEL = "cairn/keystore/v1/password-check".getBytes(StandardCharsets.US_ASCII);
  /** Default number of accounts whose addresses are cached in clear. */
  public static final int DEFAULT_CACHED_ACCOUNTS = 10;

  private Keystores() {}

  /** Encrypts {@code bip39Seed} under {@code password} and caches the first {@code cached} addresses. */
  public static Keystore seal(String name, byte[] bip39Seed, String password, KdfParams kdf, String addressPrefix,
      int cached, long nowMs, SecureRandom random) {
    if (bip39Seed.length != 64) {
      throw new IllegalArgumentException("Expected a 64-byte BIP39 seed but got " + bip39Seed.length);
    }
    List<Address> accounts = new ArrayList<>(cached);
    for (int i = 0; i < cached; i++) {
      AccountKey k = AccountKey.derive(bip39Seed, i);
      accounts.add(k.address());
      k.destroy();
    }
    byte[] salt = new byte[Keystore.SALT_LENGTH];
    byte[] nonce = new byte[Keystore.NONCE_LENGTH];
    random.nextBytes(salt);
    random.nextBytes(nonce);
    byte[] dk = scrypt(password, salt, kdf);
    try {
      byte[] check = check(dk);
      Keystore header = new Keystore(Keystore.VERSION, name, nowMs, addressPrefix, kdf, Bytes.of(salt), Bytes.of(nonce),
          Bytes.of(new byte[Keystore.CIPHERTEXT_LENGTH]), Bytes.of(check), accounts);
      byte[] ct = gcm(Cipher.ENCRYPT_MODE, dk, nonce, aad(header), bip39Seed);
      return new Keystore(Keystore.VERSION, name, nowMs, addressPrefix, kdf, Bytes.of(salt), Bytes.of(nonce),
          Bytes.of(ct), Bytes.of(check), accounts);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException(e);
    } finally {
      Arrays.fill(dk, (byte) 0);
    }
  }

  /**
   * The testnet's dev wallet: the public dev phrase, named {@code dev}, empty password, accounts 0-9
   * cached. For {@code cairn testnet up}; write it with {@link WalletDir#create}.
   */
  public static Keystore devWallet(String addressPrefix, KdfParams kdf, long nowMs, SecureRandom random) {
    byte[] seed = io.cairn.wallet.keys.DevAccounts.seed();
    try {
      return seal("dev", seed, "", kdf, addressPrefix, io.cairn.wallet.keys.DevAccounts.COUNT, nowMs, random);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * Decrypts the seed.
   *
   * @throws RejectedException {@link Reason#WRONG_PASSWORD}, or {@link Reason#MALFORMED} when the
   *     file was altered or its scrypt parameters need more memory than this JVM has
   */
  public static byte[] open(Keystore ks, String password) {
    long max = Runtime.getRuntime().maxMemory();
    if (ks.kdf().memoryBytes() > max / 4 * 3) {
      throw new RejectedException(Reason.MALFORMED, "keystore '" + ks.name() + "' asks scrypt for "
          + (ks.kdf().memoryBytes() >> 20) + " MiB but this JVM may use only " + (max >> 20) + " MiB");
    }
    byte[] dk = scrypt(password, ks.salt().toArray(), ks.kdf());
    try {
      if (!MessageDigest.isEqual(check(dk), ks.passwordCheck().toArray())) {
        throw new RejectedException(Reason.WRONG_PASSWORD, "wrong password for wallet '" + ks.name() + "'");
      }
      byte[] seed = gcm(Cipher.DECRYPT_MODE, dk, ks.nonce().toArray(), aad(ks), ks.ciphertext().toArray());
      if (seed.length != 64) {
        throw tampered(ks);
      }
      return seed;
    } catch (AEADBadTagException e) {
      throw tampered(ks);
    } finally {
      Arrays.fill(dk, (byte) 0);
    }
  }

  private static RejectedException tampered(Keystore ks) {
    return new RejectedException(Reason.MALFORMED, "keystore '" + ks.name() + "' has been altered or corrupted:"
        + " the password is right but the encrypted seed or its header does not authenticate");
  }

  static byte[] aad(Keystore ks) {
    byte[] name = ks.name().getBytes(StandardCharsets.UTF_8);
    byte[] prefix = ks.addressPrefix().getBytes(StandardCharsets.US_ASCII);
    Writer w = new Writer(256 + ks.accounts().size() * Address.ENCODED_LENGTH);
    w.raw(DOMAIN).u8(ks.version()).u8(name.length).raw(name).u64(ks.createdMs()).u8(prefix.length).raw(prefix);
    w.u32(ks.kdf().n()).u32(ks.kdf().r()).u32(ks.kdf().p()).raw(ks.salt().toArray()).raw(ks.nonce().toArray());
    w.u32(ks.accounts().size());
    for (Address a : ks.accounts()) {
      w.raw(a.payload());
    }
    return w.toByteArray();
  }

  private static byte[] scrypt(String password, byte[] salt, KdfParams kdf) {
    byte[] pw = Normalizer.normalize(password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
    try {
      return SCrypt.generate(pw, salt, kdf.n(), kdf.r(), kdf.p(), 64);
    } finally {
      Arrays.fill(pw, (byte) 0);
    }
  }

  private static byte[] check(byte[] dk) {
    HMac mac = new HMac(new SHA256Digest());
    mac.init(new KeyParameter(dk, 32, 32));
    mac.update(CHECK_LABEL, 0, CHECK_LABEL.length);
    byte[] out = new byte[32];
    mac.doFinal(out, 0);
    return out;
  }

  private static byte[] gcm(int mode, byte[] dk, byte[] nonce, byte[] aad, byte[] input) throws AEADBadTagException {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(mode, new SecretKeySpec(dk, 0, 32, "AES"), new GCMParameterSpec(128, nonce));
      c.updateAAD(aad);
      return c.doFinal(input);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM unavailable: " + e.getMessage(), e);
    }
  }
}
