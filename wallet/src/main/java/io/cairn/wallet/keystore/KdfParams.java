package io.cairn.wallet.keystore;

/**
 * scrypt cost parameters. Bounded so that a hostile keystore cannot ask for absurd work or memory:
 * N a power of two from 2 to 2^20, r from 1 to 32, p from 1 to 16, and scrypt's memory
 * (128 * r * N bytes) at most {@link #MAX_MEMORY_BYTES}.
 */
public record KdfParams(int n, int r, int p) {
  /** N = 2^17, r = 8, p = 1: about 128 MiB and half a second per unlock. */
  public static final KdfParams DEFAULT = new KdfParams(1 << 17, 8, 1);
  public static final int MAX_N = 1 << 20;
  public static final long MAX_MEMORY_BYTES = 512L << 20;

  public KdfParams {
    if (n < 2 || n > MAX_N || Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException("scrypt N must be a power of two between 2 and 2^20 but is " + n);
    }
    if (r < 1 || r > 32) {
      throw new IllegalArgumentException("scrypt r must be between 1 and 32 but is " + r);
    }
    if (p < 1 || p > 16) {
      throw new IllegalArgumentException("scrypt p must be between 1 and 16 but is " + p);
    }
    if (128L * r * n > MAX_MEMORY_BYTES) {
      throw new IllegalArgumentException("scrypt N=" + n + ", r=" + r + " would need " + (128L * r * n >> 20)
          + " MiB; at most " + (MAX_MEMORY_BYTES >> 20) + " MiB is allowed");
    }
  }

  /** Memory scrypt needs with these parameters. */
  public long memoryBytes() {
    return 128L * r * n;
  }
}
