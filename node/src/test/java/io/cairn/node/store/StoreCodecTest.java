package io.cairn.node.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.common.codec.DecodeException;
import io.cairn.common.crypto.Hash;
import io.cairn.common.model.Block;
import io.cairn.node.chain.BlockIndexEntry;
import io.cairn.node.chain.BlockIndexEntry.Status;
import io.cairn.node.testing.ChainBuilder;
import io.cairn.node.testing.TestKey;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoreCodecTest {
  private final ChainBuilder chain = ChainBuilder.create();

  @Test
  void indexEntryRoundTripsEveryStatusAndLargeWork() {
    Block b = chain.next(chain.genesisHash());
    for (Status s : Status.values()) {
      for (BigInteger work : new BigInteger[] {BigInteger.ONE, BigInteger.TWO.pow(256).add(BigInteger.TEN)}) {
        BlockIndexEntry e = new BlockIndexEntry(b.hash(), b.header(), work, s, 77);
        assertEquals(e, IndexEntryCodec.INSTANCE.decode(IndexEntryCodec.INSTANCE.encode(e)));
      }
    }
  }

  @Test
  void indexEntryDecodingIsStrict() {
    Block b = chain.next(chain.genesisHash());
    byte[] ok = IndexEntryCodec.INSTANCE.encode(new BlockIndexEntry(b.hash(), b.header(), BigInteger.TEN, Status.VALID, 1));
    byte[] badStatus = ok.clone();
    badStatus[ok.length - 9] = 4;
    assertThrows(DecodeException.class, () -> IndexEntryCodec.INSTANCE.decode(badStatus));
    byte[] trailing = java.util.Arrays.copyOf(ok, ok.length + 1);
    assertThrows(DecodeException.class, () -> IndexEntryCodec.INSTANCE.decode(trailing));
  }

  @Test
  void historyKeysSortByAddressThenHeightThenPosition() {
    var a = TestKey.of(1).address();
    byte[] k1 = Codecs.HISTORY_KEY.encode(new Codecs.HistoryKey(a, 1, 300));
    byte[] k2 = Codecs.HISTORY_KEY.encode(new Codecs.HistoryKey(a, 2, 0));
    byte[] k3 = Codecs.HISTORY_KEY.encode(new Codecs.HistoryKey(a, 2, 1));
    assertEquals(45, k1.length);
    assertTrue(java.util.Arrays.compareUnsigned(k1, k2) < 0);
    assertTrue(java.util.Arrays.compareUnsigned(k2, k3) < 0);
    assertEquals(new Codecs.HistoryKey(a, 2, 1), Codecs.HISTORY_KEY.decode(k3));
  }

  @Test
  void heightKeysSortNumerically() {
    assertTrue(java.util.Arrays.compareUnsigned(Codecs.U64.encode(255L), Codecs.U64.encode(256L)) < 0);
    assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 1, 0}, Codecs.U64.encode(256L));
  }

  @Test
  void columnIdsAndMetadataKeysAreUnique() {
    Set<Integer> ids = new HashSet<>();
    for (Column<?, ?> c : Schema.COLUMNS) {
      assertTrue(ids.add(c.id()), "column id reused: " + c);
    }
    Set<String> keys = new HashSet<>();
    for (Single<?> s : new Single<?>[] {Schema.TIP, Schema.SCHEMA_VERSION, Schema.GENESIS_HASH, Schema.SPEC_COMMITMENT, Schema.NEXT_SEQ}) {
      assertTrue(keys.add(s.key()), "metadata key reused: " + s.key());
    }
  }

  @Test
  void updateIsUnusableAfterCommit() {
    try (ChainStore store = ChainStore.inMemory(chain.spec())) {
      StoreUpdate u = store.update();
      u.put(Schema.PEERS, new byte[] {1}, new byte[] {2});
      u.commit(false);
      assertThrows(IllegalStateException.class, () -> u.put(Schema.PEERS, new byte[] {3}, new byte[] {4}));
      assertThrows(IllegalStateException.class, () -> u.commit(false));
      u.close();
      assertArrayEquals(new byte[] {2}, store.get(Schema.PEERS, new byte[] {1}).orElseThrow());
      try (StoreUpdate discarded = store.update()) {
        discarded.put(Schema.BANS, new byte[] {9}, new byte[] {9});
      }
      assertTrue(store.get(Schema.BANS, new byte[] {9}).isEmpty(), "closing without commit discards");
      assertEquals(Hash.ZERO.length(), store.tipHash().length());
    }
  }
}
