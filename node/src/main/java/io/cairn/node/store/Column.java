package io.cairn.node.store;

import java.util.Objects;

/**
 * A typed RocksDB column family. The {@code id} is the family's on-disk name (one byte) and is never
 * reused for another meaning, even after a column is retired; {@code name} is for people only.
 */
public record Column<K, V>(int id, String name, Codec<K> keys, Codec<V> values) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(values, "values");
    if (id < 1 || id > 255) {
      throw new IllegalArgumentException("column id must be 1..255 but got " + id);
    }
  }

  /** The RocksDB column family name: the single byte {@code id}. */
  byte[] familyName() {
    return new byte[] {(byte) id};
  }

  @Override
  public String toString() {
    return name + "(" + id + ")";
  }
}
