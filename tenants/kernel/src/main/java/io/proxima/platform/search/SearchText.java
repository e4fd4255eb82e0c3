package io.proxima.platform.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Japanese and English text as PostgreSQL's {@code simple} full-text configuration should see it.
 * Japanese is written without spaces, so a word cannot be found by splitting on them: a CJK run is
 * indexed as its overlapping character bigrams (東京都 → 東京 京都), and a search for a CJK phrase asks
 * for those bigrams next to each other — the pg_bigm approach, without an extension. Latin text is
 * NFKC-folded (ＪＡＶＡ → java) and split into plain ASCII-safe words, so the database parser keeps
 * every token as it is.
 */
public final class SearchText {

  /** Words whose punctuation carries meaning and would otherwise be lost ("C++" → "c"). */
  private static final Map<String, String> SYMBOLIC_WORDS =
      Map.of("c++", "cplusplus", "c#", "csharp", "f#", "fsharp", ".net", "dotnet");

  private static final int QUERY_LIMIT = 200;
  private static final int TERM_LIMIT = 16;

  private SearchText() {}

  /** The index tokens of some texts, space-separated, for {@code to_tsvector('simple', …)}. */
  public static String tokens(String... texts) {
    StringBuilder out = new StringBuilder();
    for (String text : texts) {
      if (text == null || text.isBlank()) {
        continue;
      }
      for (Term term : terms(text)) {
        for (String token : term.tokens()) {
          if (out.length() > 0) {
            out.append(' ');
          }
          out.append(token);
        }
      }
    }
    return out.toString();
  }

  /**
   * A search box's text as a {@code to_tsquery('simple', …)} expression: every word must match, a
   * CJK word as a phrase of its bigrams, the last Latin word also as a prefix (search as you type),
   * and a word after {@code -} must not match. Empty when nothing searchable is left.
   */
  public static Optional<String> query(String input) {
    return query(input, word -> List.of());
  }

  /**
   * As {@link #query(String)}, with other names for a word: a word (as typed between spaces) for
   * which {@code otherNames} gives names matches the word itself or any of them, so "golang" also
   * finds a job that says Go. A word with other names is not a prefix: its names are whole words.
   */
  public static Optional<String> query(String input, Function<String, List<String>> otherNames) {
    if (input == null) {
      return Optional.empty();
    }
    String text = input.length() > QUERY_LIMIT ? input.substring(0, QUERY_LIMIT) : input;
    List<String> clauses = new ArrayList<>();
    // Spaces end a word and an exclusion alike, so the text's terms are its words' terms in turn.
    List<String> words = words(text);
    boolean typingLast = !text.isEmpty() && !isSpace(text.codePointBefore(text.length()));
    for (int w = 0; w < words.size() && clauses.size() < TERM_LIMIT; w++) {
      String word = words.get(w);
      List<Term> terms = terms(word);
      if (terms.isEmpty()) {
        continue;
      }
      String bare = word.startsWith("-") ? word.substring(1) : word;
      List<String> alternatives =
          alternatives(terms, bare.isEmpty() ? List.of() : otherNames.apply(bare));
      if (!alternatives.isEmpty()) {
        String clause = "(" + String.join(" | ", alternatives) + ")";
        clauses.add(terms.get(0).excluded() ? "!" + clause : clause);
        continue;
      }
      // Only a word still being typed is a prefix: the last one, Latin, with nothing after it.
      int typing =
          w == words.size() - 1 && typingLast && !terms.get(terms.size() - 1).cjk()
              ? terms.size() - 1
              : -1;
      for (int i = 0; i < terms.size() && clauses.size() < TERM_LIMIT; i++) {
        Term term = terms.get(i);
        String clause =
            term.cjk() ? phrase(term.tokens()) : quote(term.text()) + (i == typing ? ":*" : "");
        clauses.add(term.excluded() ? "!" + clause : clause);
      }
    }
    if (clauses.isEmpty() || clauses.stream().allMatch(clause -> clause.startsWith("!"))) {
      return Optional.empty();
    }
    return Optional.of(String.join(" & ", clauses));
  }

  private static final int ALTERNATIVE_LIMIT = 8;

  /**
   * The word itself and each other name as a conjunction of its terms; empty when no name adds one.
   */
  private static List<String> alternatives(List<Term> word, List<String> names) {
    if (names == null || names.isEmpty()) {
      return List.of();
    }
    List<List<Term>> spellings = new ArrayList<>();
    spellings.add(word);
    for (String name : names) {
      List<Term> terms = terms(name).stream().filter(term -> !term.excluded()).toList();
      if (!terms.isEmpty()) {
        spellings.add(terms);
      }
    }
    // "go" already finds everything "go lang" and "go 言語" find (A | A & B is A); leaving them out
    // keeps the index scan to the words that can add matches.
    Set<String> singleWords = new HashSet<>();
    spellings.stream()
        .filter(terms -> terms.size() == 1 && !terms.get(0).cjk())
        .forEach(terms -> singleWords.add(terms.get(0).text()));
    Set<String> alternatives = new LinkedHashSet<>();
    for (List<Term> terms : spellings) {
      if (alternatives.size() >= ALTERNATIVE_LIMIT) {
        break;
      }
      boolean absorbed =
          terms.size() > 1
              && terms.stream().anyMatch(term -> !term.cjk() && singleWords.contains(term.text()));
      if (!absorbed) {
        alternatives.add(conjunction(terms));
      }
    }
    return alternatives.size() > 1 ? List.copyOf(alternatives) : List.of();
  }

  private static String conjunction(List<Term> terms) {
    List<String> parts = new ArrayList<>();
    for (Term term : terms) {
      parts.add(term.cjk() ? phrase(term.tokens()) : quote(term.text()));
    }
    return parts.size() == 1 ? parts.get(0) : "(" + String.join(" & ", parts) + ")";
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    text.codePoints()
        .forEach(
            point -> {
              if (isSpace(point)) {
                if (word.length() > 0) {
                  words.add(word.toString());
                  word.setLength(0);
                }
              } else {
                word.appendCodePoint(point);
              }
            });
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  private static boolean isSpace(int point) {
    // The ideographic space (U+3000) is a space in Japanese text; NFKC would fold it to one.
    return Character.isWhitespace(point) || Character.isSpaceChar(point);
  }

  private static String phrase(List<String> bigrams) {
    if (bigrams.size() == 1) {
      // A single character is never a bigram of the index; find words starting with it at least.
      String only = bigrams.get(0);
      return quote(only) + (only.codePointCount(0, only.length()) == 1 ? ":*" : "");
    }
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < bigrams.size(); i++) {
      if (i > 0) {
        out.append(" <-> ");
      }
      out.append(quote(bigrams.get(i)));
    }
    return out.append(')').toString();
  }

  private static String quote(String token) {
    // Tokens hold only letters and digits; quoting keeps tsquery's operators out regardless.
    return "'" + token.replace("'", "''") + "'";
  }

  /** One word of the text: a Latin word, or a run of CJK characters with its bigrams. */
  record Term(String text, boolean cjk, boolean excluded) {
    List<String> tokens() {
      if (!cjk) {
        return List.of(text);
      }
      int[] points = text.codePoints().toArray();
      if (points.length == 1) {
        return List.of(text);
      }
      List<String> bigrams = new ArrayList<>(points.length - 1);
      for (int i = 0; i + 1 < points.length; i++) {
        bigrams.add(new String(points, i, 2));
      }
      return bigrams;
    }
  }

  static List<Term> terms(String raw) {
    String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> symbolic : SYMBOLIC_WORDS.entrySet()) {
      text = replaceWord(text, symbolic.getKey(), symbolic.getValue());
    }
    List<Term> terms = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    Boolean wordIsCjk = null;
    boolean excluded = false;
    boolean atWordStart = true;
    for (int i = 0; i < text.length(); ) {
      int point = text.codePointAt(i);
      i += Character.charCount(point);
      boolean cjk = isCjk(point);
      boolean latin = !cjk && Character.isLetterOrDigit(point);
      if (cjk || latin) {
        if (wordIsCjk != null && wordIsCjk != cjk) {
          terms.add(new Term(word.toString(), wordIsCjk, excluded));
          word.setLength(0);
        }
        word.appendCodePoint(point);
        wordIsCjk = cjk;
        atWordStart = false;
      } else {
        if (wordIsCjk != null) {
          terms.add(new Term(word.toString(), wordIsCjk, excluded));
          word.setLength(0);
          wordIsCjk = null;
          excluded = false;
        }
        boolean space = Character.isWhitespace(point);
        if (point == '-' && atWordStart) {
          excluded = true;
        } else if (space) {
          excluded = false;
        }
        atWordStart = space || point == '-' && atWordStart;
      }
    }
    if (wordIsCjk != null) {
      terms.add(new Term(word.toString(), wordIsCjk, excluded));
    }
    return terms;
  }

  private static String replaceWord(String text, String word, String replacement) {
    int at = text.indexOf(word);
    if (at < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (at >= 0) {
      boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
      out.append(text, from, at).append(startsWord ? " " + replacement + " " : word);
      from = at + word.length();
      at = text.indexOf(word, from);
    }
    return out.append(text.substring(from)).toString();
  }

  static boolean isCjk(int point) {
    Character.UnicodeScript script = Character.UnicodeScript.of(point);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL
        // ー lengthens the katakana word it is in; 々 repeats the kanji before it
        || point == 0x30FC
        || point == 0x3005;
  }
}
