package dev.posture.snapshot;

import dev.posture.input.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/** A pick among values, each as likely as its weight; weights need not add up to one. */
final class Weighted<T> {
  private final List<T> values;
  private final double[] upTo;

  /** {@code where} is blamed when no weight is above zero. */
  Weighted(List<T> values, double[] weights, Node where) {
    this.values = List.copyOf(values);
    this.upTo = new double[weights.length];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      total += weights[i];
      upTo[i] = total;
    }
    if (values.isEmpty() || total <= 0) {
      throw where.error("expected at least one weight above zero");
    }
    for (int i = 0; i < upTo.length; i++) {
      upTo[i] /= total;
    }
  }

  /** Reads {@code [[value, weight], ...]}, turning each value into a {@code T}. */
  static <T> Weighted<T> read(Node list, Function<Node, T> value) {
    List<Node> pairs = list.items();
    List<T> values = new ArrayList<>(pairs.size());
    double[] weights = new double[pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      Node pair = pairs.get(i);
      List<Node> parts = pair.items();
      if (parts.size() != 2 || !parts.get(1).value().isNumber() || parts.get(1).value().doubleValue() < 0) {
        throw pair.error("expected a [value, weight] pair with a weight of zero or more, found " + pair.value());
      }
      values.add(value.apply(parts.get(0)));
      weights[i] = parts.get(1).value().doubleValue();
    }
    return new Weighted<>(values, weights, list);
  }

  T pick(SplittableRandom random) {
    double r = random.nextDouble();
    int last = upTo.length - 1;
    for (int i = 0; i < last; i++) {
      if (r < upTo[i]) {
        return values.get(i);
      }
    }
    return values.get(last);
  }
}
