package io.cairn.bench;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.Ed25519;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.PublicKey;
import io.cairn.common.crypto.Sha256;
import io.cairn.common.model.Transaction;
import io.cairn.common.spec.ChainSpecJson;
import io.cairn.common.spec.Genesis;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/** What a node does first with every transaction it receives: decode the bytes, check the signature. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class TransactionBench {
  private Hash genesis;
  private byte[] encoded;

  @Setup
  public void setUp() {
    genesis = Genesis.hash(ChainSpecJson.builtIn("testnet"));
    byte[] seed = Sha256.digest("cairn/bench/tx".getBytes(StandardCharsets.US_ASCII));
    byte[] to = Sha256.digest("cairn/bench/to".getBytes(StandardCharsets.US_ASCII));
    PublicKey from = PublicKey.of(Ed25519.publicKey(seed));
    Transaction tx = Transaction.unsigned(from, Address.of(PublicKey.of(Ed25519.publicKey(to))),
        Amount.parse("1.25"), Amount.ofUnits(1000), 42, Bytes.EMPTY).signWith(seed, genesis);
    encoded = tx.encode();
    if (!decodeAndVerify()) {
      throw new IllegalStateException("benchmark transaction does not verify");
    }
  }

  @Benchmark
  public boolean decodeAndVerify() {
    return Transaction.decode(encoded).verifySignature(genesis);
  }

  @Benchmark
  public Transaction decodeOnly() {
    return Transaction.decode(encoded);
  }

  @Benchmark
  public Hash decodeAndTxid() {
    return Transaction.decode(encoded).txid();
  }
}
