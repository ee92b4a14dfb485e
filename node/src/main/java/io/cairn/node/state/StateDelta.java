package io.cairn.node.state;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.codec.DecodeException;
import io.cairn.common.codec.Reader;
import io.cairn.common.codec.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The account changes one block (or genesis) makes: for each touched address, in ascending address
 * order, its account before and after. An absent account ({@code Optional.empty()}) is one that
 * equals {@link Account#EMPTY}: a store deletes it rather than writing zeros. Addresses whose
 * account did not change are left out. {@link #undo()} is the exact inverse.
 *
 * <p>Canonical encoding (the store's undo record):
 *
 * <pre>
 * +-----------+--------------------------------------------------------------+
 * | count u32 | change 0 | change 1 | ... (addresses strictly ascending)    |
 * +-----------+--------------------------------------------------------------+
 * change: | address 33 | flags u8 | before 16 (if flags &amp; 1) | after 16 (if flags &amp; 2) |
 * </pre>
 *
 * flags is 1, 2 or 3; a present account is never {@link Account#EMPTY}; before differs from after.
 * Decoding rejects anything else, and trailing bytes.
 */
public record StateDelta(List<Change> changes) {
  public static final StateDelta EMPTY = new StateDelta(List.of());
  private static final int MIN_CHANGE_LENGTH = Address.ENCODED_LENGTH + 1 + Account.ENCODED_LENGTH;

  /** One address's account before and after; empty means absent (equal to {@link Account#EMPTY}). */
  public record Change(Address address, Optional<Account> before, Optional<Account> after) {
    public Change {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
      if (before.isPresent() && before.get().isEmpty() || after.isPresent() && after.get().isEmpty()) {
        throw new IllegalArgumentException("an empty account must be given as Optional.empty()");
      }
      if (before.equals(after)) {
        throw new IllegalArgumentException("no change for " + address.key().toHex());
      }
    }

    /** A change between two accounts, mapping {@link Account#EMPTY} to absent. */
    public static Change of(Address address, Account before, Account after) {
      return new Change(address, present(before), present(after));
    }

    public Account beforeOrEmpty() {
      return before.orElse(Account.EMPTY);
    }

    public Account afterOrEmpty() {
      return after.orElse(Account.EMPTY);
    }

    Change inverse() {
      return new Change(address, after, before);
    }

    private static Optional<Account> present(Account a) {
      return a.isEmpty() ? Optional.empty() : Optional.of(a);
    }
  }

  public StateDelta {
    changes = List.copyOf(changes);
    for (int i = 1; i < changes.size(); i++) {
      if (changes.get(i - 1).address().compareTo(changes.get(i).address()) >= 0) {
        throw new IllegalArgumentException("changes must be in strictly ascending address order");
      }
    }
  }

  /** The inverse delta: applying it after this one restores the prior state exactly. */
  public StateDelta undo() {
    List<Change> inv = new ArrayList<>(changes.size());
    for (Change c : changes) {
      inv.add(c.inverse());
    }
    return new StateDelta(inv);
  }

  /** {@code base} with this delta applied (a read-through overlay, for checks and tests). */
  public AccountView over(AccountView base) {
    java.util.Map<Address, Account> after = new java.util.HashMap<>();
    for (Change c : changes) {
      after.put(c.address(), c.afterOrEmpty());
    }
    return address -> {
      Account a = after.get(address);
      return a != null ? a : base.account(address);
    };
  }

  /** Sum of balances after minus before: the coins this delta creates (negative if it destroys). */
  public long supplyChange() {
    long d = 0;
    for (Change c : changes) {
      d = Math.addExact(d, Math.subtractExact(c.afterOrEmpty().balance().units(), c.beforeOrEmpty().balance().units()));
    }
    return d;
  }

  public byte[] encode() {
    Writer w = new Writer(4 + changes.size() * (Address.ENCODED_LENGTH + 1 + 2 * Account.ENCODED_LENGTH));
    w.u32(changes.size());
    for (Change c : changes) {
      c.address().write(w);
      w.u8((c.before().isPresent() ? 1 : 0) | (c.after().isPresent() ? 2 : 0));
      c.before().ifPresent(a -> writeAccount(w, a));
      c.after().ifPresent(a -> writeAccount(w, a));
    }
    return w.toByteArray();
  }

  /** Strict decoding of {@link #encode()}; throws {@link DecodeException} saying what is wrong. */
  public static StateDelta decode(byte[] bytes) {
    Reader r = new Reader(bytes);
    int n = r.count(Integer.MAX_VALUE, MIN_CHANGE_LENGTH, "account changes");
    List<Change> changes = new ArrayList<>(n);
    Address last = null;
    for (int i = 0; i < n; i++) {
      int at = r.position();
      Address address = Address.read(r);
      if (last != null && last.compareTo(address) >= 0) {
        throw new DecodeException("Expected ascending addresses at offset " + at + " but change " + i + " is not after its predecessor");
      }
      last = address;
      int flagsAt = r.position();
      int flags = r.u8("change flags");
      if (flags < 1 || flags > 3) {
        throw new DecodeException("Expected change flags 1, 2 or 3 at offset " + flagsAt + " but got " + flags);
      }
      Optional<Account> before = (flags & 1) != 0 ? Optional.of(readAccount(r)) : Optional.empty();
      Optional<Account> after = (flags & 2) != 0 ? Optional.of(readAccount(r)) : Optional.empty();
      try {
        changes.add(new Change(address, before, after));
      } catch (IllegalArgumentException e) {
        throw new DecodeException("Non-canonical change " + i + " at offset " + at + ": " + e.getMessage());
      }
    }
    r.finish("state delta");
    return new StateDelta(changes);
  }

  private static void writeAccount(Writer w, Account a) {
    w.u64(a.balance().units()).u64(a.nonce());
  }

  private static Account readAccount(Reader r) {
    return new Account(Amount.ofUnits(r.u63("balance")), r.u63("nonce"));
  }
}
