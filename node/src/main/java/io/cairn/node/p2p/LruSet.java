package io.cairn.node.p2p;

import java.util.LinkedHashMap;
import java.util.Map;

/** A set that forgets its oldest entries beyond a capacity. Not thread-safe. */
final class LruSet<T> {
  private final LinkedHashMap<T, Boolean> map;

  LruSet(int capacity) {
    this.map = new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<T, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Adds; true when it was not there. */
  boolean add(T t) {
    return map.put(t, Boolean.TRUE) == null;
  }

  boolean contains(T t) {
    return map.containsKey(t);
  }

  boolean remove(T t) {
    return map.remove(t) != null;
  }

  int size() {
    return map.size();
  }
}
