package io.cairn.node.mempool;

/**
 * Limits of a {@link Mempool}.
 *
 * @param maxCount most transactions held (pending and queued together)
 * @param maxBytes most encoded transaction bytes held
 * @param maxPerSender most transactions held per sender ({@code sender-limit} beyond it)
 * @param maxNonceGap how far ahead of the sender's next nonce a transaction may be held as queued
 *     ({@code nonce-gap-too-large} beyond it)
 * @param expiryMillis how long a transaction may stay before {@link Mempool#expire} drops it
 */
public record MempoolConfig(int maxCount, long maxBytes, int maxPerSender, int maxNonceGap, long expiryMillis) {
  /** 50,000 transactions, 16 MB, 64 per sender, gaps up to 16, three hours. */
  public static final MempoolConfig DEFAULT = new MempoolConfig(50_000, 16_000_000L, 64, 16, 3 * 3_600_000L);

  public MempoolConfig {
    if (maxCount < 1 || maxBytes < 1 || maxPerSender < 1 || maxNonceGap < 0 || expiryMillis < 1) {
      throw new IllegalArgumentException("mempool limits must be positive (maxNonceGap may be 0): " + maxCount
          + ", " + maxBytes + ", " + maxPerSender + ", " + maxNonceGap + ", " + expiryMillis);
    }
  }

  public MempoolConfig withMaxCount(int n) {
    return new MempoolConfig(n, maxBytes, maxPerSender, maxNonceGap, expiryMillis);
  }

  public MempoolConfig withMaxBytes(long n) {
    return new MempoolConfig(maxCount, n, maxPerSender, maxNonceGap, expiryMillis);
  }

  public MempoolConfig withMaxPerSender(int n) {
    return new MempoolConfig(maxCount, maxBytes, n, maxNonceGap, expiryMillis);
  }

  public MempoolConfig withExpiryMillis(long n) {
    return new MempoolConfig(maxCount, maxBytes, maxPerSender, maxNonceGap, n);
  }
}
