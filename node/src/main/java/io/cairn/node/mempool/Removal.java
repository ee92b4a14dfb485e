package io.cairn.node.mempool;

import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;

/**
 * A transaction the mempool dropped after admitting it, and why: {@code expired}, {@code nonce-too-low}
 * or {@code insufficient-funds} after a block, {@code nonce-gap-too-large} or {@code sender-limit}
 * after a reorganisation, {@code mempool-full} when evicted for a better-paying transaction.
 */
public record Removal(Hash txid, Transaction tx, Reason reason) {}
