package io.cairn.node.state;

import io.cairn.common.address.Address;
import java.util.ArrayList;
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

  /** Changed accounts in ascending address order. */
  StateDelta delta() {
    List<Map.Entry<Address, Slot>> changed = new ArrayList<>();
    for (Map.Entry<Address, Slot> e : slots.entrySet()) {
      Account b = e.getValue().before;
      Account c = e.getValue().current;
      if (!b.equals(c) && !(b.isEmpty() && c.isEmpty())) {
        changed.add(e);
      }
    }
    changed.sort(Map.Entry.comparingByKey());
    List<StateDelta.Change> changes = new ArrayList<>(changed.size());
    for (Map.Entry<Address, Slot> e : changed) {
      changes.add(StateDelta.Change.of(e.getKey(), e.getValue().before, e.getValue().current));
    }
    return new StateDelta(changes);
  }
}
