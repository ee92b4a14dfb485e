package io.cairn.node.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cairn.common.codec.DecodeException;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzz target for the store's key and value codecs ({@link Codecs}, {@link IndexEntryCodec}). The
 * first input byte picks the codec, the rest is the stored bytes. Contract: decoding either throws
 * {@link DecodeException} (the store reports it as corruption) or returns a value that encodes to
 * exactly the same bytes; anything else is a finding.
 */
class StoreCodecFuzzTest {
  private static final List<Codec<?>> CODECS = List.of(IndexEntryCodec.INSTANCE, Codecs.BODY, Codecs.ACCOUNT,
      Codecs.TX_LOCATION, Codecs.HISTORY_KEY, Codecs.HASH, Codecs.U64, Codecs.U32, Codecs.ADDRESS);

  /** The codec index of each name, for the seed corpus. */
  static int index(Codec<?> codec) {
    return CODECS.indexOf(codec);
  }

  @FuzzTest(maxDuration = "5m")
  void values(byte[] input) {
    if (input.length == 0) {
      return;
    }
    Codec<?> codec = CODECS.get((input[0] & 0xff) % CODECS.size());
    roundTrip(codec, Arrays.copyOfRange(input, 1, input.length));
  }

  private static <T> void roundTrip(Codec<T> codec, byte[] stored) {
    T value;
    try {
      value = codec.decode(stored);
    } catch (DecodeException expected) {
      return;
    }
    assertArrayEquals(stored, codec.encode(value), "re-encoding " + value);
  }
}
