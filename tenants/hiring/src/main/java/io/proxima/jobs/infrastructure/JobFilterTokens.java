package io.proxima.jobs.infrastructure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tokens a search looks for in {@code job.filter_tokens}, written exactly as the database
 * function {@code job_filter_tokens} (V70) writes a job's: a kind prefix and the value.
 */
final class JobFilterTokens {

  private JobFilterTokens() {}

  /**
   * One token per chosen value of a checkbox filter: {@code ws:} work style, {@code ct:} contract
   * type, {@code cu:} culture, {@code pf:} prefecture. Enums are written by name, as V70 does.
   */
  static List<String> prefixed(String prefix, Collection<?> values) {
    return values.stream()
        .map(value -> prefix + (value instanceof Enum<?> choice ? choice.name() : value))
        .sorted()
        .toList();
  }

  /**
   * Every pair of neighbouring characters of a station name: a job whose station contains the name
   * has all of them. Empty for a name of one character, which the index cannot narrow.
   */
  static List<String> station(String name) {
    if (name == null) {
      return List.of();
    }
    int[] characters = name.codePoints().toArray();
    Set<String> pairs = new LinkedHashSet<>();
    for (int i = 0; i + 1 < characters.length; i++) {
      pairs.add("st:" + new String(characters, i, 2));
    }
    return new ArrayList<>(pairs);
  }
}
