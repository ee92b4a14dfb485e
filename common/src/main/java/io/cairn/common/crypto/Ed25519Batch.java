package io.cairn.common.crypto;

import java.util.Arrays;
import java.util.function.Consumer;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * Verifies many Ed25519 signatures at once, with the same answers as {@link Ed25519#verify} for
 * each, in a bit over half its time per signature.
 *
 * <p>Why the answers are the same. Bouncy Castle 1.78's single verification (the rules in {@link
 * Ed25519}) checks the <em>cofactored</em> equation [8]([S]B - R - [k]A) = 0 after these checks:
 * A and R canonical and on the curve, A not of small order, S below L. (It multiplies by 8 at the
 * end of its multiplication: see {@code Ed25519BatchTest}, which builds signatures with
 * small-order parts and checks that both verifiers agree on them.) This class makes the same
 * checks for each signature, then checks the random linear combination of the equations:
 *
 * <pre>  [8]( [sum z_i S_i] B - sum [z_i] R_i - sum [z_i k_i] A_i ) = 0</pre>
 *
 * with secret 128-bit weights z_i, fresh for each combination, from the caller's {@code randomBytes}
 * (this package stays deterministic given its inputs: the node passes a {@code SecureRandom}). They
 * must be unpredictable to whoever made the signatures. When every signature satisfies its equation, so does the
 * combination; when one does not, the combination holds with probability at most 2^-125 (each
 * [8](...) lies in the group of prime order L, where a non-zero term cancels only for one z_i in
 * L). A signature that fails a check, and every signature of a combination that does not hold, is
 * then verified alone by {@link Ed25519#verify}: so a rejection is always Bouncy Castle's, and an
 * acceptance differs from it only with that probability.
 *
 * <p>Why it is faster: the doublings of one multi-scalar multiplication are shared by the whole
 * batch, and A's and R's multiples come from small per-point tables (Straus). Thread-safe.
 */
public final class Ed25519Batch {
  /** Below this many signatures, {@link Ed25519#verify} one by one is as fast. */
  static final int MIN_BATCH = 2;

  private Ed25519Batch() {}

  /**
   * Sets {@code ok[i]} to whether {@code signatures[i]} is {@code publicKeys[i]}'s signature of
   * {@code messages[i]}, as {@link Ed25519#verify} would; never throws for bad keys or signatures.
   * {@code randomBytes} fills an array with secret random bytes (e.g. {@code SecureRandom::nextBytes}).
   */
  public static void verify(byte[][] publicKeys, byte[][] messages, byte[][] signatures, boolean[] ok,
      Consumer<byte[]> randomBytes) {
    int n = ok.length;
    if (publicKeys.length != n || messages.length != n || signatures.length != n) {
      throw new IllegalArgumentException("keys, messages, signatures and results differ in length");
    }
    boolean[] accepted = n >= MIN_BATCH ? combined(publicKeys, messages, signatures, randomBytes) : new boolean[n];
    for (int i = 0; i < n; i++) {
      // What the combination did not accept is checked alone, so every rejection is Bouncy Castle's.
      ok[i] = accepted[i] || Ed25519.verify(publicKeys[i], messages[i], signatures[i]);
    }
  }

  /** At most this many signatures share one combination (and one thread's reused tables). */
  static final int MAX_BATCH = 64;

  /** One thread's reused tables, digits and scratch: a batch then allocates almost nothing. */
  private static final class Workspace {
    final SHA512Digest sha = new SHA512Digest();
    final byte[] h = new byte[64];
    final byte[] z = new byte[32];
    final int[] words = new int[9];
    final int[][] a = EdwardsPoints.identity();
    final int[][] r = EdwardsPoints.identity();
    final int[][] acc = EdwardsPoints.identity();
    final int[][][] scratch = {EdwardsPoints.identity(), EdwardsPoints.identity()};
    final int[][] tmp = EdwardsPoints.temps();
    final int[][][][] owned = new int[2 * MAX_BATCH][][][];
    final int[][][][] tables = new int[2 * MAX_BATCH + 1][][][];
    final byte[][] digits = new byte[2 * MAX_BATCH + 1][];
    final int[] members = new int[MAX_BATCH];
    final long[] limbs = new long[ScalarsModL.LIMBS];
    final long[] product = new long[14];
    final long[] sumS = new long[14];
    final byte[] wide = new byte[56];
    final byte[] k = new byte[32];
    final byte[] scalar = new byte[32];

    Workspace() {
      for (int j = 0; j < owned.length; j++) {
        owned[j] = EdwardsPoints.newTable();
      }
      for (int j = 0; j < digits.length; j++) {
        digits[j] = new byte[256];
      }
    }
  }

  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  /**
   * The signatures accepted by one random combination: none when it does not hold, else all that
   * passed the per-signature checks (the others are false here and left to the single check).
   */
  static boolean[] combined(byte[][] publicKeys, byte[][] messages, byte[][] signatures,
      Consumer<byte[]> randomBytes) {
    boolean[] accepted = new boolean[publicKeys.length];
    Workspace w = WORKSPACE.get();
    for (int from = 0; from < accepted.length; from += MAX_BATCH) {
      combined(publicKeys, messages, signatures, from, Math.min(accepted.length, from + MAX_BATCH),
          accepted, w, randomBytes);
    }
    return accepted;
  }

  /** Sets {@code accepted[from, to)} (at most {@link #MAX_BATCH}) by one combination. */
  private static void combined(byte[][] publicKeys, byte[][] messages, byte[][] signatures,
      int from, int to, boolean[] accepted, Workspace w, Consumer<byte[]> randomBytes) {
    int count = 0;
    Arrays.fill(w.sumS, 0);
    byte[] weights = new byte[16 * (to - from)]; // only as many as needed: random bytes cost
    randomBytes.accept(weights);
    for (int i = from; i < to; i++) {
      byte[] pk = publicKeys[i];
      byte[] sig = signatures[i];
      byte[] msg = messages[i];
      if (pk == null || sig == null || msg == null
          || pk.length != Ed25519.PUBLIC_KEY_LENGTH || sig.length != Ed25519.SIGNATURE_LENGTH
          || !Ed25519.isCanonicalPoint(pk, 0) || !Ed25519.isCanonicalPoint(sig, 0)
          || !Ed25519.scalarBelowOrder(sig, 32)) {
        continue;
      }
      if (!EdwardsPoints.decodeInto(pk, 0, true, w.a, w.tmp)
          || EdwardsPoints.timesEightIsNeutral(w.a, w.scratch[0], w.tmp)
          || !EdwardsPoints.decodeInto(sig, 0, true, w.r, w.tmp)) {
        continue;
      }
      w.sha.update(sig, 0, 32);
      w.sha.update(pk, 0, 32);
      w.sha.update(msg, 0, msg.length);
      w.sha.doFinal(w.h, 0);
      ScalarsModL.reduce(w.h, 64, w.k, w.limbs); // k = SHA-512(R || A || M) mod L
      System.arraycopy(weights, 16 * (i - from), w.z, 0, 16); // w.z[16..32) stay 0
      w.z[15] |= 0x40; // never zero
      ScalarsModL.mulAdd(w.z, 0, sig, 32, w.sumS); // sum z_i S_i, reduced once at the end
      Arrays.fill(w.product, 0);
      ScalarsModL.mulAdd(w.z, 0, w.k, 0, w.product);
      ScalarsModL.toBytes(w.product, w.wide);
      ScalarsModL.reduce(w.wide, 56, w.scalar, w.limbs); // z_i k_i mod L
      EdwardsPoints.wnafInto(w.scalar, w.digits[2 * count], w.words);
      EdwardsPoints.oddMultiplesInto(w.a, w.owned[2 * count], w.scratch, w.tmp);
      w.tables[2 * count] = w.owned[2 * count];
      EdwardsPoints.wnafInto(w.z, w.digits[2 * count + 1], w.words);
      EdwardsPoints.oddMultiplesInto(w.r, w.owned[2 * count + 1], w.scratch, w.tmp);
      w.tables[2 * count + 1] = w.owned[2 * count + 1];
      w.members[count++] = i;
    }
    if (count == 0) {
      return;
    }
    ScalarsModL.toBytes(w.sumS, w.wide);
    ScalarsModL.reduce(w.wide, 56, w.scalar, w.limbs);
    EdwardsPoints.wnafInto(w.scalar, w.digits[2 * count], w.words);
    w.tables[2 * count] = EdwardsPoints.BASE_TABLE; // read only
    EdwardsPoints.multiScalarInto(w.digits, w.tables, 2 * count + 1, w.acc, w.tmp);
    if (EdwardsPoints.timesEightIsNeutral(w.acc, w.scratch[0], w.tmp)) {
      for (int m = 0; m < count; m++) {
        accepted[w.members[m]] = true;
      }
    }
  }
}
