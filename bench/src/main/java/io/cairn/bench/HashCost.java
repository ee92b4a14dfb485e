package io.cairn.bench;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.PublicKey;
import io.cairn.common.crypto.Sha256;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.Merkle;
import io.cairn.node.p2p.wire.ShortIds;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hashing and cipher costs behind the compact-block and TLS figures of docs/benchmarks.md, in
 * CPU time of the calling thread (median of the rounds), so that they hold on a shared machine. Run
 * it once as the nodes run (C1 only) and once with the default JIT:
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -cp bench/target/benchmarks.jar io.cairn.bench.HashCost
 * java -cp bench/target/benchmarks.jar io.cairn.bench.HashCost
 * </pre>
 */
public final class HashCost {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
  private static final int ROUNDS = 15;

  private HashCost() {}

  public static void main(String[] args) throws Exception {
    Random r = new Random(1);
    List<Hash> txids = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      byte[] b = new byte[32];
      r.nextBytes(b);
      txids.add(Hash.of(b));
    }
    byte[] block64 = new byte[64];
    BlockHeader header = new BlockHeader(BlockHeader.VERSION, 7, txids.get(0), txids.get(1), 1L, 0x207fffff, 42,
        Address.of(PublicKey.of(new byte[32])));
    System.out.println("CPU time of this thread, median of " + ROUNDS + " rounds after as many warm-up rounds");
    report("SHA-256 of 64 bytes, Sha256.digest (one digest per thread)", 20_000, "us", () -> {
      for (int i = 0; i < 20_000; i++) {
        Sha256.digest(block64);
      }
      return null;
    });
    report("SHA-256 of 64 bytes, MessageDigest.getInstance per hash", 20_000, "us", () -> {
      try {
        for (int i = 0; i < 20_000; i++) {
          MessageDigest.getInstance("SHA-256").digest(block64);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return null;
    });
    report("Merkle.root of 6,450 txids (a full block)", 1, "ms", () -> Merkle.root(txids.subList(0, 6_450)));
    report("ShortIds.of for 20,000 txids (one compact rebuild's mempool pass)", 1, "ms", () -> {
      ShortIds ids = ShortIds.forBlock(header, 5);
      long x = 0;
      for (Hash id : txids) {
        x ^= ids.of(id);
      }
      return x;
    });
    byte[] record = new byte[16 * 1024];
    byte[] key = new byte[32];
    byte[] nonce = new byte[12];
    report("AES-256-GCM, encrypt 16 KiB records", 1, "MB/s", () -> seal("AES/GCM/NoPadding", key, nonce, record, true));
    report("ChaCha20-Poly1305, encrypt 16 KiB records", 1, "MB/s", () -> seal("ChaCha20-Poly1305", key, nonce, record,
        false));
  }

  /** Encrypts {@code record} 64 times (a fresh nonce each, as TLS does); returns the bytes sealed. */
  private static Object seal(String transformation, byte[] key, byte[] nonce, byte[] record, boolean gcm) {
    try {
      Cipher c = Cipher.getInstance(transformation);
      for (int i = 0; i < 64; i++) {
        nonce[0] = (byte) i;
        nonce[1]++;
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, gcm ? "AES" : "ChaCha20"),
            gcm ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce));
        c.doFinal(record);
      }
      return 64L * record.length;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs {@code task} for warm-up and measured rounds and prints the median: per operation in us, per
   * task in ms, or the throughput in MB/s when the task returns the bytes it processed.
   */
  private static void report(String what, int opsPerTask, String unit, Supplier<Object> task) {
    long[] cpu = new long[ROUNDS];
    Object result = null;
    for (int i = -ROUNDS; i < ROUNDS; i++) {
      long c0 = MX.getCurrentThreadCpuTime();
      result = task.get();
      long c1 = MX.getCurrentThreadCpuTime();
      if (i >= 0) {
        cpu[i] = c1 - c0;
      }
    }
    Arrays.sort(cpu);
    double median = cpu[ROUNDS / 2];
    double value = switch (unit) {
      case "us" -> median / 1e3 / opsPerTask;
      case "ms" -> median / 1e6;
      default -> ((Long) result) / (median / 1e9) / 1e6;
    };
    System.out.printf("%-70s %10.2f %s%n", what, value, unit);
  }
}
