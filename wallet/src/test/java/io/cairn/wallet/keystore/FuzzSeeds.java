package io.cairn.wallet.keystore;

import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Hex;
import io.cairn.common.testing.Fixtures;
import io.cairn.common.testing.SeedCorpus;
import io.cairn.wallet.keys.Bip39;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Writes the seed corpora of the wallet's fuzz targets (keystore files, recovery phrases, node
 * responses) plus tricky inputs. Deterministic; run once from the repository root with argument
 * {@code wallet} and commit the output (docs/reliability.md has the command).
 */
public final class FuzzSeeds {
  private static final String KEYSTORE = "io.cairn.wallet.keystore.KeystoreFuzzTest";
  private static final String BIP39 = "io.cairn.wallet.keys.Bip39FuzzTest";
  private static final String RPC = "io.cairn.wallet.client.RpcResultsFuzzTest";
  private static final String DEV = "test test test test test test test test test test test junk";

  private FuzzSeeds() {}

  public static void main(String[] args) throws NoSuchAlgorithmException {
    SeedCorpus c = new SeedCorpus(Path.of(args.length > 0 ? args[0] : "wallet"));
    SecureRandom fixed = SecureRandom.getInstance("SHA1PRNG");
    fixed.setSeed(42);

    String ks = KeystoreJson.toJson(Keystores.seal("main", Bip39.seed(DEV, ""), "pw", new KdfParams(2, 1, 1),
        "tcairn", 3, Fixtures.GENESIS_TIME_MS, fixed));
    c.text(KEYSTORE, "parse", "valid-3-accounts", ks);
    c.text(KEYSTORE, "parse", "valid-1-account", KeystoreJson.toJson(Keystores.seal("empty", Bip39.seed(DEV, "x"),
        "", new KdfParams(4, 2, 1), "tcairn", 1, 0, fixed)));
    c.text(KEYSTORE, "parse", "kdf-too-hungry", ks.replace("\"n\": 2", "\"n\": 1048576").replace("\"r\": 1", "\"r\": 32"));
    c.text(KEYSTORE, "parse", "n-not-power-of-two", ks.replace("\"n\": 2", "\"n\": 3"));
    c.text(KEYSTORE, "parse", "version-2", ks.replace("\"version\": 1", "\"version\": 2"));
    c.text(KEYSTORE, "parse", "float-version", ks.replace("\"version\": 1", "\"version\": 1.0"));
    c.text(KEYSTORE, "parse", "short-salt", ks.replaceFirst("\"salt\": \"..", "\"salt\": \""));
    c.text(KEYSTORE, "parse", "unknown-field", ks.replace("\"name\": \"main\"", "\"name\": \"main\", \"extra\": 1"));
    c.text(KEYSTORE, "parse", "deep-nesting", "{\"accounts\":" + "[".repeat(100) + "]".repeat(100) + "}");
    c.text(KEYSTORE, "parse", "unbalanced-nesting", "]]]]" + "[".repeat(40));
    c.text(KEYSTORE, "parse", "lenient-json", "{version:1,name:'main'}");
    c.text(KEYSTORE, "parse", "empty-object", "{}");

    c.text(BIP39, "phrase", "valid-12-dev", DEV);
    c.text(BIP39, "phrase", "valid-12-abandon", "abandon ".repeat(11) + "about");
    c.text(BIP39, "phrase", "valid-24-zoo", "zoo ".repeat(23) + "vote");
    c.text(BIP39, "phrase", "valid-messy-spacing", "  TEST\ttest  test test\u00a0test test test test test test test junk\n");
    c.text(BIP39, "phrase", "bad-checksum", "abandon ".repeat(12).strip());
    c.text(BIP39, "phrase", "unknown-word", DEV.replace("junk", "junc"));
    c.text(BIP39, "phrase", "13-words", DEV + " test");
    c.text(BIP39, "phrase", "fullwidth", DEV.replace("test", "\uff54\uff45\uff53\uff54"));

    String alice = Fixtures.address(0).encode(Fixtures.PREFIX);
    String hash = Hex.encode(Fixtures.genesisHash().toArray());
    String[][] results = {
        {"chain_info", "{\"network\":\"testnet\",\"genesisHash\":\"" + hash + "\",\"height\":12,\"tipHash\":\"" + hash
            + "\",\"addressPrefix\":\"tcairn\",\"minFee\":\"1000\",\"dev\":true}"},
        {"state_getAccount", "{\"balance\":\"" + Amount.ofCrn(5).units() + "\",\"nonce\":1,\"pendingNonce\":\"3\"}"},
        {"state_getHistory", "{\"transactions\":[{\"txid\":\"" + hash + "\",\"from\":\"" + alice + "\",\"to\":\"" + alice
            + "\",\"amount\":\"5\",\"fee\":\"1000\",\"nonce\":0,\"height\":1,\"timestampMs\":1767225601000}]}"},
        {"chain_getTransaction", "{\"status\":\"confirmed\",\"blockHash\":\"" + hash + "\",\"height\":1,\"confirmations\":3}"},
        {"tx_submit", "{\"txid\":\"" + hash + "\"}"},
    };
    for (int i = 0; i < results.length; i++) {
      String resp = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + results[i][1] + "}";
      c.write(RPC, "response", "valid-" + results[i][0], prefixed(i, resp));
    }
    c.write(RPC, "response", "error-with-reason", prefixed(4, "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,"
        + "\"message\":\"nonce too low\",\"data\":{\"reason\":\"nonce-too-low\",\"detail\":\"x\"}}}"));
    c.write(RPC, "response", "error-escape-sequence", prefixed(0, "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":1,"
        + "\"message\":\"\\u001b[31mred\",\"data\":\"\\u001b]0;title\\u0007\"}}"));
    c.write(RPC, "response", "wrong-id", prefixed(1, "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}"));
    c.write(RPC, "response", "huge-numbers", prefixed(1, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"balance\":1e99999,"
        + "\"nonce\":99999999999999999999}}"));
    c.write(RPC, "response", "pending-far-ahead", prefixed(1, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"balance\":\"0\","
        + "\"nonce\":0,\"pendingNonce\":9223372036854775807}}"));
    c.write(RPC, "response", "deep-nesting", prefixed(2, "[".repeat(1000)));
  }

  private static byte[] prefixed(int method, String body) {
    byte[] b = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] out = new byte[b.length + 1];
    out[0] = (byte) method;
    System.arraycopy(b, 0, out, 1, b.length);
    return out;
  }
}
