package io.cairn.node.state;

import io.cairn.common.address.Address;

/** Read-only account state at some block; {@link Account#EMPTY} for an address never seen. */
@FunctionalInterface
public interface AccountView {
  Account account(Address address);
}
