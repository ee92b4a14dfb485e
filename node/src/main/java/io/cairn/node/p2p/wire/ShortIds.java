package io.cairn.node.p2p.wire;

import io.cairn.common.codec.Writer;
import io.cairn.common.crypto.Hash;
import io.cairn.common.crypto.Sha256;
import io.cairn.common.model.BlockHeader;
import java.util.Arrays;
import org.bouncycastle.crypto.macs.SipHash;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Short transaction ids for compact blocks: the low 48 bits of SipHash-2-4 of the txid, keyed by the
 * first 16 bytes of SHA-256(header encoding || salt u64). The key changes with every block (and the
 * sender's random salt), so nobody can grind colliding transactions ahead of time.
 */
public final class ShortIds {
  private final byte[] key;

  private ShortIds(byte[] key) {
    this.key = key;
  }

  public static ShortIds forBlock(BlockHeader header, long salt) {
    byte[] seed = new Writer(BlockHeader.ENCODED_LENGTH + 8).raw(header.encode()).u64(salt).toByteArray();
    return new ShortIds(Arrays.copyOf(Sha256.digest(seed), 16));
  }

  /** The 48-bit short id of a txid. */
  public long of(Hash txid) {
    SipHash mac = new SipHash(2, 4);
    mac.init(new KeyParameter(key));
    byte[] id = txid.toArray();
    mac.update(id, 0, id.length);
    return mac.doFinal() & 0xffff_ffff_ffffL;
  }
}
