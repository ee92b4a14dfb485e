package io.cairn.wallet.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for recovery-phrase parsing ({@link Bip39#toEntropy}, {@link Bip39#normalize}): any
 * text either is a valid phrase whose entropy gives back the normalised phrase, or is refused with
 * {@link Reason#MALFORMED}. The seed derivation (PBKDF2) is left out: it is not parsing.
 */
class Bip39FuzzTest {

  @FuzzTest(maxDuration = "5m")
  void phrase(byte[] input) {
    String phrase = new String(input, StandardCharsets.UTF_8);
    byte[] entropy;
    try {
      entropy = Bip39.toEntropy(phrase);
    } catch (RejectedException e) {
      assertEquals(Reason.MALFORMED, e.reason(), e.getMessage());
      return;
    }
    assertEquals(Bip39.normalize(phrase), Bip39.fromEntropy(entropy));
  }
}
