package io.cairn.node.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.amount.Amount;
import io.cairn.common.codec.DecodeException;
import io.cairn.common.codec.Writer;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Sha256;
import io.cairn.common.model.Transaction;
import io.cairn.node.testing.TestKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved mempool's format: round trip, the first format, and every kind of damage refused with a reason. */
class MempoolFileTest {
  private static final Hash GENESIS = Hash.of(new byte[32]);
  private static final List<Transaction> TXS = List.of(
      TestKey.of(1).transfer(GENESIS, TestKey.of(2).address(), Amount.ofUnits(5), Amount.ofUnits(1_000), 0),
      TestKey.of(1).transfer(GENESIS, TestKey.of(2).address(), Amount.ofUnits(6), Amount.ofUnits(1_000), 1),
      TestKey.of(3).transfer(GENESIS, TestKey.of(2).address(), Amount.ofUnits(7), Amount.ofUnits(2_000), 4));

  private static final List<MempoolFile.Saved> SAVED = List.of(new MempoolFile.Saved(TXS.get(0), 1_700_000_000_000L),
      new MempoolFile.Saved(TXS.get(1), 1_700_000_000_500L), new MempoolFile.Saved(TXS.get(2), MempoolFile.UNKNOWN));

  @Test
  void roundTripKeepsTheTransactionsInOrderWithTheirTimes() {
    assertEquals(SAVED, MempoolFile.decode(MempoolFile.encode(GENESIS, SAVED), GENESIS));
    assertEquals(List.of(), MempoolFile.decode(MempoolFile.encode(GENESIS, List.of()), GENESIS));
  }

  @Test
  void aFileOfTheFirstFormatIsReadWithoutTimes() {
    Writer w = new Writer(1_000).raw("CAIRNMP1".getBytes(StandardCharsets.US_ASCII)).fixed(GENESIS).u32(TXS.size());
    for (Transaction tx : TXS) {
      w.bytes32(tx.encode());
    }
    byte[] body = w.toByteArray();
    byte[] file = Arrays.copyOf(body, body.length + Hash.LENGTH);
    System.arraycopy(Sha256.digest(body), 0, file, body.length, Hash.LENGTH);
    List<MempoolFile.Saved> read = MempoolFile.decode(file, GENESIS);
    assertEquals(TXS, read.stream().map(MempoolFile.Saved::tx).toList());
    assertTrue(read.stream().allMatch(x -> x.addedMillis() == MempoolFile.UNKNOWN));
  }

  @Test
  void damageIsRefusedWithAReason() {
    byte[] good = MempoolFile.encode(GENESIS, SAVED);
    assertTrue(message(Arrays.copyOf(good, good.length - 1)).contains("checksum"));
    byte[] flipped = good.clone();
    flipped[60] ^= 1;
    assertTrue(message(flipped).contains("checksum"));
    assertTrue(message(new byte[10]).contains("too short"));
    Hash other = Hash.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
        23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    DecodeException e = assertThrows(DecodeException.class, () -> MempoolFile.decode(good, other));
    assertTrue(e.getMessage().contains("another chain"), e.getMessage());
  }

  @Test
  void writeReplacesAtomicallyAndReadIgnoresACrashedWrite(@TempDir Path dir) throws IOException {
    assertTrue(MempoolFile.read(dir, GENESIS).isEmpty(), "no file: nothing to restore");
    MempoolFile.write(dir, GENESIS, SAVED.subList(0, 1));
    MempoolFile.write(dir, GENESIS, SAVED);
    Files.writeString(dir.resolve(MempoolFile.NAME + ".tmp"), "half a file", StandardCharsets.US_ASCII);
    assertEquals(SAVED, MempoolFile.read(dir, GENESIS).orElseThrow());
    assertFalse(Files.exists(dir.resolve(MempoolFile.NAME + ".tmp")), "a write cut short is removed");
  }

  private static String message(byte[] bytes) {
    return assertThrows(DecodeException.class, () -> MempoolFile.decode(bytes, GENESIS)).getMessage();
  }
}
