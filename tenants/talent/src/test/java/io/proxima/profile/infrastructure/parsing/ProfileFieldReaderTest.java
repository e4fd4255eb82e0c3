package io.proxima.profile.infrastructure.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ProfileFieldReaderTest {

  private ProfileFieldReader.Fields read(String text) {
    return new ProfileFieldReader().read(SheetLines.of(text), new HashSet<>());
  }

  @Test
  void readsLabelledFieldsInJapaneseAndEnglish() {
    ProfileFieldReader.Fields f = read("氏名 (Name)：Y.H\n職種 (Title)：データエンジニア\n自己PR：設計が得意です。\n続きの行");
    assertThat(f.name()).isEqualTo("Y.H");
    assertThat(f.title()).isEqualTo("データエンジニア");
    assertThat(f.summary()).isEqualTo("設計が得意です。\n続きの行");
  }

  @Test
  void readsInitialsAndPdfLinesWithoutCellBorders() {
    assertThat(read("イニシャル：T.Y").name()).isEqualTo("T.Y");
    ProfileFieldReader.Fields pdf = read("氏名 S.K 年齢 52歳\n職種 ホストSE");
    assertThat(pdf.name()).isEqualTo("S.K");
    assertThat(pdf.title()).isEqualTo("ホストSE");
  }

  @Test
  void takesAnUnlabelledNameFromTheHeadOfTheSheetOnly() {
    assertThat(read("Emily Tanaka\nSenior Frontend Engineer").name()).isEqualTo("Emily Tanaka");
    // A title line may come first ("職務経歴書", "Skill Sheet"); job titles are never names.
    assertThat(read("Skill Sheet\nEmily Tanaka").name()).isEqualTo("Emily Tanaka");
    assertThat(read("Skill Sheet\nSenior Frontend Engineer").name()).isNull();
    assertThat(read("職務経歴書\n2026年12月　木村 大輔").name()).isEqualTo("木村 大輔");
    assertThat(read("2026年11月20日現在　氏名：松本 由美子").name()).isEqualTo("松本 由美子");
    assertThat(read("MARÍA FERNANDA QUIROGA\nFull-Stack Engineer").name())
        .isEqualTo("MARÍA FERNANDA QUIROGA");
  }
}
