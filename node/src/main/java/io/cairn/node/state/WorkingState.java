package io.cairn.node.state;

import io.cairn.common.address.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Accounts read from a view and changed in memory while one block is applied. */
final class WorkingState {
  private final AccountView base;
  private final Map<Address, Account> before = new TreeMap<>();
  private final Map<Address, Account> current = new TreeMap<>();

  WorkingState(AccountView base) {
    this.base = base;
  }

  Account get(Address address) {
    Account a = current.get(address);
    if (a == null) {
      a = base.account(address);
      if (a == null) {
        throw new IllegalStateException("account view returned null for " + address.key().toHex());
      }
      before.put(address, a);
      current.put(address, a);
    }
    return a;
  }

  void put(Address address, Account account) {
    get(address);
    current.put(address, account);
  }

  /** Changed accounts in ascending address order. */
  StateDelta delta() {
    List<StateDelta.Change> changes = new ArrayList<>();
    for (Map.Entry<Address, Account> e : current.entrySet()) {
      Account b = before.get(e.getKey());
      if (!b.equals(e.getValue()) && !(b.isEmpty() && e.getValue().isEmpty())) {
        changes.add(StateDelta.Change.of(e.getKey(), b, e.getValue()));
      }
    }
    return new StateDelta(changes);
  }
}
