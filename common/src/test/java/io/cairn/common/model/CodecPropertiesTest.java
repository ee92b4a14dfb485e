package io.cairn.common.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.address.Address;
import io.cairn.common.codec.DecodeException;
import io.cairn.common.codec.Reader;
import io.cairn.common.codec.Writer;
import io.cairn.common.testing.CommonArbitraries;
import java.util.Arrays;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** decode(encode(x)) = x, and every malformed variant of a valid encoding is refused. */
class CodecPropertiesTest {

  @Provide
  Arbitrary<Transaction> transactions() {
    return CommonArbitraries.transactions();
  }

  @Provide
  Arbitrary<BlockHeader> headers() {
    return CommonArbitraries.headers();
  }

  @Provide
  Arbitrary<Block> blocks() {
    return CommonArbitraries.blocks();
  }

  @Provide
  Arbitrary<Address> addresses() {
    return CommonArbitraries.addresses();
  }

  @Property(tries = 300)
  void transactionRoundTrip(@ForAll("transactions") Transaction tx) {
    byte[] bytes = tx.encode();
    assertEquals(tx.encodedLength(), bytes.length);
    Transaction back = Transaction.decode(bytes);
    assertEquals(tx, back);
    assertArrayEquals(bytes, back.encode());
    assertEquals(tx.txid(), back.txid());
  }

  @Property(tries = 300)
  void headerRoundTrip(@ForAll("headers") BlockHeader h) {
    byte[] bytes = h.encode();
    assertEquals(BlockHeader.ENCODED_LENGTH, bytes.length);
    assertEquals(h, BlockHeader.decode(bytes));
    assertEquals(h.hash(), BlockHeader.decode(bytes).hash());
    // The nonce sits where miners expect it.
    long nonce = 0;
    for (int i = 0; i < 8; i++) {
      nonce = (nonce << 8) | (bytes[BlockHeader.NONCE_OFFSET + i] & 0xff);
    }
    assertEquals(h.nonce(), nonce);
  }

  @Property(tries = 100)
  void blockRoundTrip(@ForAll("blocks") Block b) {
    byte[] bytes = b.encode();
    assertEquals(b.encodedLength(), bytes.length);
    Block back = Block.decode(bytes);
    assertEquals(b, back);
    assertArrayEquals(bytes, back.encode());
  }

  @Property(tries = 200)
  void addressRoundTrip(@ForAll("addresses") Address a) {
    assertEquals(a, Address.fromPayload(a.payload()));
    Writer w = new Writer();
    a.write(w);
    Reader r = new Reader(w.toByteArray());
    assertEquals(a, Address.read(r));
    r.finish("address");
  }

  @Property(tries = 30)
  void transactionTruncatedAnywhereOrExtendedIsRefused(@ForAll("transactions") Transaction tx) {
    assertMalformedVariantsRefused(tx.encode(), Transaction::decode);
  }

  @Property(tries = 30)
  void headerTruncatedAnywhereOrExtendedIsRefused(@ForAll("headers") BlockHeader h) {
    assertMalformedVariantsRefused(h.encode(), BlockHeader::decode);
  }

  @Property(tries = 15)
  void blockTruncatedAnywhereOrExtendedIsRefused(@ForAll("blocks") Block b) {
    assertMalformedVariantsRefused(b.encode(), Block::decode);
  }

  /** Every proper prefix and the encoding plus one byte must be refused with a DecodeException. */
  private static void assertMalformedVariantsRefused(byte[] valid, Function<byte[], ?> decoder) {
    for (int len = 0; len < valid.length; len++) {
      byte[] prefix = Arrays.copyOf(valid, len);
      int n = len;
      assertThrows(DecodeException.class, () -> decoder.apply(prefix), () -> "prefix of " + n + " bytes was accepted");
    }
    byte[] longer = Arrays.copyOf(valid, valid.length + 1);
    DecodeException e = assertThrows(DecodeException.class, () -> decoder.apply(longer));
    assertTrue(e.getMessage().startsWith("Expected end of"), e.getMessage());
  }

  @Property(tries = 50)
  void unknownVersionsAreRefused(@ForAll("blocks") Block b, @ForAll("transactions") Transaction tx) {
    for (int v : new int[] {0, 2, 255}) {
      byte[] t = tx.encode();
      t[0] = (byte) v;
      DecodeException e = assertThrows(DecodeException.class, () -> Transaction.decode(t));
      assertEquals("Expected transaction version 1 at offset 0 but got " + v, e.getMessage());

      byte[] h = b.header().encode();
      h[0] = (byte) v;
      e = assertThrows(DecodeException.class, () -> BlockHeader.decode(h));
      assertEquals("Expected header version 1 at offset 0 but got " + v, e.getMessage());

      // The recipient address's version byte (offset 33) and the miner's (offset 93).
      byte[] t2 = tx.encode();
      t2[33] = (byte) (v == 0 ? 1 : v);
      assertThrows(DecodeException.class, () -> Transaction.decode(t2));
      byte[] h2 = b.header().encode();
      h2[93] = (byte) (v == 0 ? 1 : v);
      assertThrows(DecodeException.class, () -> BlockHeader.decode(h2));
    }
  }

  @Property(tries = 50)
  void negativeAmountsFeesNoncesAndHeightsAreRefused(@ForAll("transactions") Transaction tx, @ForAll("headers") BlockHeader h) {
    // amount at 66, fee at 74, nonce at 82 (top bit set = above Long.MAX_VALUE).
    for (int offset : new int[] {66, 74, 82}) {
      byte[] t = tx.encode();
      t[offset] |= (byte) 0x80;
      DecodeException e = assertThrows(DecodeException.class, () -> Transaction.decode(t));
      assertTrue(e.getMessage().startsWith("Expected a non-negative"), e.getMessage());
    }
    for (int offset : new int[] {1, 73}) {
      byte[] b = h.encode();
      b[offset] |= (byte) 0x80;
      assertThrows(DecodeException.class, () -> BlockHeader.decode(b));
    }
  }

  @Property(tries = 50)
  void memoLongerThan64IsRefused(@ForAll("transactions") Transaction tx) {
    byte[] t = tx.encode();
    t[90] = 65;
    DecodeException e = assertThrows(DecodeException.class, () -> Transaction.decode(t));
    assertEquals("Expected at most 64 bytes for memo at offset 90 but got 65", e.getMessage());
  }

  /** Anything the decoder accepts re-encodes to the very same bytes: the encoding is canonical. */
  @Property(tries = 300)
  void acceptedBytesAreCanonical(@ForAll("transactions") Transaction tx, @ForAll int position, @ForAll byte value) {
    byte[] t = tx.encode();
    t[Math.floorMod(position, t.length)] = value;
    Transaction decoded;
    try {
      decoded = Transaction.decode(t);
    } catch (DecodeException e) {
      return;
    }
    assertArrayEquals(t, decoded.encode());
  }
}
