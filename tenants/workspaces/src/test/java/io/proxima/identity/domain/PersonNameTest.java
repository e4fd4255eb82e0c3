package io.proxima.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNameTest {

  @Test
  void aJapaneseNameIsFamilyNameFirst() {
    assertThat(PersonName.display("太郎 山田", "太郎", "山田")).isEqualTo("山田 太郎");
    assertThat(PersonName.display(null, "はなこ", "佐藤")).isEqualTo("佐藤 はなこ");
    assertThat(PersonName.display(null, "ケン", "Abe")).isEqualTo("Abe ケン");
  }

  @Test
  void aNameInLatinLettersKeepsTheOrderThePersonUsed() {
    assertThat(PersonName.display("Taro Yamada", "Taro", "Yamada")).isEqualTo("Taro Yamada");
  }

  @Test
  void partsMissingFallBackToWhatThereIs() {
    assertThat(PersonName.display("Mononym", null, null)).isEqualTo("Mononym");
    assertThat(PersonName.display(null, " ", "山田")).isEqualTo("山田");
    assertThat(PersonName.display("  ", null, null)).isNull();
  }
}
