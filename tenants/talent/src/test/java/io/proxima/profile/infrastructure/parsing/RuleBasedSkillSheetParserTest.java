package io.proxima.profile.infrastructure.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.profile.domain.Acquired;
import io.proxima.profile.domain.Certification;
import io.proxima.profile.domain.Skill;
import io.proxima.profile.domain.SkillSheetDraft;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class RuleBasedSkillSheetParserTest {

  private final RuleBasedSkillSheetParser parser = new RuleBasedSkillSheetParser();

  @Test
  void readsAFreeTextSheet() {
    SkillSheetDraft draft =
        parser.parse(
            "スキルシート\n"
                + "氏名：山田 太郎（35歳）\n"
                + "職種：バックエンドエンジニア\n"
                + "最寄駅：渋谷\n"
                + "【自己PR】\n"
                + "Javaを中心に10年の経験があります。\n"
                + "【スキル】\n"
                + "Java 10年 ◎\n"
                + "【職務経歴】\n"
                + "2020年4月～現在 大手銀行向け 勘定系 PL 10名 Java, Oracle\n"
                + "【資格】\n"
                + "応用情報技術者（2015年10月取得）、AWS Certified Developer – Associate\n"
                + "【学歴】\n"
                + "2006年4月～2010年3月 東京工業大学 工学部 情報工学科 卒業\n");
    assertThat(draft.name()).isEqualTo("山田 太郎");
    assertThat(draft.title()).isEqualTo("バックエンドエンジニア");
    assertThat(draft.summary()).isEqualTo("Javaを中心に10年の経験があります。");
    assertThat(draft.skills()).extracting(Skill::name).containsExactly("Java", "Oracle Database");
    assertThat(draft.skills().get(0).years()).isEqualByComparingTo("10");
    assertThat(draft.workHistory()).hasSize(1);
    assertThat(draft.certifications())
        .containsExactly(
            new Certification("応用情報技術者", Acquired.of(YearMonth.of(2015, 10))),
            new Certification("AWS Certified Developer – Associate", null));
    assertThat(draft.education()).hasSize(1);
    assertThat(draft.education().get(0).school()).isEqualTo("東京工業大学");
    assertThat(draft.education().get(0).field()).isEqualTo("工学部 情報工学科");
    assertThat(draft.notes()).contains("スキルシート", "最寄駅:渋谷");
  }

  @Test
  void readsSpreadsheetLabelsInNeighbouringCells() {
    SkillSheetDraft draft = parser.parse("氏名\tT.Y\t性別\t男性\n職種\tSE\n");
    assertThat(draft.name()).isEqualTo("T.Y");
    assertThat(draft.title()).isEqualTo("SE");
  }

  @Test
  void readsAnEnglishResumeWithoutLabels() {
    SkillSheetDraft draft =
        parser.parse("# Kenji Sato — Backend Engineer\n\n## Skills\n- Go — 4 years, Advanced\n");
    assertThat(draft.name()).isEqualTo("Kenji Sato");
    assertThat(draft.skills().get(0).years()).isEqualByComparingTo("4");
  }

  @Test
  void emptyTextGivesAnEmptyDraft() {
    SkillSheetDraft draft = parser.parse("  ");
    assertThat(draft.skills()).isEmpty();
    assertThat(draft.name()).isNull();
  }

  @Test
  void aMobilePlatformIsNoSkillOfACrossPlatformSheet() {
    SkillSheetDraft app =
        parser.parse(
            "【スキル】\nFlutter 3年、Dart、Swift\n【職務経歴】\n"
                + "2022年4月～現在 健康管理アプリ（iOS/Android）新規開発 8名 Flutter / Dart / iOS\n");
    assertThat(app.skills()).extracting(Skill::name).doesNotContain("iOS", "Android");
    assertThat(app.workHistory().get(0).technologies()).doesNotContain("iOS");
    // A native engineer's platform, and a tester's devices: the platform is what the sheet names.
    SkillSheetDraft nativeApp =
        parser.parse(
            "Skills\nAndroid: Kotlin, Jetpack Compose, Hilt\nTools: Android Studio, Git\n");
    assertThat(nativeApp.skills()).extracting(Skill::name).contains("Android", "Kotlin");
    SkillSheetDraft qa = parser.parse("【スキル】\nAppium、MagicPod\n【対応端末】\niOS / Android 実機での回帰テスト\n");
    assertThat(qa.skills()).extracting(Skill::name).contains("iOS", "Android");
  }
}
