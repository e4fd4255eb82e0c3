package io.proxima.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

  @Test
  void japaneseRunsBecomeOverlappingBigrams() {
    assertThat(SearchText.tokens("東京都のJavaエンジニア")).isEqualTo("東京 京都 都の java エン ンジ ジニ ニア");
  }

  @Test
  void fullWidthAndCaseFoldToPlainWords() {
    assertThat(SearchText.tokens("ＪＡＶＡ / Spring-Boot", "AWS")).isEqualTo("java spring boot aws");
  }

  @Test
  void symbolicLanguageNamesKeepTheirMeaning() {
    assertThat(SearchText.tokens("C++ と C# と .NET, not abc++"))
        .startsWith("cplusplus と csharp と dotnet");
  }

  @Test
  void aJapanesePhraseIsSearchedAsAdjacentBigrams() {
    assertThat(SearchText.query("東京都")).contains("('東京' <-> '京都')");
  }

  @Test
  void everyWordMustMatchAndTheLastLatinWordIsAPrefix() {
    assertThat(SearchText.query("java reac")).contains("'java' & 'reac':*");
    assertThat(SearchText.query("java reac ")).contains("'java' & 'reac'");
  }

  @Test
  void aMinusExcludesAWord() {
    assertThat(SearchText.query("java -php 金融")).contains("'java' & !'php' & '金融'");
  }

  @Test
  void onlyExclusionsOrPunctuationSearchNothing() {
    assertThat(SearchText.query("-php")).isEmpty();
    assertThat(SearchText.query("!!! ()&|")).isEmpty();
    assertThat(SearchText.query(null)).isEmpty();
  }

  @Test
  void aSingleKanjiIsAPrefixOfTheBigramsItStarts() {
    assertThat(SearchText.query("京")).contains("'京':*");
  }

  @Test
  void quotesAndOperatorsCannotBreakTheQuery() {
    assertThat(SearchText.query("o'reilly & (x | y)")).contains("'o' & 'reilly' & 'x' & 'y':*");
  }

  @Test
  void aWordWithOtherNamesMatchesAnyOfThemAndIsNoPrefix() {
    java.util.function.Function<String, java.util.List<String>> names =
        word ->
            word.equals("golang")
                ? java.util.List.of("Go", "Go言語", "Go lang")
                : java.util.List.of();
    assertThat(SearchText.query("golang", names)).contains("('golang' | 'go')");
    assertThat(SearchText.query("東京 golang 金融", names)).contains("'東京' & ('golang' | 'go') & '金融'");
  }

  @Test
  void aSpellingThatOnlyNarrowsAnotherIsLeftOut() {
    // "go" finds every text "go lang" or "go 言語" finds; a phrase of other words still counts.
    java.util.function.Function<String, java.util.List<String>> names =
        word ->
            word.equals("golang")
                ? java.util.List.of("Go言語", "Go lang", "Go", "ゴー言語")
                : java.util.List.of();
    assertThat(SearchText.query("golang", names))
        .contains("('golang' | 'go' | ('ゴー' <-> 'ー言' <-> '言語'))");
    assertThat(
            SearchText.query(
                "ts", word -> java.util.List.of("TypeScript", "type script", "typescript 言語")))
        .contains("('ts' | 'typescript' | ('type' & 'script'))");
  }

  @Test
  void anExcludedWordExcludesEveryNameOfIt() {
    assertThat(
            SearchText.query(
                "java -k8s",
                word -> word.equals("k8s") ? java.util.List.of("Kubernetes") : java.util.List.of()))
        .contains("'java' & !('k8s' | 'kubernetes')");
  }

  @Test
  void aNameThatAddsNothingLeavesTheWordAsItWas() {
    assertThat(SearchText.query("Go", word -> java.util.List.of("go"))).contains("'go':*");
  }

  @Test
  void theIdeographicSpaceSeparatesWords() {
    assertThat(SearchText.query("決済\u3000java ")).contains("'決済' & 'java'");
  }
}
