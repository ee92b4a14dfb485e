package io.cairn.node.p2p;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A counting set that forgets its oldest entries beyond a capacity: {@link #add} counts an entry up,
 * {@link #remove} counts it down (so an item requested twice may be answered twice). Not
 * thread-safe.
 */
final class LruSet<T> {
  private final LinkedHashMap<T, Integer> map;

  LruSet(int capacity) {
    this.map = new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<T, Integer> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Adds (or counts up); true when it was not there. */
  boolean add(T t) {
    return map.merge(t, 1, Integer::sum) == 1;
  }

  boolean contains(T t) {
    return map.containsKey(t);
  }

  /** Counts down, forgetting at zero; true when it was there. */
  boolean remove(T t) {
    Integer n = map.get(t);
    if (n == null) {
      return false;
    }
    if (n <= 1) {
      map.remove(t);
    } else {
      map.put(t, n - 1);
    }
    return true;
  }

  void clear() {
    map.clear();
  }

  int size() {
    return map.size();
  }
}
