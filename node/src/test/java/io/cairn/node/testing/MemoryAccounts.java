package io.cairn.node.testing;

import io.cairn.common.address.Address;
import io.cairn.node.state.Account;
import io.cairn.node.state.AccountView;
import io.cairn.node.state.StateDelta;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory account state for tests: absent addresses read as {@link Account#EMPTY}, empty
 * accounts are never stored (as in the real store). {@link #apply} checks each change's "before"
 * against the current state, so applying a delta to the wrong state fails loudly.
 */
public final class MemoryAccounts implements AccountView {
  private final TreeMap<Address, Account> accounts = new TreeMap<>();

  public MemoryAccounts() {}

  public MemoryAccounts(Map<Address, Account> initial) {
    initial.forEach((a, acc) -> {
      if (!acc.isEmpty()) {
        accounts.put(a, acc);
      }
    });
  }

  @Override
  public Account account(Address address) {
    return accounts.getOrDefault(address, Account.EMPTY);
  }

  /** Applies {@code delta}; IllegalStateException if a "before" does not match. */
  public MemoryAccounts apply(StateDelta delta) {
    for (StateDelta.Change c : delta.changes()) {
      if (!account(c.address()).equals(c.beforeOrEmpty())) {
        throw new IllegalStateException("delta expects " + c.beforeOrEmpty() + " at " + c.address().key().toHex()
            + " but the state holds " + account(c.address()));
      }
    }
    for (StateDelta.Change c : delta.changes()) {
      if (c.after().isPresent()) {
        accounts.put(c.address(), c.after().get());
      } else {
        accounts.remove(c.address());
      }
    }
    return this;
  }

  public MemoryAccounts copy() {
    return new MemoryAccounts(accounts);
  }

  /** The stored (non-empty) accounts, in address order. */
  public Map<Address, Account> asMap() {
    return new TreeMap<>(accounts);
  }

  /** Sum of all balances, checked. */
  public long totalSupply() {
    long total = 0;
    for (Account a : accounts.values()) {
      total = Math.addExact(total, a.balance().units());
    }
    return total;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MemoryAccounts m && m.accounts.equals(accounts);
  }

  @Override
  public int hashCode() {
    return accounts.hashCode();
  }

  @Override
  public String toString() {
    return "MemoryAccounts" + accounts;
  }
}
