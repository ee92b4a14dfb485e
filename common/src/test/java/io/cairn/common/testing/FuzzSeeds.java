package io.cairn.common.testing;

import static io.cairn.common.testing.SeedCorpus.patched;
import static io.cairn.common.testing.SeedCorpus.plus;
import static io.cairn.common.testing.SeedCorpus.truncated;

import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.bytes.Hex;
import io.cairn.common.model.Block;
import io.cairn.common.model.Transaction;
import io.cairn.common.spec.ChainSpecJson;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the seed corpora of common's fuzz targets from the shared {@link Fixtures} plus a few
 * tricky inputs. Deterministic; run once from the repository root with argument {@code common} and
 * commit the output (docs/reliability.md, "Fuzzing", has the command).
 */
public final class FuzzSeeds {
  private static final String MODEL = "io.cairn.common.model.CodecFuzzTest";
  private static final String ADDRESS = "io.cairn.common.address.AddressFuzzTest";
  private static final String AMOUNT = "io.cairn.common.amount.AmountFuzzTest";
  private static final String SPEC = "io.cairn.common.spec.ChainSpecJsonFuzzTest";
  private static final String HEX = "io.cairn.common.bytes.HexFuzzTest";

  private FuzzSeeds() {}

  public static void main(String[] args) {
    SeedCorpus c = new SeedCorpus(Path.of(args.length > 0 ? args[0] : "common"));

    Transaction plain = Fixtures.transfer(0, 1, Amount.ofCrn(5), 0);
    Transaction memo = Fixtures.transfer(Fixtures.key(2), Fixtures.address(3), Amount.ofUnits(1), Fixtures.MIN_FEE,
        7, Bytes.utf8("rent for march, flat 4"), Fixtures.genesisHash());
    Transaction maxMemo = Fixtures.transfer(Fixtures.key(4), Fixtures.address(0), Amount.MAX, Amount.ZERO,
        Long.MAX_VALUE, Bytes.of(new byte[Transaction.MAX_MEMO]), Fixtures.genesisHash());
    byte[] tx = plain.encode();
    c.write(MODEL, "transaction", "valid-plain", tx);
    c.write(MODEL, "transaction", "valid-memo", memo.encode());
    c.write(MODEL, "transaction", "valid-max-fields", maxMemo.encode());
    c.write(MODEL, "transaction", "truncated", truncated(tx, 1));
    c.write(MODEL, "transaction", "trailing-byte", plus(tx, (byte) 0));
    c.write(MODEL, "transaction", "version-2", patched(tx, 0, (byte) 2));
    c.write(MODEL, "transaction", "negative-amount", patched(tx, 66, (byte) 0x80));
    c.write(MODEL, "transaction", "memo-65", patched(tx, 90, (byte) 65));

    Block genesis = Fixtures.genesis();
    List<Block> chain = Fixtures.emptyChain(1);
    Block full = Fixtures.mine(Fixtures.block(chain.get(0).hash(), 2, Fixtures.GENESIS_TIME_MS + 2_000,
        List.of(plain, memo, Fixtures.transfer(1, 2, Amount.ofUnits(3), 0))));
    byte[] header = full.header().encode();
    c.write(MODEL, "header", "valid-genesis", genesis.header().encode());
    c.write(MODEL, "header", "valid-height-2", header);
    c.write(MODEL, "header", "truncated", truncated(header, 1));
    c.write(MODEL, "header", "trailing-byte", plus(header, (byte) 1));
    c.write(MODEL, "header", "address-version-1", patched(header, 93, (byte) 1));
    c.write(MODEL, "header", "negative-height", patched(header, 1, (byte) 0xff));

    byte[] block = full.encode();
    c.write(MODEL, "block", "valid-genesis", genesis.encode());
    c.write(MODEL, "block", "valid-empty", chain.get(0).encode());
    c.write(MODEL, "block", "valid-3-txs", block);
    c.write(MODEL, "block", "truncated", truncated(block, 5));
    c.write(MODEL, "block", "trailing-byte", plus(block, (byte) 0));
    c.write(MODEL, "block", "count-huge", patched(truncated(block, block.length - 130), 126,
        (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff));
    c.write(MODEL, "block", "count-more-than-present", patched(block, 126, (byte) 0, (byte) 0, (byte) 0, (byte) 4));

    String alice = Fixtures.address(0).encode(Fixtures.PREFIX);
    c.text(ADDRESS, "parse", "valid", alice);
    c.text(ADDRESS, "parse", "valid-upper", alice.toUpperCase(java.util.Locale.ROOT));
    c.text(ADDRESS, "parse", "valid-padded", "  " + alice + "\n");
    c.text(ADDRESS, "parse", "mixed-case", "T" + alice.substring(1));
    c.text(ADDRESS, "parse", "wrong-prefix", Fixtures.address(1).encode("cairn"));
    c.text(ADDRESS, "parse", "bad-checksum", alice.substring(0, alice.length() - 1)
        + (alice.endsWith("q") ? "p" : "q"));
    c.text(ADDRESS, "parse", "no-separator", "tcairnqqqqqq");
    c.text(ADDRESS, "parse", "short-payload", io.cairn.common.address.Bech32m.encode("tcairn", new byte[] {0, 1, 2}));

    for (String s : List.of("1.5", "0.00000001", "92233720368.54775807", "0", "007.10")) {
      c.text(AMOUNT, "parse", "valid-" + s, s);
    }
    String[][] badAmounts = {{"too-many-decimals", "0.000000001"}, {"negative", "-1"}, {"exponent", "1e8"},
        {"overflow", "92233720368.54775808"}, {"no-digit", "."}, {"arabic-digits", "\u0661\u0662"},
        {"plus", "+1"}, {"separator", "1,000"}};
    for (String[] b : badAmounts) {
      c.text(AMOUNT, "parse", b[0], b[1]);
    }
    c.text(AMOUNT, "parseUnits", "valid-1", "1");
    c.text(AMOUNT, "parseUnits", "valid-max", Long.toString(Long.MAX_VALUE));
    c.text(AMOUNT, "parseUnits", "overflow", "9223372036854775808");
    c.text(AMOUNT, "parseUnits", "decimal", "1.0");
    c.text(AMOUNT, "parseUnits", "negative", "-5");
    c.text(AMOUNT, "parseUnits", "leading-zeros", "0000000000000000000000001");

    String fixtureSpec = ChainSpecJson.toJson(Fixtures.spec());
    c.text(SPEC, "parse", "valid-fixture", fixtureSpec);
    c.text(SPEC, "parse", "valid-testnet", ChainSpecJson.toJson(ChainSpecJson.builtIn("testnet")));
    c.text(SPEC, "parse", "unknown-field", fixtureSpec.replace("\"network\"", "\"netwerk\""));
    c.text(SPEC, "parse", "number-as-string", fixtureSpec.replace("\"maxBlockSize\": 1000000", "\"maxBlockSize\": \"1000000\""));
    c.text(SPEC, "parse", "huge-number", fixtureSpec.replace("\"maxBlockSize\": 1000000", "\"maxBlockSize\": 1e400"));
    c.text(SPEC, "parse", "bad-target", fixtureSpec.replace("0x207fffff", "0xff7fffff"));
    c.text(SPEC, "parse", "deep-nesting", "{\"allocations\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}");
    c.text(SPEC, "parse", "not-object", "[1,2,3]");
    c.text(SPEC, "parse", "duplicate-key", "{\"network\":\"a\",\"network\":\"b\"}");

    c.text(HEX, "decode", "valid", Hex.encode(tx));
    c.text(HEX, "decode", "valid-0x-upper", "0X" + Hex.encode(new byte[] {(byte) 0xab, 0x0c}).toUpperCase(java.util.Locale.ROOT));
    c.text(HEX, "decode", "odd-length", "abc");
    c.text(HEX, "decode", "non-hex", "zz");
    c.text(HEX, "decode", "fullwidth-digits", "\uff11\uff12");
  }
}
