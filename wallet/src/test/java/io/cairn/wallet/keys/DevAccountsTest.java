package io.cairn.wallet.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.address.Address;
import io.cairn.common.reason.Reason;
import io.cairn.common.reason.RejectedException;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

final class DevAccountsTest {
  /** Pinned so that any change to BIP39, SLIP-0010, the path or the address format is noticed. */
  static final List<String> EXPECTED = List.of(DevAddresses.ALL);

  @Test
  void tenDistinctPinnedAddresses() {
    List<Address> addrs = DevAccounts.addresses();
    assertEquals(10, addrs.size());
    assertEquals(10, new HashSet<>(addrs).size());
    for (int i = 0; i < 10; i++) {
      assertEquals(EXPECTED.get(i), addrs.get(i).encode("tcairn"), "dev account " + i);
    }
  }

  @Test
  void refusedOnNonDevNetworkOnly() {
    byte[] seed = DevAccounts.seed();
    DevAccounts.requireAllowed(seed, true, "testnet");
    RejectedException e = assertThrows(RejectedException.class, () -> DevAccounts.requireAllowed(seed, false, "main"));
    assertEquals(Reason.DEV_PHRASE_REFUSED, e.reason());
    assertTrue(e.getMessage().contains("'main'"));
    DevAccounts.requireAllowed(Bip39.seed(DevAccounts.PHRASE, "secret"), false, "main");
  }

  @Test
  void recognisesThePhrase() {
    assertTrue(DevAccounts.isDevPhrase(" TEST test test test test test test test test test test   junk\n"));
    assertFalse(DevAccounts.isDevPhrase("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"));
  }
}
