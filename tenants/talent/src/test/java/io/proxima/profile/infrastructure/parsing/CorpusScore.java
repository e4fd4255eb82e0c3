package io.proxima.profile.infrastructure.parsing;

import java.util.Set;

/** True positives, false positives and false negatives of one labelled set against a draft. */
record CorpusScore(int tp, int fp, int fn) {

  static final CorpusScore ZERO = new CorpusScore(0, 0, 0);

  static <T> CorpusScore of(Set<T> expected, Set<T> actual) {
    int tp = (int) actual.stream().filter(expected::contains).count();
    return new CorpusScore(tp, actual.size() - tp, expected.size() - tp);
  }

  CorpusScore plus(CorpusScore o) {
    return new CorpusScore(tp + o.tp, fp + o.fp, fn + o.fn);
  }

  double precision() {
    return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
  }

  double recall() {
    return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
