package io.cairn.node.state;

import io.cairn.common.amount.Amount;
import io.cairn.common.codec.Reader;
import io.cairn.common.codec.Writer;
import java.util.Objects;

/** An account's state: its balance and the nonce its next transaction must carry. */
public record Account(Amount balance, long nonce) {
  public static final Account EMPTY = new Account(Amount.ZERO, 0);
  public static final int ENCODED_LENGTH = 16;

  public Account {
    Objects.requireNonNull(balance, "balance");
    if (nonce < 0) {
      throw new IllegalArgumentException("nonce must not be negative");
    }
  }

  public boolean isEmpty() {
    return balance.isZero() && nonce == 0;
  }

  // Written out: a record's generated equals and hashCode go through invokedynamic, which the C1-only
  // JIT of a node does not inline (a block connect compares every account it touches).
  @Override
  public boolean equals(Object o) {
    return o instanceof Account a && a.nonce == nonce && a.balance.units() == balance.units();
  }

  @Override
  public int hashCode() {
    return Long.hashCode(balance.units()) * 31 + Long.hashCode(nonce);
  }

  /** balance u64 BE | nonce u64 BE. */
  public byte[] encode() {
    return new Writer(ENCODED_LENGTH).u64(balance.units()).u64(nonce).toByteArray();
  }

  public static Account decode(byte[] bytes) {
    Reader r = new Reader(bytes);
    Account a = new Account(Amount.ofUnits(r.u63("balance")), r.u63("nonce"));
    r.finish("account");
    return a;
  }
}
