package io.cairn.wallet.client;

import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the wallet asks of a node, over JSON-RPC 2.0. Every method throws {@link NodeException} when
 * the node cannot be reached, refuses the credentials, answers with an error, or answers something
 * that is not a well-formed response (which is never trusted, only reported).
 */
public interface NodeClient {

  /** {@code chain_info}. */
  ChainInfo chainInfo();

  /** {@code state_getAccount {address}}. */
  AccountState account(String address);

  /** {@code state_getHistory {address, limit, before}}: confirmed transactions, newest first. */
  List<HistoryEntry> history(String address, int limit, Optional<String> before);

  /** {@code chain_getTransaction {txid}}. */
  TxStatus transaction(Hash txid);

  /** {@code tx_submit {tx: hex}}: the txid the node reports. */
  Hash submit(Transaction tx);

  /**
   * {@code chain_info}. {@code addressPrefix}, {@code minFee} and {@code dev} are optional: the node
   * may expose them (the wallet uses them when present) and the wallet falls back otherwise.
   */
  record ChainInfo(String network, Hash genesisHash, long height, Optional<Hash> tipHash,
      Optional<String> addressPrefix, Optional<Amount> minFee, Optional<Boolean> dev) {
    public ChainInfo {
      Objects.requireNonNull(network, "network");
      Objects.requireNonNull(genesisHash, "genesisHash");
    }
  }

  /** {@code state_getAccount}: confirmed balance and nonce, and the next nonce counting the mempool. */
  record AccountState(Amount balance, long nonce, long pendingNonce) {}

  /** One line of {@code state_getHistory}; only {@code txid} is required of the node. */
  record HistoryEntry(Hash txid, Optional<String> from, Optional<String> to, Optional<Amount> amount,
      Optional<Amount> fee, OptionalLong nonce, OptionalLong height, OptionalLong timestampMs) {}

  /** {@code chain_getTransaction}. */
  record TxStatus(Status status, Optional<Hash> blockHash, OptionalLong height, long confirmations) {}

  /** Where a transaction is. */
  enum Status {
    PENDING,
    CONFIRMED;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
