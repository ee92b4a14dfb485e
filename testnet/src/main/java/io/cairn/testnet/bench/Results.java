package io.cairn.testnet.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The values measured so far, by figure, and notes for the report (block size, counts, errors). */
final class Results {
  private final Map<String, List<Double>> values = new LinkedHashMap<>();
  private final Map<String, String> notes = new LinkedHashMap<>();

  synchronized void add(String figure, double value) {
    values.computeIfAbsent(figure, k -> new ArrayList<>()).add(value);
  }

  synchronized Optional<Sample> sample(String figure) {
    List<Double> v = values.get(figure);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(new Sample(v));
  }

  synchronized void note(String key, String text) {
    notes.put(key, text);
  }

  synchronized Optional<String> noteOf(String key) {
    return Optional.ofNullable(notes.get(key));
  }

  synchronized Map<String, String> notes() {
    return new LinkedHashMap<>(notes);
  }
}
