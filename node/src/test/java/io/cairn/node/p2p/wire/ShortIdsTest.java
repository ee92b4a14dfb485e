package io.cairn.node.p2p.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.cairn.common.address.Address;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.PublicKey;
import io.cairn.common.crypto.Sha256;
import io.cairn.common.model.BlockHeader;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.crypto.macs.SipHash;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class ShortIdsTest {
  private static final BlockHeader HEADER = new BlockHeader(BlockHeader.VERSION, 7, Hash.of(new byte[32]),
      Hash.of(new byte[32]), 1_700_000_000_000L, 0x207fffff, 42, Address.of(PublicKey.of(new byte[32])));

  /** The reference: Bouncy Castle's general SipHash-2-4 MAC, keyed as the spec says. */
  private static long reference(BlockHeader header, long salt, Hash txid) {
    byte[] seed = new io.cairn.common.codec.Writer(BlockHeader.ENCODED_LENGTH + 8).raw(header.encode()).u64(salt).toByteArray();
    SipHash mac = new SipHash(2, 4);
    mac.init(new KeyParameter(Arrays.copyOf(Sha256.digest(seed), 16)));
    byte[] id = txid.toArray();
    mac.update(id, 0, id.length);
    return mac.doFinal() & 0xffff_ffff_ffffL;
  }

  @Test
  void matchesBouncyCastlesSipHash24OnRandomTxidsAndSalts() {
    Random r = new Random(5);
    for (int i = 0; i < 2_000; i++) {
      long salt = r.nextLong();
      byte[] id = new byte[32];
      r.nextBytes(id);
      Hash txid = Hash.of(id);
      assertEquals(reference(HEADER, salt, txid), ShortIds.forBlock(HEADER, salt).of(txid), "case " + i);
    }
  }

  @Test
  void theKeyDependsOnHeaderAndSaltAndIdsAre48Bits() {
    Hash txid = Hash.of(new byte[32]);
    long a = ShortIds.forBlock(HEADER, 1).of(txid);
    assertNotEquals(a, ShortIds.forBlock(HEADER, 2).of(txid));
    assertNotEquals(a, ShortIds.forBlock(HEADER.withNonce(43), 1).of(txid));
    assertEquals(0, a >>> 48);
  }
}
