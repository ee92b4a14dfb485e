package io.cairn.bench;

import io.cairn.common.crypto.Ed25519;
import io.cairn.common.crypto.Sha256;
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

/**
 * Ed25519 sign and strict verify on one thread, over a 134-byte message (the size of a
 * transaction's signing message without memo: domain + genesis hash + body).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class Ed25519Bench {
  private byte[] seed;
  private byte[] publicKey;
  private byte[] message;
  private byte[] signature;

  @Setup
  public void setUp() {
    seed = Sha256.digest("cairn/bench/ed25519".getBytes(StandardCharsets.US_ASCII));
    publicKey = Ed25519.publicKey(seed);
    message = new byte[134];
    for (int i = 0; i < message.length; i++) {
      message[i] = (byte) (i * 31);
    }
    signature = Ed25519.sign(seed, publicKey, message);
    if (!Ed25519.verify(publicKey, message, signature)) {
      throw new IllegalStateException("benchmark signature does not verify");
    }
  }

  @Benchmark
  public byte[] sign() {
    return Ed25519.sign(seed, publicKey, message);
  }

  @Benchmark
  public boolean verify() {
    return Ed25519.verify(publicKey, message, signature);
  }
}
