package io.cairn.testnet.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The values one figure took over the runs: median, min and max. Pure.
 *
 * @param values one per run, in run order
 */
record Sample(List<Double> values) {
  Sample {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a sample needs at least one value");
    }
    values = List.copyOf(values);
  }

  static Sample of(double... v) {
    List<Double> l = new ArrayList<>();
    for (double x : v) {
      l.add(x);
    }
    return new Sample(l);
  }

  /** The median (the mean of the middle two for an even count). */
  double median() {
    List<Double> s = sorted();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  double min() {
    return sorted().get(0);
  }

  double max() {
    return sorted().get(values.size() - 1);
  }

  private List<Double> sorted() {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    return s;
  }
}
