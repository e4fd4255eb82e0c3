package io.proxima.jobs.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.ContractType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobTest {

  private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");

  static JobDetails details(WorkStyle style, String location, Integer rateMin, Integer rateMax) {
    return new JobDetails(
        null,
        "  決済基盤のリプレイス ",
        "Spring Boot で刷新",
        List.of(
            new SkillRequirement("postgres", BigDecimal.valueOf(3)),
            new SkillRequirement("Java", null)),
        List.of(new SkillRequirement("JAVA", null), new SkillRequirement("aws", null)),
        rateMin,
        rateMax,
        false,
        140,
        180,
        3,
        5,
        style,
        location,
        null,
        null,
        LocalDate.of(2027, 1, 1),
        6,
        ContractType.QUASI_MANDATE,
        true,
        30,
        Culture.STARTUP);
  }

  @Test
  void skillsAreCanonicalAndAPreferredSkillAlreadyRequiredIsDropped() {
    JobDetails details = details(WorkStyle.REMOTE, null, 600_000, 800_000);
    assertThat(details.title()).isEqualTo("決済基盤のリプレイス");
    assertThat(details.requiredSkillNames()).containsExactly("PostgreSQL", "Java");
    assertThat(details.preferredSkills())
        .extracting(SkillRequirement::skill)
        .containsExactly("AWS");
    assertThat(details.skillNames()).containsExactly("PostgreSQL", "Java", "AWS");
  }

  @Test
  void inconsistentTermsAreRefusedWithTheFieldNamed() {
    assertThatThrownBy(() -> details(WorkStyle.REMOTE, null, 900_000, 600_000))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("rateMinYen");
    assertThatThrownBy(() -> details(WorkStyle.ON_SITE, null, 600_000, 800_000))
        .isInstanceOf(DomainException.InvalidValue.class)
        .hasMessageContaining("location");
    assertThatThrownBy(() -> details(WorkStyle.REMOTE, null, 5_000, 800_000))
        .hasMessageContaining("10,000");
    assertThatThrownBy(() -> new SkillRequirement("Go", BigDecimal.valueOf(-1)))
        .hasMessageContaining("years");
  }

  @Test
  void aJobIsDraftedOpenedEditedAndClosedOnTheVersionItWasReadAt() {
    // The stored version moves on when the repository stores a change
    // (JpaJobRepositoryTest); in memory, every change is checked against the version read.
    Job draft =
        Job.draft(UUID.randomUUID(), details(WorkStyle.REMOTE, null, null, null), "staff", NOW);
    assertThat(draft.status()).isEqualTo(JobStatus.DRAFT);
    assertThat(draft.version()).isEqualTo(1);
    JobDetails first = draft.details();

    Job open = draft.publish(1, NOW.plusSeconds(60));
    assertThat(open.status()).isEqualTo(JobStatus.OPEN);
    assertThat(open.publishedAt()).isEqualTo(NOW.plusSeconds(60));
    assertThatThrownBy(() -> open.publish(1, NOW)).isInstanceOf(DomainException.Conflict.class);

    assertThatThrownBy(() -> open.revise(details(WorkStyle.HYBRID, "東京都", null, null), 0, NOW))
        .as("an edit made on an older version")
        .isInstanceOf(DomainException.Conflict.class);
    Job edited = open.revise(details(WorkStyle.HYBRID, "東京都", null, null), 1, NOW.plusSeconds(120));
    assertThat(edited.status()).isEqualTo(JobStatus.OPEN);
    assertThat(edited.details().location()).isEqualTo("東京都");
    assertThat(edited.updatedAt()).isEqualTo(NOW.plusSeconds(120));

    assertThatThrownBy(() -> edited.close(2, NOW))
        .as("a change made on a version nobody stored")
        .isInstanceOf(DomainException.Conflict.class);
    Job closed = edited.close(1, NOW.plusSeconds(180));
    assertThat(closed.closedAt()).isEqualTo(NOW.plusSeconds(180));
    assertThatThrownBy(() -> closed.revise(first, 1, NOW))
        .isInstanceOf(DomainException.Conflict.class);
    Job reopened = closed.publish(1, NOW.plusSeconds(240));
    assertThat(reopened.publishedAt()).as("first published, kept").isEqualTo(NOW.plusSeconds(60));
    assertThat(reopened.closedAt()).isNull();
  }

  @Test
  void aSearchNamesSkillsAsTheTaxonomyDoesAndRefusesNonsense() {
    JobQuery query =
        JobQuery.builder(20)
            .text("java")
            .skills(List.of("golang", "ｐｏｓｔｇｒｅｓ"))
            .location(" ")
            .build();
    assertThat(query.skills()).contains("Go");
    assertThat(query.location()).isNull();
    assertThat(query.sort()).isEqualTo(JobQuery.Sort.RELEVANCE);
    assertThatThrownBy(() -> JobQuery.builder(20).days(8).build()).hasMessageContaining("days");
    assertThatThrownBy(() -> JobQuery.builder(101).build()).hasMessageContaining("limit");
  }
}
