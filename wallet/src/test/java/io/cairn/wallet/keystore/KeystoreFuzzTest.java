package io.cairn.wallet.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for the keystore file parser, parse only (scrypt never runs here): arbitrary bytes,
 * read the way {@link WalletDir#load} reads a file (size bound, strict UTF-8), either give a
 * keystore that writes and re-reads to itself, or a {@link Reason#MALFORMED} error with a message.
 * Any other exception, StackOverflowError or OutOfMemoryError is a finding.
 */
class KeystoreFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void parse(byte[] file) {
    if (file.length > KeystoreJson.MAX_FILE_BYTES) {
      return;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
    } catch (CharacterCodingException e) {
      return;
    }
    Keystore ks;
    try {
      ks = KeystoreJson.parse(text, "fuzz.json");
    } catch (RejectedException e) {
      assertEquals(Reason.MALFORMED, e.reason(), e.getMessage());
      return;
    }
    assertEquals(ks, KeystoreJson.parse(KeystoreJson.toJson(ks), "fuzz.json"));
  }
}
