package io.cairn.node.store;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A single typed value in the metadata column, under a fixed ASCII key that is never reused. */
public record Single<T>(String key, Codec<T> codec) {
  public Single {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(codec, "codec");
  }

  byte[] keyBytes() {
    return key.getBytes(StandardCharsets.US_ASCII);
  }
}
