package io.cairn.node.state;

import io.cairn.common.address.Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts read from a view and changed in memory while one block is applied. One hash lookup per
 * read or write (a block touches up to two accounts per transaction); the changes are sorted by
 * address once, when {@link #delta} is taken.
 */
final class WorkingState {
  private final AccountView base;
  private final Map<Address, Slot> slots = new HashMap<>();

  /** An account's value at the base and its value now. */
  private static final class Slot {
    final Account before;
    Account current;

    Slot(Account before) {
      this.before = before;
      this.current = before;
    }
  }

  WorkingState(AccountView base) {
    this.base = base;
  }

  Account get(Address address) {
    return slot(address).current;
  }

  void put(Address address, Account account) {
    slot(address).current = account;
  }

  private Slot slot(Address address) {
    Slot s = slots.get(address);
    if (s == null) {
      Account a = base.account(address);
      if (a == null) {
        throw new IllegalStateException("account view returned null for " + address.key().toHex());
      }
      s = new Slot(a);
      slots.put(address, s);
    }
    return s;
  }

  /** Changed accounts in ascending address order ({@link AddressOrder}). */
  StateDelta delta() {
    Address[] addresses = new Address[slots.size()];
    Slot[] changed = new Slot[slots.size()];
    int n = 0;
    for (Map.Entry<Address, Slot> e : slots.entrySet()) {
      Account b = e.getValue().before;
      Account c = e.getValue().current;
      if (!b.equals(c) && !(b.isEmpty() && c.isEmpty())) {
        addresses[n] = e.getKey();
        changed[n++] = e.getValue();
      }
    }
    addresses = Arrays.copyOf(addresses, n);
    List<StateDelta.Change> changes = new ArrayList<>(n);
    for (int i : AddressOrder.sort(addresses)) {
      changes.add(StateDelta.Change.of(addresses[i], changed[i].before, changed[i].current));
    }
    return new StateDelta(changes);
  }
}
