package io.cairn.node.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.address.Address;
import io.cairn.common.amount.Amount;
import io.cairn.common.codec.DecodeException;
import io.cairn.common.codec.Writer;
import io.cairn.node.testing.MemoryAccounts;
import io.cairn.node.testing.TestKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateDeltaTest {
  private final Address a = min(TestKey.of(1).address(), TestKey.of(2).address());
  private final Address b = max(TestKey.of(1).address(), TestKey.of(2).address());
  private final Account acc1 = new Account(Amount.ofUnits(5), 1);
  private final Account acc2 = new Account(Amount.ofUnits(9), 2);

  private static Address min(Address x, Address y) {
    return x.compareTo(y) < 0 ? x : y;
  }

  private static Address max(Address x, Address y) {
    return x.compareTo(y) < 0 ? y : x;
  }

  private StateDelta sample() {
    return new StateDelta(List.of(
        new StateDelta.Change(a, Optional.empty(), Optional.of(acc1)),
        new StateDelta.Change(b, Optional.of(acc1), Optional.of(acc2))));
  }

  @Test
  void roundTripsAndUndoIsTheInverse() {
    StateDelta d = sample();
    assertEquals(d, StateDelta.decode(d.encode()));
    assertEquals(d.undo(), StateDelta.decode(d.undo().encode()));
    assertEquals(d, d.undo().undo());
    MemoryAccounts s = new MemoryAccounts(java.util.Map.of(b, acc1));
    MemoryAccounts before = s.copy();
    s.apply(d);
    assertEquals(acc1, s.account(a));
    assertEquals(acc2, s.account(b));
    s.apply(d.undo());
    assertEquals(before, s);
    assertEquals(StateDelta.EMPTY, StateDelta.decode(StateDelta.EMPTY.encode()));
  }

  @Test
  void encodingFollowsTheDiagram() {
    byte[] e = sample().encode();
    assertEquals(4 + (33 + 1 + 16) + (33 + 1 + 32), e.length);
    assertArrayEquals(new byte[] {0, 0, 0, 2}, Arrays.copyOf(e, 4));
    assertEquals(2, e[4 + 33], "first change: after only");
    assertEquals(3, e[4 + 50 + 33], "second change: before and after");
  }

  @Test
  void overlayReadsThrough() {
    AccountView base = x -> x.equals(b) ? acc1 : Account.EMPTY;
    AccountView over = sample().over(base);
    assertEquals(acc1, over.account(a));
    assertEquals(acc2, over.account(b));
    assertEquals(Account.EMPTY, over.account(TestKey.of(3).address()));
  }

  @Test
  void constructorRefusesNonCanonicalDeltas() {
    assertThrows(IllegalArgumentException.class, () -> new StateDelta(List.of(
        new StateDelta.Change(b, Optional.empty(), Optional.of(acc1)),
        new StateDelta.Change(a, Optional.empty(), Optional.of(acc1)))));
    assertThrows(IllegalArgumentException.class, () -> new StateDelta.Change(a, Optional.of(acc1), Optional.of(acc1)));
    assertThrows(IllegalArgumentException.class, () -> new StateDelta.Change(a, Optional.empty(), Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> new StateDelta.Change(a, Optional.of(Account.EMPTY), Optional.of(acc1)));
  }

  @Test
  void decodeRejectsTrailingTruncatedAndHostileInput() {
    byte[] e = sample().encode();
    byte[] trailing = Arrays.copyOf(e, e.length + 1);
    assertThrows(DecodeException.class, () -> StateDelta.decode(trailing));
    assertThrows(DecodeException.class, () -> StateDelta.decode(Arrays.copyOf(e, e.length - 1)));
    assertThrows(DecodeException.class, () -> StateDelta.decode(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}));
    assertThrows(DecodeException.class, () -> StateDelta.decode(new byte[0]));
  }

  @Test
  void decodeRejectsNonCanonicalChanges() {
    assertTrue(message(change(b, 2, null, acc1), change(a, 2, null, acc1)).contains("ascending"));
    assertTrue(message(change(a, 2, null, acc1), change(a, 2, null, acc2)).contains("ascending"));
    assertTrue(message(change(a, 0, null, acc1)).contains("flags"));
    assertTrue(message(change(a, 4, null, acc1)).contains("flags"));
    assertTrue(message(change(a, 3, acc1, acc1)).contains("Non-canonical"));
    assertTrue(message(change(a, 2, null, Account.EMPTY)).contains("Non-canonical"));
  }

  private static byte[][] change(Address address, int flags, Account before, Account after) {
    Writer w = new Writer();
    address.write(w);
    w.u8(flags);
    if (before != null) {
      w.raw(before.encode());
    }
    if (after != null) {
      w.raw(after.encode());
    }
    return new byte[][] {w.toByteArray()};
  }

  private static String message(byte[][]... changes) {
    Writer w = new Writer();
    w.u32(changes.length);
    for (byte[][] c : changes) {
      w.raw(c[0]);
    }
    return assertThrows(DecodeException.class, () -> StateDelta.decode(w.toByteArray())).getMessage();
  }
}
