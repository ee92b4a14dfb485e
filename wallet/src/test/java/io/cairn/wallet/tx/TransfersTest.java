package io.cairn.wallet.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Transaction;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import io.cairn.wallet.keys.AccountKey;
import io.cairn.wallet.keys.DevAccounts;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class TransfersTest {
  static final AccountKey FROM = DevAccounts.account(0);
  static final Address TO = DevAccounts.account(1).address();
  static final Hash G1 = Hash.parse("01".repeat(32));
  static final Hash G2 = Hash.parse("02".repeat(32));

  @Test
  void signedForOneNetworkOnly() {
    Transaction tx = Transfers.draft(FROM, TO, Amount.ofCrn(2), Amount.ofUnits(1000), 4, "hé", Optional.empty()).sign(G1);
    assertTrue(tx.verifySignature(G1));
    assertFalse(tx.verifySignature(G2));
    Transaction back = Transfers.fromHex(Transfers.toHex(tx));
    assertEquals(tx, back);
    assertEquals(tx.txid(), back.txid());
  }

  @Test
  void localChecksUseConsensusReasons() {
    assertEquals(Reason.ZERO_AMOUNT, reason(() -> Transfers.draft(FROM, TO, Amount.ZERO, Amount.ofUnits(1), 0, "", Optional.empty())));
    assertEquals(Reason.MEMO_TOO_LONG, reason(() -> Transfers.draft(FROM, TO, Amount.ofUnits(1), Amount.ofUnits(1), 0,
        "é".repeat(33), Optional.empty())));
    assertEquals(Reason.AMOUNT_OVERFLOW, reason(() -> Transfers.draft(FROM, TO, Amount.MAX, Amount.ofUnits(1), 0, "",
        Optional.empty())));
    assertEquals(Reason.FEE_TOO_LOW, reason(() -> Transfers.draft(FROM, TO, Amount.ofUnits(1), Amount.ofUnits(999), 0, "",
        Optional.of(Amount.ofUnits(1000)))));
  }

  @Test
  void hexErrors() {
    assertTrue(message(() -> Transfers.fromHex("")).contains("empty"));
    assertTrue(message(() -> Transfers.fromHex("0g")).startsWith("not a signed transaction"));
    assertTrue(message(() -> Transfers.fromHex("01")).contains("Expected 32 bytes for sender key"));
    assertTrue(message(() -> Transfers.fromHex("00".repeat(5000))).contains("at most"));
    Transaction tx = Transfers.draft(FROM, TO, Amount.ofCrn(1), Amount.ofUnits(1000), 0, "", Optional.empty()).sign(G1);
    assertTrue(message(() -> Transfers.fromHex(Transfers.toHex(tx) + "00")).contains("bytes remain"));
  }

  @Test
  void messageSignatures() {
    var sig = SignedMessages.sign(FROM, "hello");
    assertTrue(SignedMessages.verify(FROM.address(), "hello", sig));
    assertFalse(SignedMessages.verify(FROM.address(), "hello!", sig));
    assertFalse(SignedMessages.verify(TO, "hello", sig));
    assertFalse(io.cairn.common.crypto.Ed25519.verify(FROM.publicKey(), "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8), sig),
        "the domain tag is part of what is signed");
  }

  private static Reason reason(Runnable r) {
    return assertThrows(RejectedException.class, r::run).reason();
  }

  private static String message(Runnable r) {
    return assertThrows(RejectedException.class, r::run).getMessage();
  }
}
