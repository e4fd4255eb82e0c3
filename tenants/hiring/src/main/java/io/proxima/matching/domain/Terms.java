package io.proxima.matching.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into search terms the way a plain full-text index does without a Japanese dictionary:
 * Latin words lower-cased, runs of kanji and kana as overlapping character bigrams.
 */
final class Terms {

  private Terms() {}

  static List<String> of(String text) {
    List<String> terms = new ArrayList<>();
    if (text == null) {
      return terms;
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int end = i + 1;
      if (isLatin(c)) {
        while (end < s.length() && (isLatin(s.charAt(end)) || "+#.".indexOf(s.charAt(end)) >= 0)) {
          end++;
        }
        terms.add(trimDots(s.substring(i, end)));
      } else if (isCjk(c)) {
        while (end < s.length() && isCjk(s.charAt(end))) {
          end++;
        }
        bigrams(s.substring(i, end), terms);
      }
      i = end;
    }
    return terms;
  }

  private static void bigrams(String run, List<String> terms) {
    if (run.length() == 1) {
      terms.add(run);
    }
    for (int j = 0; j + 2 <= run.length(); j++) {
      terms.add(run.substring(j, j + 2));
    }
  }

  // "Next.js" stays one term, "AWS." at the end of a sentence loses its full stop.
  private static String trimDots(String word) {
    int end = word.length();
    while (end > 1 && word.charAt(end - 1) == '.') {
      end--;
    }
    return word.substring(0, end);
  }

  private static boolean isLatin(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  private static boolean isCjk(char c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || c == 'ー';
  }
}
