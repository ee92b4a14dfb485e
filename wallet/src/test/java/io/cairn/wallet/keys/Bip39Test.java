package io.cairn.wallet.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.bytes.Hex;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** BIP39 against the Trezor reference vectors (trezor/python-mnemonic vectors.json, passphrase "TREZOR"). */
final class Bip39Test {

  @ParameterizedTest
  @CsvSource({
    "00000000000000000000000000000000, abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about,"
        + " c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04",
    "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f, legal winner thank year wave sausage worth useful legal winner thank yellow,"
        + " 2e8905819b8723fe2c1d161860e5ee1830318dbf49a83bd451cfb8440c28bd6fa457fe1296106559a3c80937a1c1069be3a3a5bd381ee6260e8d9739fce1f607",
    "ffffffffffffffffffffffffffffffff, zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong,"
        + " ac27495480225222079d7be181583751e86f571027b0497b5b5d11218e0a8a13332572917f0f8e5a589620c6f15b11c61dee327651a14c34e18231052e48c069",
    "0000000000000000000000000000000000000000000000000000000000000000, abandon abandon abandon abandon abandon abandon abandon abandon"
        + " abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art,"
        + " bda85446c68413707090a52022edd26a1c9462295029f2e60cd7c4f2bbd3097170af7a4d73245cafa9c3cca8d561a7c3de6f5d4a10be8ed2a5e608d68f92fcc8",
    "9e885d952ad362caeb4efe34a8e91bd2, ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic,"
        + " 274ddc525802f7c828d8ef7ddbcdc5304e87ac3535913611fbbfa986d0c9e5476c91689f9c8a54fd55bd38606aa6a8595ad213d4c9c9f9aca3fb217069a41028",
    "68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c, hamster diagram private dutch cause delay private meat slide"
        + " toddler razor book happy fancy gospel tennis maple dilemma loan word shrug inflict delay length,"
        + " 64c87cde7e12ecf6704ab95bb1408bef047c22db4cc7491c4271d170a1b213d20b385bc1588d9c7b38f1b39d415665b8a9030c9ec653d75e65f847d8fc1fc440",
  })
  void trezorVectors(String entropyHex, String phrase, String seedHex) {
    byte[] entropy = Hex.decode(entropyHex);
    assertEquals(phrase, Bip39.fromEntropy(entropy));
    assertArrayEquals(entropy, Bip39.toEntropy(phrase));
    assertEquals(seedHex, Hex.encode(Bip39.seed(phrase, "TREZOR")));
  }

  @Test
  void wordlistIsTheStandardOne() throws Exception {
    try (InputStream in = Bip39.class.getResourceAsStream("english.txt")) {
      byte[] sha = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
      assertEquals("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda", Hex.encode(sha));
    }
    assertEquals(2048, new HashSet<>(Bip39.wordlist()).size());
  }

  @Test
  void generatedPhrasesRoundTripAndDiffer() {
    SecureRandom r = new SecureRandom();
    String a = Bip39.generate(12, r);
    String b = Bip39.generate(24, r);
    assertEquals(12, a.split(" ").length);
    assertEquals(24, b.split(" ").length);
    assertEquals(16, Bip39.toEntropy(a).length);
    assertEquals(32, Bip39.toEntropy(b).length);
    assertNotEquals(a, Bip39.generate(12, r));
  }

  @Test
  void normalisesCaseAndSpacing() {
    String messy = "  Abandon abandon\tabandon abandon abandon abandon abandon abandon abandon abandon abandon  ABOUT \n";
    assertEquals("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
        Bip39.normalize(messy));
  }

  @Test
  void wrongWordCount() {
    RejectedException e = assertThrows(RejectedException.class, () -> Bip39.toEntropy("abandon abandon abandon"));
    assertEquals(Reason.MALFORMED, e.reason());
    assertEquals("wrong word count: expected 12, 15, 18, 21 or 24 words but got 3", e.getMessage());
    assertTrue(assertThrows(RejectedException.class, () -> Bip39.toEntropy("  ")).getMessage().contains("got 0"));
  }

  @Test
  void unknownWordNamesWordAndPosition() {
    RejectedException e = assertThrows(RejectedException.class, () -> Bip39.toEntropy(
        "abandon abandon abandon abandon abandonn abandon abandon abandon abandon abandon abandon about"));
    assertEquals("unknown word 'abandonn' at position 5 (did you mean 'abandon'?)", e.getMessage());
    RejectedException e2 = assertThrows(RejectedException.class, () -> Bip39.toEntropy(
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon qqqqqqq"));
    assertEquals("unknown word 'qqqqqqq' at position 12", e2.getMessage());
    RejectedException e3 = assertThrows(RejectedException.class, () -> Bip39.toEntropy(
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abuot"));
    assertEquals("unknown word 'abuot' at position 12 (did you mean 'about'?)", e3.getMessage());
  }

  @Test
  void badChecksum() {
    RejectedException e = assertThrows(RejectedException.class, () -> Bip39.toEntropy(
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"));
    assertEquals(Reason.MALFORMED, e.reason());
    assertTrue(e.getMessage().startsWith("bad checksum"), e.getMessage());
  }

  @Test
  void passphraseChangesTheSeed() {
    String p = DevAccounts.PHRASE;
    assertNotEquals(Hex.encode(Bip39.seed(p, "")), Hex.encode(Bip39.seed(p, "x")));
  }
}
