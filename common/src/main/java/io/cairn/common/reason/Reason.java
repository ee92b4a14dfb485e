package io.cairn.common.reason;

import java.util.Locale;

/**
 * Every way input can be refused, with a stable kebab-case code shared by logs, metrics, RPC error
 * {@code data} and the wallet's messages. Codes are never renamed or reused; add new ones at the end
 * of their group. The full list with meanings is in docs/protocol.md.
 */
public enum Reason {
  // Encoding and user input.
  MALFORMED("bytes or text that do not follow the canonical encoding"),
  BAD_ADDRESS("an address that does not parse for this network"),
  BAD_AMOUNT("an amount that does not parse or is out of range"),
  BAD_VERSION("an unknown encoding or protocol version"),

  // Transaction, stateless.
  BAD_SIGNATURE("the signature does not verify for the sender over this network's genesis"),
  ZERO_AMOUNT("the amount is zero"),
  FEE_TOO_LOW("the fee is below the chain's minimum fee"),
  MEMO_TOO_LONG("the memo is longer than 64 bytes"),
  AMOUNT_OVERFLOW("amount plus fee overflows"),

  // Transaction, stateful.
  NONCE_TOO_LOW("the nonce was already used by the sender"),
  NONCE_TOO_HIGH("the nonce skips ahead of the sender's next nonce"),
  INSUFFICIENT_FUNDS("the sender's balance does not cover amount plus fee"),
  BALANCE_OVERFLOW("crediting the recipient would overflow its balance"),

  // Block.
  BAD_POW("the block hash is above its target"),
  BAD_TARGET("the target is not the ASERT target computed from the parent"),
  TIME_TOO_OLD("the timestamp is not after the median of the previous 11 blocks"),
  TIME_TOO_NEW("the timestamp is more than 15 s ahead of the local clock"),
  BAD_MERKLE_ROOT("the Merkle root does not match the transactions"),
  BLOCK_TOO_LARGE("the block encoding exceeds the chain's maximum block size"),
  BAD_HEIGHT("the height is not the parent's height plus one"),
  UNKNOWN_PARENT("the parent block is not known"),
  INVALID_ANCESTOR("an ancestor of the block is invalid"),
  DUPLICATE_TX("the same transaction appears twice in the block"),
  BAD_GENESIS("the genesis block does not match the chain spec"),

  // Mempool.
  ALREADY_KNOWN("the transaction is already in the mempool or the chain"),
  REPLACEMENT_FEE_TOO_LOW("a replacement must pay at least 10% more fee than the transaction it replaces"),
  NONCE_GAP_TOO_LARGE("the nonce is more than 16 ahead of the sender's next nonce"),
  SENDER_LIMIT("the sender already has the maximum number of pending transactions"),
  MEMPOOL_FULL("the mempool is full and the fee is too low to evict anything"),
  EXPIRED("the transaction stayed in the mempool past its expiry"),

  // Peers.
  WRONG_GENESIS("the peer is on another network"),
  INCOMPATIBLE_VERSION("the peer speaks an incompatible protocol version"),
  BAD_HANDSHAKE("the peer's handshake or identity binding is invalid"),
  HANDSHAKE_TIMEOUT("the peer did not finish the handshake in time"),
  SELF_CONNECTION("the connection leads back to this node"),
  DUPLICATE_CONNECTION("the node is already connected to that peer"),
  FRAME_TOO_LARGE("a frame is longer than the maximum"),
  UNKNOWN_MESSAGE("a message type this version does not know"),
  UNSOLICITED("data that was not requested"),
  FLOOD("too many messages or items in too short a time"),
  TOO_MANY_PEERS("no connection slot is free"),
  BANNED("the peer is banned"),
  TIMEOUT("a peer or request did not answer in time"),

  // RPC and wallet.
  UNAUTHORIZED("the request lacks the right cookie token"),
  NOT_FOUND("no such block, transaction, address or wallet"),
  WRONG_PASSWORD("the keystore password is wrong"),
  DEV_PHRASE_REFUSED("the public dev phrase may only be used on a dev network"),
  BUSY("the node is too busy to serve the request now; retry later"),
  NOT_ALLOWED("the operation is not allowed on this network or by this node's configuration");

  private final String code;
  private final String description;

  Reason(String description) {
    this.code = name().toLowerCase(Locale.ROOT).replace('_', '-');
    this.description = description;
  }

  /** The stable kebab-case code, e.g. {@code nonce-too-low}. */
  public String code() {
    return code;
  }

  public String description() {
    return description;
  }

  /** The reason with this code, or null. */
  public static Reason fromCode(String code) {
    for (Reason r : values()) {
      if (r.code.equals(code)) {
        return r;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return code;
  }
}
