package io.cairn.node.consensus;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.BlockHeader;
import io.cairn.common.model.CompactTarget;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.common.spec.ChainSpec;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Rules on a header (not genesis) given its ancestors, in this order: {@code bad-pow} (needs
 * nothing else, so it runs first and cheaply), {@code unknown-parent}, {@code bad-height}, {@code
 * bad-target} (ASERT), {@code time-too-old} (median time past), {@code time-too-new} (more than
 * {@link #MAX_FUTURE_MS} ahead of the caller's clock). The genesis block is never checked here: it
 * must equal the one derived from the chain spec.
 */
public final class HeaderRules {
  /** How far a timestamp may run ahead of the local clock. */
  public static final long MAX_FUTURE_MS = 15_000;
  /** How many previous timestamps the median time past is taken over. */
  public static final int MEDIAN_SPAN = 11;

  /** What a contextual rule sees: the header, its known parent, the view and the caller's clock. */
  record Context(BlockHeader header, BlockHeader parent, HeaderView view, ChainSpec spec, long nowMillis) {}

  @FunctionalInterface
  interface Rule {
    Optional<Rejected> check(Context c);
  }

  static final List<Rule> CONTEXTUAL =
      List.of(HeaderRules::height, HeaderRules::target, HeaderRules::notTooOld, HeaderRules::notTooNew);

  private HeaderRules() {}

  /** Every header rule, in order; empty when the header may extend its parent. */
  public static Optional<Rejected> check(BlockHeader header, HeaderView view, ChainSpec spec, long nowMillis) {
    Optional<Rejected> pow = checkPow(header);
    if (pow.isPresent()) {
      return pow;
    }
    Optional<BlockHeader> parent = view.header(header.prevHash());
    if (parent.isEmpty()) {
      return reject(Reason.UNKNOWN_PARENT, "parent " + header.prevHash().toHex() + " of block at height "
          + header.height() + " is not known");
    }
    Context c = new Context(header, parent.get(), view, spec, nowMillis);
    for (Rule rule : CONTEXTUAL) {
      Optional<Rejected> r = rule.check(c);
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }

  /** {@code bad-pow} unless the bits are a valid target no easier than the limit and the hash meets it. */
  public static Optional<Rejected> checkPow(BlockHeader header) {
    BigInteger target = CompactTarget.expandOrInvalid(header.bits());
    if (target.signum() <= 0 || target.compareTo(CompactTarget.POW_LIMIT) > 0) {
      return reject(Reason.BAD_POW, String.format("bits 0x%08x are not a valid target", header.bits()));
    }
    Hash hash = header.hash();
    return CompactTarget.meets(hash, target)
        ? Optional.empty()
        : reject(Reason.BAD_POW, "hash " + hash.toHex() + String.format(" is above the target of bits 0x%08x", header.bits()));
  }

  /** The compact target a child of {@code parent} must carry (ASERT, anchored at height 1). */
  public static int requiredBits(BlockHeader parent, HeaderView view, ChainSpec spec) {
    if (parent.height() == 0) {
      return spec.initialBits();
    }
    BlockHeader anchor = parent.height() == Asert.ANCHOR_HEIGHT ? parent
        : view.ancestor(parent.hash(), Asert.ANCHOR_HEIGHT).orElseThrow(() -> new IllegalStateException(
            "header view lacks the height-1 ancestor of " + parent.hash().toHex()));
    return Asert.next(spec, parent, anchor);
  }

  /** Median of the timestamps of {@code parent} and up to 10 of its ancestors. */
  public static long medianTimePast(BlockHeader parent, HeaderView view) {
    long[] ts = new long[MEDIAN_SPAN];
    int n = 0;
    BlockHeader h = parent;
    while (true) {
      ts[n++] = h.timestampMs();
      if (n == MEDIAN_SPAN || h.height() == 0) {
        break;
      }
      Hash prev = h.prevHash();
      h = view.header(prev).orElseThrow(() -> new IllegalStateException("header view lacks " + prev.toHex()));
    }
    long[] sorted = Arrays.copyOf(ts, n);
    Arrays.sort(sorted);
    return sorted[n / 2];
  }

  static Optional<Rejected> height(Context c) {
    long expected = c.parent().height() + 1;
    return c.header().height() == expected ? Optional.empty()
        : reject(Reason.BAD_HEIGHT, "height " + c.header().height() + " but the parent's height + 1 is " + expected);
  }

  static Optional<Rejected> target(Context c) {
    int required = requiredBits(c.parent(), c.view(), c.spec());
    return c.header().bits() == required ? Optional.empty()
        : reject(Reason.BAD_TARGET, String.format("bits 0x%08x but ASERT requires 0x%08x", c.header().bits(), required));
  }

  static Optional<Rejected> notTooOld(Context c) {
    long mtp = medianTimePast(c.parent(), c.view());
    return c.header().timestampMs() > mtp ? Optional.empty()
        : reject(Reason.TIME_TOO_OLD, "timestamp " + c.header().timestampMs() + " is not after the median time past " + mtp);
  }

  static Optional<Rejected> notTooNew(Context c) {
    long limit = c.nowMillis() > Long.MAX_VALUE - MAX_FUTURE_MS ? Long.MAX_VALUE : c.nowMillis() + MAX_FUTURE_MS;
    return c.header().timestampMs() <= limit ? Optional.empty()
        : reject(Reason.TIME_TOO_NEW, "timestamp " + c.header().timestampMs() + " is more than " + MAX_FUTURE_MS
            + " ms ahead of the local clock " + c.nowMillis());
  }

  private static Optional<Rejected> reject(Reason reason, String detail) {
    return Optional.of(Rejected.of(reason, detail));
  }
}
