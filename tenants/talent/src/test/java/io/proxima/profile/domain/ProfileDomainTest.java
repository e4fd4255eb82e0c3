package io.proxima.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.DraftReview.Decision;
import io.proxima.profile.domain.DraftReview.FieldChoice;
import io.proxima.profile.domain.DraftReview.ItemChoice;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfileDomainTest {

  private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

  private static Skill skill(String name, String years, SkillLevel level) {
    return new Skill(name, SkillCategory.LANGUAGE, new BigDecimal(years), level);
  }

  private static WorkHistoryEntry engagement(String company, String from, String to) {
    return new WorkHistoryEntry(
        company,
        List.of(),
        null,
        new Period(YearMonth.parse(from), to == null ? null : YearMonth.parse(to)),
        "SE",
        5,
        List.of(),
        List.of("Java"),
        "決済基盤の開発");
  }

  private static Profile saved() {
    Profile edited =
        new Profile(
            "freelancer-1",
            "山田 太郎",
            "Javaエンジニア",
            null,
            List.of(skill("Java", "5", SkillLevel.EXPERT)),
            List.of(engagement("大手金融機関", "2022-04", "2023-07")),
            null,
            null,
            null,
            null,
            null,
            0);
    return Profile.empty("freelancer-1").revise(edited, 0, NOW);
  }

  private static SkillSheetDraft draft() {
    return new SkillSheetDraft(
        "Taro Yamada",
        "バックエンドエンジニア",
        "決済と物流のバックエンドを10年。",
        List.of(skill("Java", "6", SkillLevel.EXPERT), skill("Go", "1.5", SkillLevel.PRACTICAL)),
        List.of(
            engagement("大手金融機関", "2022-04", "2023-08"), engagement("物流スタートアップ", "2023-09", null)),
        List.of(),
        List.of(new Certification("応用情報技術者", Acquired.of(YearMonth.of(2015, 10)))),
        List.of(),
        List.of());
  }

  @Test
  void aReviewTakesOnlyWhatItNamesAndLeavesTheRest() {
    Profile profile = saved();
    DraftReview review =
        new DraftReview(
            null,
            new FieldChoice(Decision.ACCEPT, null),
            new FieldChoice(Decision.EDIT, "決済・物流のバックエンド"),
            List.of(new ItemChoice<>(1, null)),
            List.of(new ItemChoice<>(1, null)),
            null,
            null);

    Profile next = review.applyTo(profile, draft(), NOW.plusSeconds(60));

    assertThat(next.name()).isEqualTo("山田 太郎");
    assertThat(next.title()).isEqualTo("バックエンドエンジニア");
    assertThat(next.summary()).isEqualTo("決済・物流のバックエンド");
    assertThat(next.skills())
        .extracting(Skill::name, Skill::years)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Java", new BigDecimal("5")),
            org.assertj.core.groups.Tuple.tuple("Go", new BigDecimal("1.5")));
    assertThat(next.workHistory())
        .extracting(WorkHistoryEntry::company)
        .containsExactly("物流スタートアップ", "大手金融機関");
    assertThat(next.certifications()).isEmpty();
    assertThat(next.version()).isEqualTo(profile.version() + 1);
  }

  @Test
  void aChosenSkillOrEngagementReplacesTheOneTheProfileHas() {
    DraftReview review =
        new DraftReview(
            null,
            null,
            null,
            List.of(new ItemChoice<>(0, null)),
            List.of(new ItemChoice<>(0, null)),
            null,
            List.of(new ItemChoice<>(0, null)));

    Profile next = review.applyTo(saved(), draft(), NOW);

    assertThat(next.skills())
        .singleElement()
        .extracting(Skill::years)
        .isEqualTo(BigDecimal.valueOf(6));
    assertThat(next.workHistory())
        .singleElement()
        .extracting(entry -> entry.period().to())
        .isEqualTo(YearMonth.of(2023, 8));
    assertThat(next.certifications()).extracting(Certification::name).containsExactly("応用情報技術者");
  }

  @Test
  void anItemCorrectedInTheReviewIsTakenAsCorrected() {
    DraftReview review =
        new DraftReview(
            null,
            null,
            null,
            List.of(new ItemChoice<>(1, skill("Go", "2", SkillLevel.ADVANCED))),
            null,
            null,
            null);

    Profile next = review.applyTo(saved(), draft(), NOW);

    assertThat(next.skills())
        .filteredOn(skill -> skill.name().equals("Go"))
        .singleElement()
        .satisfies(
            go -> {
              assertThat(go.years()).isEqualTo(BigDecimal.valueOf(2));
              assertThat(go.level()).isEqualTo(SkillLevel.ADVANCED);
            });
  }

  @Test
  void aSkillTheDraftMissedIsAddedInTheReviewBesideTheChosenOnes() {
    DraftReview review =
        new DraftReview(
            null,
            null,
            null,
            List.of(new ItemChoice<>(1, null)),
            null,
            null,
            null,
            List.of(skill("Terraform", "2", SkillLevel.PRACTICAL), skill("Java", "7", null)));

    Profile next = review.applyTo(saved(), draft(), NOW);

    assertThat(next.skills())
        .extracting(Skill::name, Skill::years)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Java", new BigDecimal("7")),
            org.assertj.core.groups.Tuple.tuple("Go", new BigDecimal("1.5")),
            org.assertj.core.groups.Tuple.tuple("Terraform", new BigDecimal("2")));
  }

  @Test
  void aSkillNamedTwiceInOneReviewIsRefusedAtTheAddedSkills() {
    DraftReview twice =
        new DraftReview(
            null,
            null,
            null,
            List.of(new ItemChoice<>(1, null)),
            null,
            null,
            null,
            List.of(skill("go", "3", null)));

    assertThatThrownBy(() -> twice.applyTo(saved(), draft(), NOW))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("chosen twice")
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("addedSkills");
  }

  @Test
  void aHistoryPageOutsideItsBoundsIsRefusedNamingTheParameter() {
    UploadPage.requireWithinBounds(0, 1);
    UploadPage.requireWithinBounds(UploadPage.PAGE_LIMIT, UploadPage.SIZE_LIMIT);
    assertThatThrownBy(() -> UploadPage.requireWithinBounds(-1, 10))
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("page");
    assertThatThrownBy(() -> UploadPage.requireWithinBounds(Integer.MAX_VALUE, 10))
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("page");
    assertThatThrownBy(() -> UploadPage.requireWithinBounds(0, 0))
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("size");
    assertThatThrownBy(() -> UploadPage.requireWithinBounds(0, 101))
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("size");
    assertThat(new UploadPage(List.of(), 0, 10, 0).pages()).isEqualTo(1);
    assertThat(new UploadPage(List.of(), 0, 10, 21).pages()).isEqualTo(3);
  }

  @Test
  void anUnknownDraftItemIsRefusedAtTheChoiceThatNamesIt() {
    DraftReview review =
        new DraftReview(
            null,
            null,
            null,
            null,
            List.of(new ItemChoice<>(0, null), new ItemChoice<>(9, null)),
            null,
            null);

    assertThatThrownBy(() -> review.applyTo(saved(), draft(), NOW))
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("workHistory[1].index");
  }

  @Test
  void aReviewIsRefusedForUnknownItemsMissingValuesOrAStaleProfile() {
    Profile profile = saved();
    assertThatThrownBy(
            () ->
                new DraftReview(
                        null, null, null, List.of(new ItemChoice<>(7, null)), null, null, null)
                    .applyTo(profile, draft(), NOW))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("no draft item 7");
    assertThatThrownBy(
            () ->
                new DraftReview(
                        null,
                        null,
                        null,
                        List.of(new ItemChoice<>(0, null), new ItemChoice<>(0, null)),
                        null,
                        null,
                        null)
                    .applyTo(profile, draft(), NOW))
        .hasMessageContaining("chosen twice");
    SkillSheetDraft nameless =
        new SkillSheetDraft(null, null, null, null, null, null, null, List.of("?"), List.of());
    assertThatThrownBy(
            () ->
                new DraftReview(
                        new FieldChoice(Decision.ACCEPT, null), null, null, null, null, null, null)
                    .applyTo(profile, nameless, NOW))
        .hasMessageContaining("no name to accept");
    assertThatThrownBy(() -> new FieldChoice(Decision.ACCEPT, "x"))
        .isInstanceOf(DomainException.InvalidValue.class);

    SkillSheetUpload upload =
        SkillSheetUpload.pending("freelancer-1", "sheet.xlsx", "x", 10, "ab", draft(), NOW);
    DraftReview keepAll = new DraftReview(null, null, null, null, null, null, null);
    assertThatThrownBy(() -> upload.applyTo(profile, keepAll, profile.version() - 1, NOW))
        .isInstanceOf(DomainException.Conflict.class);
  }

  @Test
  void anUploadIsDecidedOnce() {
    SkillSheetUpload upload =
        SkillSheetUpload.pending(
            "freelancer-1", "sheet.pdf", "application/pdf", 10, "ab", draft(), NOW);
    SkillSheetUpload applied = upload.applied(NOW);

    assertThat(applied.status()).isEqualTo(SkillSheetUpload.Status.APPLIED);
    assertThatThrownBy(() -> applied.discarded(NOW))
        .isInstanceOf(DomainException.Conflict.class)
        .hasMessageContaining("already applied");
    assertThatThrownBy(() -> upload.discarded(NOW).applied(NOW))
        .isInstanceOf(DomainException.Conflict.class);
  }

  @Test
  void aStaleEditIsRefused() {
    Profile profile = saved();
    assertThatThrownBy(() -> profile.revise(profile, 0, NOW))
        .isInstanceOf(DomainException.Conflict.class)
        .hasMessageContaining("version 1");
  }

  @Test
  void valuesGuardTheirRules() {
    assertThat(skill("Java", "1.55", null).years()).isEqualTo(new BigDecimal("1.6"));
    assertThat(skill("Java", "3.0", null).years()).isEqualTo(new BigDecimal("3"));
    assertThatThrownBy(() -> skill("Java", "-1", null))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatThrownBy(() -> new Skill(" ", null, null, null))
        .hasMessageContaining("skill name is required");
    assertThatThrownBy(() -> new Period(YearMonth.of(2024, 5), YearMonth.of(2024, 4)))
        .hasMessageContaining("cannot end");
    assertThat(new Period(YearMonth.of(2023, 8), null).months(YearMonth.of(2024, 7))).isEqualTo(12);
    assertThatThrownBy(
            () ->
                new DesiredConditions(
                    800_000, 700_000, 5, WorkStyle.REMOTE, null, null, null, null))
        .hasMessageContaining("floor is above");
    assertThatThrownBy(() -> new DesiredConditions(null, null, 6, null, null, null, null, null))
        .hasMessageContaining("between 1 and 5");
    assertThat(
            new DesiredConditions(
                    600_000,
                    700_000,
                    5,
                    WorkStyle.HYBRID,
                    List.of("東京都", "東京都"),
                    LocalDate.of(2027, 1, 1),
                    Set.of(ContractType.QUASI_MANDATE),
                    Set.of(30, 45))
                .locations())
        .containsExactly("東京都");
    assertThatThrownBy(() -> new ProfileLinks("-bad-", null)).hasMessageContaining("GitHub");
    assertThatThrownBy(() -> new ProfileLinks(null, "javascript:alert(1)"))
        .hasMessageContaining("http(s)");
    assertThat(new ProfileLinks("octo-cat", "https://example.jp/works").githubUsername())
        .isEqualTo("octo-cat");
  }

  @Test
  void aProfileKeepsOneEntryPerSkill() {
    Profile profile =
        new Profile(
            "f",
            null,
            null,
            null,
            List.of(skill("Java", "2", null), skill("java", "4", SkillLevel.ADVANCED)),
            null,
            null,
            null,
            null,
            null,
            null,
            0);
    assertThat(profile.skills())
        .singleElement()
        .extracting(Skill::years)
        .isEqualTo(BigDecimal.valueOf(4));
  }
}
