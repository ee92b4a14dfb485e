package io.cairn.wallet.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A hostile or corrupted keystore gives a clear MALFORMED error naming the field, never an OOM. */
final class HostileKeystoreTest {
  static final String GOOD = KeystoreJson.toJson(KeystoreTest.sealed("w", "pw"));

  static String edit(String from, String to) {
    if (!GOOD.contains(from)) {
      throw new IllegalStateException("fixture lacks " + from);
    }
    return GOOD.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '|', value = {
    "\"n\": 16,|\"n\": 1073741824,|keystore.kdf.n must be between 1 and 1048576 but is 1073741824",
    "\"n\": 16,|\"n\": 1e400,|keystore.kdf.n must be a whole number",
    "\"n\": 16,|\"n\": 99999999999999999999999999,|keystore.kdf.n must be a whole number",
    "\"n\": 16,|\"n\": 1048576,|would need 1024 MiB",
    "\"n\": 16,|\"n\": 17,|N must be a power of two",
    "\"n\": 16,|\"n\": \"16\",|keystore.kdf.n must be a number but is a string",
    "\"r\": 8,|\"r\": -8,|keystore.kdf.r must be between 1 and 32 but is -8",
    "\"version\": 1,|\"version\": 2,|keystore.version 2 is not supported",
    "\"version\": 1,|\"version\": [1],|keystore.version must be a number but is an array",
    "\"name\": \"scrypt\",|\"name\": \"pbkdf2\",|keystore.kdf.name must be 'scrypt'",
    "\"version\": 1,|\"version\": 1, \"extra\": true,|unknown field 'extra'",
    "\"created\": 1767225600000,|\"created\": -5,|keystore.created must be between 0",
    "\"addressPrefix\": \"tcairn\",|\"addressPrefix\": \"cairn\",|wrong prefix",
    "\"index\": 1,|\"index\": 5,|keystore.accounts[1].index must be 1 but is 5",
    "\"aes-256-gcm\",|\"aes-256-gcm\", \"nonce2\": 1,|unknown field 'nonce2'",
  })
  void fieldErrors(String from, String to, String expected) {
    RejectedException e = assertThrows(RejectedException.class, () -> KeystoreJson.parse(edit(from, to), "w.json"));
    assertEquals(Reason.MALFORMED, e.reason());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().startsWith("unreadable keystore w.json: "), e.getMessage());
  }

  @Test
  void wrongHexLength() {
    String salt = KeystoreJson.parse(GOOD, "x").salt().toHex();
    RejectedException e = assertThrows(RejectedException.class, () -> KeystoreJson.parse(edit(salt, salt + "00"), "x"));
    assertTrue(e.getMessage().contains("keystore.kdf.salt must be 32 bytes"), e.getMessage());
    RejectedException e2 = assertThrows(RejectedException.class,
        () -> KeystoreJson.parse(edit(salt, "zz" + salt.substring(2)), "x"));
    assertTrue(e2.getMessage().contains("keystore.kdf.salt"), e2.getMessage());
  }

  @Test
  void notJsonOrTrailingDataOrDeepNesting() {
    assertTrue(msg("not json").contains("not valid JSON"));
    assertTrue(msg(GOOD + "{}").contains("after the JSON document") || msg(GOOD + "{}").contains("not valid JSON"));
    assertTrue(msg("[1]").contains("must be a JSON object but is an array"));
    assertTrue(msg("[".repeat(100_000)).contains("nests deeper"));
    assertTrue(msg("{'version': 1}").contains("not valid JSON"), "single quotes are not strict JSON");
    assertTrue(msg("{}").contains("lacks the field 'version'"));
  }

  @Test
  void hugeArrayIsRefusedBySize() {
    String many = "[" + "{},".repeat(2000) + "{}]";
    assertTrue(msg(edit("\"accounts\": [", "\"accounts\": " + many + ", \"x\": [")).contains("unknown field")
        || msg(edit("\"accounts\": [", "\"accounts\": " + many + ", \"x\": [")).contains("at most 1000"));
  }

  private static String msg(String json) {
    return assertThrows(RejectedException.class, () -> KeystoreJson.parse(json, "x")).getMessage();
  }
}
