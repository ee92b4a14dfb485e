package io.cairn.node.rpc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CookieAuthTest {
  @TempDir Path dir;

  @Test
  void acceptsBearerAndBasicWithTheToken() throws Exception {
    CookieAuth auth = CookieAuth.create(dir.resolve("nested/data"), new SecureRandom());
    String token = Files.readString(auth.file());
    assertTrue(auth.accepts("Bearer " + token));
    assertTrue(auth.accepts("BEARER   " + token + "  "));
    assertTrue(auth.accepts(RpcTestClient.basic("__cookie__", token)));
    assertFalse(auth.accepts(null));
    assertFalse(auth.accepts(""));
    assertFalse(auth.accepts(token));
    assertFalse(auth.accepts("Bearer " + token.toUpperCase()));
    assertFalse(auth.accepts("Bearer " + token.substring(1)));
    assertFalse(auth.accepts(RpcTestClient.basic("__cookie__", token + ":")));
    assertFalse(auth.accepts(RpcTestClient.basic("", token)));
    assertFalse(auth.accepts("Basic " + java.util.Base64.getEncoder().encodeToString(token.getBytes())));
    assertFalse(auth.accepts("Digest " + token));
    auth.delete();
    assertFalse(Files.exists(auth.file()));
    auth.delete();
  }

  @Test
  void eachCookieIsFreshAndReplacesTheOld() throws Exception {
    CookieAuth a = CookieAuth.create(dir, new SecureRandom());
    String first = Files.readString(a.file());
    CookieAuth b = CookieAuth.create(dir, new SecureRandom());
    String second = Files.readString(b.file());
    assertNotEquals(first, second);
    assertFalse(b.accepts("Bearer " + first));
    assertTrue(b.accepts("Bearer " + second));
  }
}
