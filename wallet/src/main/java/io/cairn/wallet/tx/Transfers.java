package io.cairn.wallet.tx;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.bytes.Hex;
import io.cairn.common.codec.DecodeException;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import io.cairn.wallet.keys.AccountKey;
import java.util.Optional;

/**
 * Builds and signs transfers locally, and reads signed transactions given as hex. Checks what the
 * wallet can know without a node (amount, memo size, overflow, fee against a known minimum) and
 * reports it with the consensus rules' reason codes.
 */
public final class Transfers {
  /** Fee used when neither the user nor the node nor a chain spec says otherwise (base units). */
  public static final Amount FALLBACK_FEE = Amount.ofUnits(1000);

  private Transfers() {}

  /** The details of a transfer before signing; what the user confirms. */
  public record Draft(AccountKey from, Address to, Amount amount, Amount fee, long nonce, Bytes memo) {
    /** The unsigned transaction. */
    public Transaction unsigned() {
      return Transaction.unsigned(from.publicKey(), to, amount, fee, nonce, memo);
    }

    /** Signs for the network with this genesis hash. */
    public Transaction sign(Hash genesis) {
      return from.sign(unsigned(), genesis);
    }
  }

  /**
   * Checks the parts of a transfer.
   *
   * @param minFee the chain's minimum fee if known
   * @throws RejectedException {@link Reason#ZERO_AMOUNT}, {@link Reason#MEMO_TOO_LONG},
   *     {@link Reason#AMOUNT_OVERFLOW}, {@link Reason#FEE_TOO_LOW} or {@link Reason#MALFORMED}
   */
  public static Draft draft(AccountKey from, Address to, Amount amount, Amount fee, long nonce, String memo,
      Optional<Amount> minFee) {
    if (amount.isZero()) {
      throw new RejectedException(Reason.ZERO_AMOUNT, "the amount must be greater than zero");
    }
    Bytes m = memo == null ? Bytes.EMPTY : Bytes.utf8(memo);
    if (m.length() > Transaction.MAX_MEMO) {
      throw new RejectedException(Reason.MEMO_TOO_LONG, "the memo is " + m.length() + " bytes in UTF-8; at most "
          + Transaction.MAX_MEMO + " are allowed");
    }
    try {
      amount.plus(fee);
    } catch (ArithmeticException e) {
      throw new RejectedException(Reason.AMOUNT_OVERFLOW, "amount plus fee exceeds the largest amount");
    }
    if (minFee.isPresent() && fee.compareTo(minFee.get()) < 0) {
      throw new RejectedException(Reason.FEE_TOO_LOW, "the fee " + fee.display() + " is below the chain's minimum fee "
          + minFee.get().display());
    }
    if (nonce < 0) {
      throw new RejectedException(Reason.MALFORMED, "the nonce must not be negative");
    }
    return new Draft(from, to, amount, fee, nonce, m);
  }

  public static String toHex(Transaction tx) {
    return Hex.encode(tx.encode());
  }

  /**
   * Decodes a signed transaction from hex.
   *
   * @throws RejectedException {@link Reason#MALFORMED} saying what is wrong
   */
  public static Transaction fromHex(String hex) {
    String s = hex == null ? "" : hex.strip();
    if (s.isEmpty()) {
      throw new RejectedException(Reason.MALFORMED, "empty transaction hex");
    }
    if (s.length() > 2 * (Transaction.MAX_ENCODED_LENGTH + 1)) {
      throw new RejectedException(Reason.MALFORMED, "transaction hex is " + s.length() / 2 + " bytes; a transaction has at most "
          + Transaction.MAX_ENCODED_LENGTH);
    }
    try {
      return Transaction.decode(Hex.decode(s));
    } catch (IllegalArgumentException | DecodeException e) {
      throw new RejectedException(Reason.MALFORMED, "not a signed transaction: " + e.getMessage());
    }
  }
}
