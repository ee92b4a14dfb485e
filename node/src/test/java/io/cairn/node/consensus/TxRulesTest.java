package io.cairn.node.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Signature;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.Rejected;
import io.cairn.common.spec.ChainSpec;
import io.cairn.common.spec.Genesis;
import io.cairn.node.state.Account;
import io.cairn.node.testing.TestKey;
import io.cairn.node.testing.TestSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TxRulesTest {
  private final ChainSpec spec = TestSpecs.easy();
  private final Hash genesis = Genesis.hash(spec);
  private final TestKey alice = TestKey.of(0);
  private final Address bob = TestKey.of(1).address();
  private final Amount fee = spec.minFee();

  private Transaction tx(long amount, long feeUnits, long nonce) {
    return alice.transfer(genesis, bob, Amount.ofUnits(amount), Amount.ofUnits(feeUnits), nonce);
  }

  private static Reason reason(Optional<Rejected> r) {
    assertTrue(r.isPresent(), "expected a rejection");
    return r.get().reason();
  }

  @Test
  void validTransactionPassesEveryRule() {
    Transaction t = alice.transfer(genesis, bob, Amount.ofCrn(1), fee, 0, Bytes.of(new byte[Transaction.MAX_MEMO]));
    assertEquals(Optional.empty(), TxRules.stateless(t, spec, genesis, SignatureCheck.DIRECT));
    assertEquals(Optional.empty(), TxRules.stateful(t, new Account(Amount.ofCrn(2), 0)));
  }

  @Test
  void signedForAnotherNetworkIsBadSignature() {
    Transaction t = alice.transfer(Hash.ZERO, bob, Amount.ofCrn(1), fee, 0);
    Optional<Rejected> r = TxRules.stateless(t, spec, genesis, SignatureCheck.DIRECT);
    assertEquals(Reason.BAD_SIGNATURE, reason(r));
    assertEquals(Optional.empty(), TxRules.stateless(t, spec, Hash.ZERO, SignatureCheck.DIRECT));
  }

  @Test
  void alteredTransactionIsBadSignature() {
    Transaction t = tx(100, 1_000, 0);
    Transaction altered = new Transaction(t.version(), t.from(), t.to(), Amount.ofUnits(101), t.fee(), t.nonce(),
        t.memo(), t.signature());
    assertEquals(Reason.BAD_SIGNATURE, reason(TxRules.stateless(altered, spec, genesis, SignatureCheck.DIRECT)));
    Transaction unsigned = new Transaction(t.version(), t.from(), t.to(), t.amount(), t.fee(), t.nonce(), t.memo(),
        Signature.EMPTY);
    assertEquals(Reason.BAD_SIGNATURE, reason(TxRules.stateless(unsigned, spec, genesis, SignatureCheck.DIRECT)));
  }

  @Test
  void signatureGoesThroughTheSeamAndComesFirst() {
    List<Transaction> seen = new ArrayList<>();
    SignatureCheck refuse = (t, g) -> {
      seen.add(t);
      return false;
    };
    Transaction zero = tx(0, 0, 0); // also zero amount and fee too low
    assertEquals(Reason.BAD_SIGNATURE, reason(TxRules.stateless(zero, spec, genesis, refuse)));
    assertEquals(List.of(zero), seen);
    assertEquals(Reason.ZERO_AMOUNT, reason(TxRules.stateless(zero, spec, genesis, (t, g) -> true)));
  }

  @Test
  void zeroAmount() {
    assertEquals(Reason.ZERO_AMOUNT, reason(TxRules.body(tx(0, 1_000, 0), spec)));
    assertEquals(Optional.empty(), TxRules.body(tx(1, 1_000, 0), spec));
  }

  @Test
  void feeBelowMinimum() {
    assertEquals(Reason.FEE_TOO_LOW, reason(TxRules.body(tx(5, 999, 0), spec)));
    assertEquals(Reason.FEE_TOO_LOW, reason(TxRules.body(tx(5, 0, 0), spec)));
    assertEquals(Optional.empty(), TxRules.body(tx(5, 1_000, 0), spec));
  }

  @Test
  void memoLimitIsSixtyFourBytes() {
    // The model refuses a longer memo outright (and the codec refuses to decode one); the rule
    // guards the boundary for any other construction path.
    Transaction t = alice.transfer(genesis, bob, Amount.ofCrn(1), fee, 0, Bytes.of(new byte[64]));
    assertEquals(Optional.empty(), TxRules.memoSize(t, spec));
  }

  @Test
  void amountPlusFeeOverflow() {
    Transaction t = tx(Long.MAX_VALUE, 1_000, 0);
    Optional<Rejected> r = TxRules.body(t, spec);
    assertEquals(Reason.AMOUNT_OVERFLOW, reason(r));
    assertEquals(Reason.AMOUNT_OVERFLOW, reason(TxRules.stateful(t, new Account(Amount.MAX, 0))));
    assertEquals(Optional.empty(), TxRules.body(tx(Long.MAX_VALUE - 1_000, 1_000, 0), spec));
  }

  @Test
  void nonceMustEqualTheAccountNonce() {
    Account sender = new Account(Amount.ofCrn(10), 5);
    assertEquals(Reason.NONCE_TOO_LOW, reason(TxRules.stateful(tx(1, 1_000, 4), sender)));
    assertEquals(Reason.NONCE_TOO_LOW, reason(TxRules.stateful(tx(1, 1_000, 0), sender)));
    assertEquals(Reason.NONCE_TOO_HIGH, reason(TxRules.stateful(tx(1, 1_000, 6), sender)));
    assertEquals(Optional.empty(), TxRules.stateful(tx(1, 1_000, 5), sender));
  }

  @Test
  void balanceMustCoverAmountPlusFee() {
    Account exact = new Account(Amount.ofUnits(1_100), 0);
    assertEquals(Optional.empty(), TxRules.stateful(tx(100, 1_000, 0), exact));
    Optional<Rejected> r = TxRules.stateful(tx(101, 1_000, 0), exact);
    assertEquals(Reason.INSUFFICIENT_FUNDS, reason(r));
    assertTrue(r.get().detail().contains("1101"), r.get().detail());
    assertEquals(Reason.INSUFFICIENT_FUNDS, reason(TxRules.stateful(tx(1, 1_000, 0), Account.EMPTY)));
  }

  @Test
  void nonceIsCheckedBeforeFunds() {
    assertEquals(Reason.NONCE_TOO_HIGH, reason(TxRules.stateful(tx(1, 1_000, 3), Account.EMPTY)));
  }

  @Test
  void reasonCodesAreTheDocumentedOnes() {
    assertEquals("bad-signature", Reason.BAD_SIGNATURE.code());
    assertEquals("nonce-too-low", Reason.NONCE_TOO_LOW.code());
    assertEquals("insufficient-funds", Reason.INSUFFICIENT_FUNDS.code());
    assertEquals("fee-too-low", Reason.FEE_TOO_LOW.code());
  }
}
