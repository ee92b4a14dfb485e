package io.cairn.node.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.PublicKey;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AddressOrderTest {
  private static Address address(byte[] key) {
    return Address.of(PublicKey.of(key));
  }

  private static Address[] random(Random rnd, int n) {
    Address[] a = new Address[n];
    for (int i = 0; i < n; i++) {
      byte[] k = new byte[32];
      rnd.nextBytes(k);
      a[i] = address(k);
    }
    return a;
  }

  /** What the comparator gives (stable: equal addresses in input order). */
  private static int[] expected(Address[] a) {
    return IntStream.range(0, a.length).boxed()
        .sorted(Comparator.comparing((Integer i) -> a[i])).mapToInt(Integer::intValue).toArray();
  }

  @Test
  void ordersRandomAddressesAsTheirComparator() {
    Random rnd = new Random(7);
    for (int n : new int[] {0, 1, 2, 3, 100, 13_000}) {
      Address[] a = random(rnd, n);
      assertArrayEquals(expected(a), AddressOrder.sort(a), "n = " + n);
    }
  }

  @Test
  void addressesSharingTheirFirstSixBytesAreComparedInFull() {
    // Keys with equal prefixes, differing only after byte 6 (and in the sign bit of later bytes),
    // mixed with keys whose prefix holds bytes >= 0x80: the packed sort alone would keep input order.
    Random rnd = new Random(11);
    Address[] a = new Address[600];
    for (int i = 0; i < a.length; i++) {
      byte[] k = new byte[32];
      rnd.nextBytes(k);
      if (i % 3 != 0) {
        byte[] prefix = {(byte) 0x80, 0, (byte) 0xff, 1, (byte) 0x7f, (byte) (i % 4)};
        System.arraycopy(prefix, 0, k, 0, prefix.length);
      }
      a[i] = address(k);
    }
    assertArrayEquals(expected(a), AddressOrder.sort(a));
  }

  @Test
  void equalAddressesKeepTheirInputOrder() {
    byte[] k = new byte[32];
    k[31] = 5;
    Address x = address(k);
    Address y = address(new byte[32]);
    assertArrayEquals(new int[] {1, 3, 0, 2}, AddressOrder.sort(new Address[] {x, y, x, y}));
  }

  @Test
  void moreAddressesThanPositionsInTheKeyTakeTheComparator() {
    Address[] a = random(new Random(3), AddressOrder.MAX_PACKED + 10);
    int[] order = AddressOrder.sort(a);
    assertArrayEquals(expected(a), order);
    assertEquals(a.length, Arrays.stream(order).distinct().count());
  }

  @Test
  void prefixIsTheFirstSixBytesUnsigned() {
    byte[] k = new byte[32];
    Arrays.fill(k, (byte) 0xff);
    assertEquals(0xffff_ffff_ffffL, PublicKey.of(k).prefix48());
    k[0] = 1;
    k[5] = 2;
    assertEquals(0x01ff_ffff_ff02L, PublicKey.of(k).prefix48());
  }
}
