package io.cairn.node.store;

import io.cairn.common.codec.DecodeException;

/**
 * How one key or value type is stored. {@link #decode} is strict: bytes the store did not write
 * (corruption, a newer schema) throw {@link DecodeException}, which the store reports as a
 * {@link StoreException}.
 */
public interface Codec<T> {
  byte[] encode(T value);

  T decode(byte[] bytes);
}
