package io.cairn.wallet.keystore;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.cairn.common.address.Address;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.bytes.Hex;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import io.cairn.wallet.json.StrictJson;
import io.cairn.wallet.json.StrictJson.JsonFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The keystore file format (JSON, UTF-8, at most {@link #MAX_FILE_BYTES}):
 *
 * <pre>
 * {
 *   "version": 1,
 *   "name": "main",
 *   "created": 1767225600000,
 *   "addressPrefix": "tcairn",
 *   "kdf": { "name": "scrypt", "n": 131072, "r": 8, "p": 1, "salt": "&lt;32 bytes hex&gt;" },
 *   "cipher": { "name": "aes-256-gcm", "content": "bip39-seed", "nonce": "&lt;12 bytes hex&gt;",
 *               "ciphertext": "&lt;80 bytes hex: 64-byte seed + 16-byte tag&gt;",
 *               "passwordCheck": "&lt;32 bytes hex&gt;" },
 *   "accounts": [ { "index": 0, "address": "tcairn1..." }, ... ]
 * }
 * </pre>
 *
 * Parsing is strict: unknown or missing fields, wrong types, out-of-range numbers, bad hex, wrong
 * lengths and scrypt parameters outside {@link KdfParams}' bounds are {@link Reason#MALFORMED}
 * errors that name the field. Nothing in the file can make the parser allocate more than the file.
 */
public final class KeystoreJson {
  public static final int MAX_FILE_BYTES = 256 * 1024;
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private KeystoreJson() {}

  public static String toJson(Keystore ks) {
    JsonObject o = new JsonObject();
    o.addProperty("version", ks.version());
    o.addProperty("name", ks.name());
    o.addProperty("created", ks.createdMs());
    o.addProperty("addressPrefix", ks.addressPrefix());
    JsonObject kdf = new JsonObject();
    kdf.addProperty("name", "scrypt");
    kdf.addProperty("n", ks.kdf().n());
    kdf.addProperty("r", ks.kdf().r());
    kdf.addProperty("p", ks.kdf().p());
    kdf.addProperty("salt", ks.salt().toHex());
    o.add("kdf", kdf);
    JsonObject cipher = new JsonObject();
    cipher.addProperty("name", "aes-256-gcm");
    cipher.addProperty("content", "bip39-seed");
    cipher.addProperty("nonce", ks.nonce().toHex());
    cipher.addProperty("ciphertext", ks.ciphertext().toHex());
    cipher.addProperty("passwordCheck", ks.passwordCheck().toHex());
    o.add("cipher", cipher);
    JsonArray accounts = new JsonArray();
    for (int i = 0; i < ks.accounts().size(); i++) {
      JsonObject a = new JsonObject();
      a.addProperty("index", i);
      a.addProperty("address", ks.accounts().get(i).encode(ks.addressPrefix()));
      accounts.add(a);
    }
    o.add("accounts", accounts);
    return GSON.toJson(o) + "\n";
  }

  /**
   * Parses a keystore file's text.
   *
   * @throws RejectedException {@link Reason#MALFORMED} saying which field is wrong
   */
  public static Keystore parse(String text, String source) {
    if (text.length() > MAX_FILE_BYTES) {
      throw bad(source, "file is larger than " + MAX_FILE_BYTES + " bytes");
    }
    try {
      JsonObject o = StrictJson.object(StrictJson.parse(text, "keystore"), "keystore");
      StrictJson.onlyKeys(o, Set.of("version", "name", "created", "addressPrefix", "kdf", "cipher", "accounts"), "keystore");
      long version = StrictJson.integer(o, "version", 0, Integer.MAX_VALUE, "keystore");
      if (version != Keystore.VERSION) {
        throw new JsonFormatException("keystore.version " + version + " is not supported (expected 1)");
      }
      String name = StrictJson.string(o, "name", 64, "keystore");
      long created = StrictJson.integer(o, "created", 0, Long.MAX_VALUE, "keystore");
      String prefix = StrictJson.string(o, "addressPrefix", 16, "keystore");

      JsonObject kdf = StrictJson.object(StrictJson.required(o, "kdf", "keystore"), "keystore.kdf");
      StrictJson.onlyKeys(kdf, Set.of("name", "n", "r", "p", "salt"), "keystore.kdf");
      expect(kdf, "name", "scrypt", "keystore.kdf");
      int n = (int) StrictJson.integer(kdf, "n", 1, KdfParams.MAX_N, "keystore.kdf");
      int r = (int) StrictJson.integer(kdf, "r", 1, 32, "keystore.kdf");
      int p = (int) StrictJson.integer(kdf, "p", 1, 16, "keystore.kdf");
      KdfParams params;
      try {
        params = new KdfParams(n, r, p);
      } catch (IllegalArgumentException e) {
        throw new JsonFormatException("keystore.kdf: " + e.getMessage());
      }
      Bytes salt = hex(kdf, "salt", Keystore.SALT_LENGTH, "keystore.kdf");

      JsonObject c = StrictJson.object(StrictJson.required(o, "cipher", "keystore"), "keystore.cipher");
      StrictJson.onlyKeys(c, Set.of("name", "content", "nonce", "ciphertext", "passwordCheck"), "keystore.cipher");
      expect(c, "name", "aes-256-gcm", "keystore.cipher");
      expect(c, "content", "bip39-seed", "keystore.cipher");
      Bytes nonce = hex(c, "nonce", Keystore.NONCE_LENGTH, "keystore.cipher");
      Bytes ct = hex(c, "ciphertext", Keystore.CIPHERTEXT_LENGTH, "keystore.cipher");
      Bytes check = hex(c, "passwordCheck", Keystore.CHECK_LENGTH, "keystore.cipher");

      JsonArray arr = StrictJson.array(o, "accounts", Keystore.MAX_ACCOUNTS, "keystore");
      List<Address> accounts = new ArrayList<>(arr.size());
      for (int i = 0; i < arr.size(); i++) {
        String where = "keystore.accounts[" + i + "]";
        JsonObject a = StrictJson.object(arr.get(i), where);
        StrictJson.onlyKeys(a, Set.of("index", "address"), where);
        long idx = StrictJson.integer(a, "index", 0, Integer.MAX_VALUE, where);
        if (idx != i) {
          throw new JsonFormatException(where + ".index must be " + i + " but is " + idx);
        }
        String addr = StrictJson.string(a, "address", 200, where);
        try {
          accounts.add(Address.parse(addr, prefix));
        } catch (RejectedException e) {
          throw new JsonFormatException(where + ".address: " + e.getMessage());
        }
      }
      try {
        return new Keystore((int) version, name, created, prefix, params, salt, nonce, ct, check, accounts);
      } catch (IllegalArgumentException e) {
        throw new JsonFormatException("keystore: " + e.getMessage());
      }
    } catch (JsonFormatException e) {
      throw bad(source, e.getMessage());
    }
  }

  private static void expect(JsonObject o, String key, String value, String what) {
    String v = StrictJson.string(o, key, 64, what);
    if (!v.equals(value)) {
      throw new JsonFormatException(what + "." + key + " must be '" + value + "' but is '" + StrictJson.clip(v) + "'");
    }
  }

  private static Bytes hex(JsonObject o, String key, int length, String what) {
    String s = StrictJson.string(o, key, length * 2 + 2, what);
    if (s.length() != length * 2) {
      throw new JsonFormatException(what + "." + key + " must be " + length + " bytes (" + length * 2
          + " hex digits) but has " + s.length() + " digits");
    }
    try {
      return Bytes.of(Hex.decode(s));
    } catch (IllegalArgumentException e) {
      throw new JsonFormatException(what + "." + key + ": " + e.getMessage());
    }
  }

  private static RejectedException bad(String source, String detail) {
    return new RejectedException(Reason.MALFORMED, "unreadable keystore " + source + ": " + detail);
  }
}
