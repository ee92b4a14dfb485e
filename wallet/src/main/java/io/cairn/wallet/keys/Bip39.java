package io.cairn.wallet.keys;

import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * BIP39 recovery phrases with the standard English wordlist (2048 words, SHA-256
 * {@code 2f5eed53...24dbda}, bundled as a resource).
 *
 * <pre>
 * entropy (128..256 bits, multiple of 32) || first ENT/32 bits of SHA-256(entropy)
 *   split into 11-bit groups, each an index into the wordlist  ->  12..24 words
 * seed = PBKDF2-HMAC-SHA512(password = NFKD(phrase), salt = "mnemonic" || NFKD(passphrase),
 *                           2048 iterations, 64 bytes)
 * </pre>
 *
 * Parsing a phrase is strict: a wrong word count, an unknown word (with its position) or a bad
 * checksum is a {@link RejectedException} with {@link Reason#MALFORMED} saying which.
 */
public final class Bip39 {
  /** Word counts a phrase may have (create offers 12 and 24). */
  public static final List<Integer> WORD_COUNTS = List.of(12, 15, 18, 21, 24);
  public static final int SEED_LENGTH = 64;

  private static final List<String> WORDS = load();
  private static final Map<String, Integer> INDEX = index(WORDS);

  private Bip39() {}

  /** A fresh phrase of {@code words} words (12 or 24 for create; any of {@link #WORD_COUNTS}). */
  public static String generate(int words, SecureRandom random) {
    if (!WORD_COUNTS.contains(words)) {
      throw new IllegalArgumentException("Expected 12, 15, 18, 21 or 24 words but got " + words);
    }
    byte[] entropy = new byte[words * 4 / 3];
    random.nextBytes(entropy);
    try {
      return fromEntropy(entropy);
    } finally {
      Arrays.fill(entropy, (byte) 0);
    }
  }

  /** The phrase encoding {@code entropy} (16, 20, 24, 28 or 32 bytes). */
  public static String fromEntropy(byte[] entropy) {
    int n = entropy.length;
    if (n < 16 || n > 32 || n % 4 != 0) {
      throw new IllegalArgumentException("Expected 16, 20, 24, 28 or 32 bytes of entropy but got " + n);
    }
    int checksumBits = n * 8 / 32;
    byte[] bits = new byte[n + 1];
    System.arraycopy(entropy, 0, bits, 0, n);
    bits[n] = sha256(entropy)[0];
    int words = (n * 8 + checksumBits) / 11;
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < words; w++) {
      int idx = 0;
      for (int b = 0; b < 11; b++) {
        idx = (idx << 1) | bit(bits, w * 11 + b);
      }
      if (w > 0) {
        sb.append(' ');
      }
      sb.append(WORDS.get(idx));
    }
    Arrays.fill(bits, (byte) 0);
    return sb.toString();
  }

  /**
   * The entropy a phrase encodes, after checking word count, words and checksum.
   *
   * @throws RejectedException {@link Reason#MALFORMED} naming the problem
   */
  public static byte[] toEntropy(String phrase) {
    List<String> words = words(phrase);
    if (!WORD_COUNTS.contains(words.size())) {
      throw bad("wrong word count: expected 12, 15, 18, 21 or 24 words but got " + words.size());
    }
    int totalBits = words.size() * 11;
    int checksumBits = totalBits / 33;
    int entropyBytes = (totalBits - checksumBits) / 8;
    byte[] bits = new byte[entropyBytes + 1];
    for (int w = 0; w < words.size(); w++) {
      Integer idx = INDEX.get(words.get(w));
      if (idx == null) {
        throw bad("unknown word '" + words.get(w) + "' at position " + (w + 1) + suggestion(words.get(w)));
      }
      for (int b = 0; b < 11; b++) {
        if ((idx >> (10 - b) & 1) != 0) {
          int pos = w * 11 + b;
          bits[pos / 8] |= (byte) (0x80 >>> (pos % 8));
        }
      }
    }
    byte[] entropy = Arrays.copyOf(bits, entropyBytes);
    int mask = 0xff << (8 - checksumBits) & 0xff;
    int expected = sha256(entropy)[0] & mask;
    int got = bits[entropyBytes] & mask;
    Arrays.fill(bits, (byte) 0);
    if (expected != got) {
      Arrays.fill(entropy, (byte) 0);
      throw bad("bad checksum: every word is in the list but the last word does not match the others"
          + " (a word is wrong or the words are out of order)");
    }
    return entropy;
  }

  /** Checks a phrase (see {@link #toEntropy}) and returns it normalised: lower case, single spaces. */
  public static String normalize(String phrase) {
    byte[] e = toEntropy(phrase);
    Arrays.fill(e, (byte) 0);
    return String.join(" ", words(phrase));
  }

  /** The 64-byte BIP39 seed of a valid phrase and an optional passphrase (empty for none). */
  public static byte[] seed(String phrase, String passphrase) {
    String p = normalize(phrase);
    byte[] password = Normalizer.normalize(p, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
    byte[] salt = ("mnemonic" + Normalizer.normalize(passphrase == null ? "" : passphrase, Normalizer.Form.NFKD))
        .getBytes(StandardCharsets.UTF_8);
    PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA512Digest());
    gen.init(password, salt, 2048);
    byte[] seed = ((KeyParameter) gen.generateDerivedParameters(SEED_LENGTH * 8)).getKey();
    Arrays.fill(password, (byte) 0);
    return seed;
  }

  /** The wordlist (unmodifiable). */
  public static List<String> wordlist() {
    return WORDS;
  }

  private static List<String> words(String phrase) {
    if (phrase == null) {
      return List.of();
    }
    String s = Normalizer.normalize(phrase, Normalizer.Form.NFKD).strip().toLowerCase(Locale.ROOT);
    return s.isEmpty() ? List.of() : List.of(s.split("\\s+"));
  }

  /** The list word with the same first four letters, else the closest one within two edits. */
  private static String suggestion(String word) {
    if (word.length() < 3 || word.length() > 16) {
      return "";
    }
    String prefix = word.substring(0, Math.min(4, word.length()));
    String best = null;
    int bestDistance = 3;
    for (String w : WORDS) {
      if (word.length() >= 4 && w.startsWith(prefix)) {
        return " (did you mean '" + w + "'?)";
      }
      int d = distance(word, w);
      if (d < bestDistance) {
        best = w;
        bestDistance = d;
      }
    }
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  /** Optimal string alignment distance (insert, delete, substitute, swap neighbours). */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static int bit(byte[] b, int i) {
    return (b[i / 8] >> (7 - i % 8)) & 1;
  }

  private static byte[] sha256(byte[] data) {
    SHA256Digest d = new SHA256Digest();
    d.update(data, 0, data.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  private static RejectedException bad(String detail) {
    return new RejectedException(Reason.MALFORMED, detail);
  }

  private static List<String> load() {
    try (InputStream in = Bip39.class.getResourceAsStream("english.txt")) {
      if (in == null) {
        throw new IllegalStateException("BIP39 wordlist resource english.txt is missing");
      }
      List<String> words = new ArrayList<>(2048);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          words.add(line.strip());
        }
      }
      if (words.size() != 2048) {
        throw new IllegalStateException("BIP39 wordlist must have 2048 words but has " + words.size());
      }
      return List.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Integer> index(List<String> words) {
    Map<String, Integer> m = new HashMap<>(4096);
    for (int i = 0; i < words.size(); i++) {
      m.put(words.get(i), i);
    }
    return Map.copyOf(m);
  }
}
