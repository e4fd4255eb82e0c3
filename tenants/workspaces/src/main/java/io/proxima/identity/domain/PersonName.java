package io.proxima.identity.domain;

/**
 * The one name a person is shown by everywhere (board, chat, kanban, members, audit log), made from
 * what they gave the identity provider. A Japanese name is written family name first ("山田 太郎"), as
 * Japanese readers expect; the identity provider's own {@code name} claim always puts the given
 * name first ("太郎 山田"), which reads wrong. A name written in Latin letters keeps the order the
 * person used, given name first ("Taro Yamada").
 */
public final class PersonName {

  private PersonName() {}

  /**
   * @param name the token's {@code name} claim (given name first), may be null
   * @param givenName {@code given_name}, may be null
   * @param familyName {@code family_name}, may be null
   * @return null when none was given
   */
  public static String display(String name, String givenName, String familyName) {
    String given = blankToNull(givenName);
    String family = blankToNull(familyName);
    if (given != null && family != null) {
      return japanese(given) || japanese(family) ? family + " " + given : given + " " + family;
    }
    if (given != null || family != null) {
      return given != null ? given : family;
    }
    return blankToNull(name);
  }

  /** Written (at least partly) in kanji or kana. */
  static boolean japanese(String text) {
    return text.codePoints()
        .anyMatch(
            c -> {
              Character.UnicodeScript script = Character.UnicodeScript.of(c);
              return script == Character.UnicodeScript.HAN
                  || script == Character.UnicodeScript.HIRAGANA
                  || script == Character.UnicodeScript.KATAKANA;
            });
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
