package io.cairn.node.mempool;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.PublicKey;
import io.cairn.common.model.Transaction;
import io.cairn.node.state.Account;
import io.cairn.node.state.AccountView;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Unsigned transactions and a map of accounts, for policy tests that skip signatures (the precheck
 * accepts everything). Senders are distinct fake keys numbered from 1.
 */
final class PoolFixture {
  static final TxPrecheck ACCEPT_ALL = tx -> Optional.empty();
  static final Address RECIPIENT = Address.of(key(0xEE));

  final Map<Address, Account> accounts = new HashMap<>();
  final AccountView view = a -> accounts.getOrDefault(a, Account.EMPTY);

  static PublicKey key(int i) {
    byte[] b = new byte[PublicKey.LENGTH];
    b[0] = (byte) i;
    b[1] = (byte) (i >>> 8);
    b[31] = 0x11;
    return PublicKey.of(b);
  }

  static Address addr(int i) {
    return Address.of(key(i));
  }

  PoolFixture fund(int sender, long balance, long nonce) {
    accounts.put(addr(sender), new Account(Amount.ofUnits(balance), nonce));
    return this;
  }

  static Transaction tx(int sender, long nonce, long amount, long fee) {
    return tx(sender, nonce, amount, fee, "");
  }

  static Transaction tx(int sender, long nonce, long amount, long fee, String memo) {
    return Transaction.unsigned(key(sender), RECIPIENT, Amount.ofUnits(amount), Amount.ofUnits(fee), nonce,
        Bytes.utf8(memo));
  }

  Mempool pool(MempoolConfig config) {
    return new Mempool(config, ACCEPT_ALL, view);
  }

  Mempool pool() {
    return pool(MempoolConfig.DEFAULT);
  }
}
