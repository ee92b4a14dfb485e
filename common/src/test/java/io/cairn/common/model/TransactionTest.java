package io.cairn.common.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.amount.Amount;
import io.cairn.common.bytes.Bytes;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Sha256;
import io.cairn.common.crypto.Signature;
import io.cairn.common.testing.Fixtures;
import io.cairn.common.testing.TestKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TransactionTest {
  private final TestKey alice = Fixtures.key(0);
  private final Hash genesis = Fixtures.genesisHash();
  private final Transaction tx = Fixtures.transfer(alice, Fixtures.address(1), Amount.parse("1.25"), Amount.ofUnits(1000), 7,
      Bytes.utf8("rent"), genesis);

  @Test
  void signedTransactionVerifiesOnlyOnItsNetwork() {
    assertTrue(tx.verifySignature(genesis));
    assertFalse(tx.verifySignature(Hash.ZERO));
    assertFalse(tx.verifySignature(Sha256.hash("another network".getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void signingMessageIsDomainGenesisBody() {
    byte[] msg = tx.signingMessage(genesis);
    byte[] domain = "cairn/tx/v1".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(domain, Arrays.copyOf(msg, 11));
    assertArrayEquals(genesis.toArray(), Arrays.copyOfRange(msg, 11, 43));
    byte[] encoded = tx.encode();
    assertArrayEquals(Arrays.copyOf(encoded, encoded.length - 64), Arrays.copyOfRange(msg, 43, msg.length));
    assertEquals(91 + 4, msg.length - 43, "body is 91 bytes plus the memo");
  }

  @Test
  void txidIsSha256OfTheSignedEncoding() {
    assertEquals(Sha256.hash(tx.encode()), tx.txid());
    Transaction unsigned = Transaction.unsigned(tx.from(), tx.to(), tx.amount(), tx.fee(), tx.nonce(), tx.memo());
    assertNotEquals(unsigned.txid(), tx.txid(), "the signature is part of the txid");
  }

  @Test
  void isAValueOverItsEightFieldsWhateverTheRememberedTxid() {
    Transaction copy = Transaction.decode(tx.encode());
    Hash first = tx.txid();
    assertEquals(first, tx.txid());
    assertEquals(tx, copy);
    assertEquals(tx.hashCode(), copy.hashCode());
    assertEquals(first, copy.txid());
    Transaction other = new Transaction(tx.version(), tx.from(), tx.to(), tx.amount(), tx.fee(), tx.nonce() + 1,
        tx.memo(), tx.signature());
    assertNotEquals(tx, other);
    assertNotEquals(first, other.txid());
    assertEquals(Sha256.hash(other.encode()), other.txid());
    assertTrue(tx.toString().startsWith("Transaction[version=1, from="), tx.toString());
  }

  @Test
  void everyFieldIsCoveredBySignature() {
    Signature sig = tx.signature();
    Transaction[] altered = {
      new Transaction(1, Fixtures.key(2).publicKey(), tx.to(), tx.amount(), tx.fee(), tx.nonce(), tx.memo(), sig),
      new Transaction(1, tx.from(), Fixtures.address(2), tx.amount(), tx.fee(), tx.nonce(), tx.memo(), sig),
      new Transaction(1, tx.from(), tx.to(), tx.amount().plus(Amount.ofUnits(1)), tx.fee(), tx.nonce(), tx.memo(), sig),
      new Transaction(1, tx.from(), tx.to(), tx.amount(), tx.fee().plus(Amount.ofUnits(1)), tx.nonce(), tx.memo(), sig),
      new Transaction(1, tx.from(), tx.to(), tx.amount(), tx.fee(), tx.nonce() + 1, tx.memo(), sig),
      new Transaction(1, tx.from(), tx.to(), tx.amount(), tx.fee(), tx.nonce(), Bytes.utf8("rend"), sig),
      new Transaction(1, tx.from(), tx.to(), tx.amount(), tx.fee(), tx.nonce(), Bytes.EMPTY, sig),
    };
    for (Transaction t : altered) {
      assertFalse(t.verifySignature(genesis), t.toString());
    }
  }

  @Test
  void unsignedNeverVerifies() {
    Transaction unsigned = Transaction.unsigned(tx.from(), tx.to(), tx.amount(), tx.fee(), tx.nonce(), tx.memo());
    assertEquals(Signature.EMPTY, unsigned.signature());
    assertFalse(unsigned.verifySignature(genesis));
  }

  @Test
  void signingWithAForeignSeedIsRefused() {
    Transaction unsigned = Transaction.unsigned(tx.from(), tx.to(), tx.amount(), tx.fee(), tx.nonce(), tx.memo());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> unsigned.signWith(Fixtures.key(1).seed(), genesis));
    assertTrue(e.getMessage().contains("does not belong to the sender key"), e.getMessage());
  }

  @Test
  void constructorRejectsCallerBugs() {
    assertThrows(IllegalArgumentException.class, () ->
        new Transaction(2, tx.from(), tx.to(), tx.amount(), tx.fee(), 0, Bytes.EMPTY, tx.signature()));
    assertThrows(IllegalArgumentException.class, () ->
        new Transaction(1, tx.from(), tx.to(), tx.amount(), tx.fee(), -1, Bytes.EMPTY, tx.signature()));
    assertThrows(IllegalArgumentException.class, () ->
        new Transaction(1, tx.from(), tx.to(), tx.amount(), tx.fee(), 0, Bytes.of(new byte[65]), tx.signature()));
    assertThrows(NullPointerException.class, () ->
        new Transaction(1, null, tx.to(), tx.amount(), tx.fee(), 0, Bytes.EMPTY, tx.signature()));
  }

  @Test
  void totalCostIsChecked() {
    assertEquals(Amount.parse("1.25001"), tx.totalCost());
    Transaction huge = Transaction.unsigned(tx.from(), tx.to(), Amount.MAX, Amount.ofUnits(1), 0, Bytes.EMPTY);
    assertThrows(ArithmeticException.class, huge::totalCost);
  }

  @Test
  void sizesAndSender() {
    assertEquals(155, Transaction.MIN_ENCODED_LENGTH);
    assertEquals(219, Transaction.MAX_ENCODED_LENGTH);
    assertEquals(159, tx.encode().length);
    assertEquals(alice.address(), tx.sender());
  }

  @Test
  void fixtureTransfersAreValidAndDeterministic() {
    assertEquals(Fixtures.transfers(12), Fixtures.transfers(12));
    for (Transaction t : Fixtures.transfers(12)) {
      assertTrue(t.verifySignature(genesis));
    }
    assertEquals(1, Fixtures.transfers(12).get(10).nonce());
  }
}
