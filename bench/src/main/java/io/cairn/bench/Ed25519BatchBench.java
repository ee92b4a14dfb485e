package io.cairn.bench;

import io.cairn.common.crypto.Ed25519;
import io.cairn.common.crypto.Ed25519Batch;
import io.cairn.common.crypto.Sha256;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Signatures verified per second on one thread, {@value #BATCH} distinct keys and 134-byte
 * messages: one by one ({@link Ed25519#verify}) and as one batch ({@link Ed25519Batch#verify}).
 * Run it also with {@code -jvmArgsAppend -XX:TieredStopAtLevel=1}, the nodes' JIT.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class Ed25519BatchBench {
  static final int BATCH = 64;

  private byte[][] keys;
  private byte[][] messages;
  private byte[][] signatures;
  private boolean[] ok;
  private final java.security.SecureRandom random = new java.security.SecureRandom();

  /** {@code size} distinct keys, 134-byte messages and their signatures: {keys, messages, signatures}. */
  static byte[][][] signed(int size) {
    byte[][][] out = new byte[3][size][];
    for (int i = 0; i < size; i++) {
      byte[] seed = Sha256.digest(("cairn/bench/batch/" + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out[0][i] = Ed25519.publicKey(seed);
      out[1][i] = new byte[134];
      for (int j = 0; j < 134; j++) {
        out[1][i][j] = (byte) (i * 7 + j * 31);
      }
      out[2][i] = Ed25519.sign(seed, out[0][i], out[1][i]);
    }
    return out;
  }

  @Setup
  public void setUp() {
    byte[][][] fixture = signed(BATCH);
    keys = fixture[0];
    messages = fixture[1];
    signatures = fixture[2];
    ok = new boolean[BATCH];
    Ed25519Batch.verify(keys, messages, signatures, ok, random::nextBytes);
    for (boolean b : ok) {
      if (!b) {
        throw new IllegalStateException("benchmark signatures do not verify");
      }
    }
  }

  /** The score is signatures per second. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public boolean[] batch() {
    Ed25519Batch.verify(keys, messages, signatures, ok, random::nextBytes);
    return ok;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public boolean single() {
    boolean all = true;
    for (int i = 0; i < BATCH; i++) {
      all &= Ed25519.verify(keys[i], messages[i], signatures[i]);
    }
    return all;
  }
}
