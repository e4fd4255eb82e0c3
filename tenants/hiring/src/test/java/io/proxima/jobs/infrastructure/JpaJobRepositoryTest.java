package io.proxima.jobs.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.jobs.domain.Culture;
import io.proxima.jobs.domain.Job;
import io.proxima.jobs.domain.JobDetails;
import io.proxima.jobs.domain.JobQuery;
import io.proxima.jobs.domain.JobSearch;
import io.proxima.jobs.domain.JobStatus;
import io.proxima.jobs.domain.JobTemplate;
import io.proxima.jobs.domain.SkillRequirement;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.persistence.PersistenceTestKit;
import io.proxima.platform.search.FacetCount;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.profile.domain.ContractType;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.Plan;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantSlug;
import io.proxima.tenancy.domain.TenantType;
import io.proxima.tenancy.infrastructure.JpaTenantRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Jobs, templates and looks in a real PostgreSQL, through the mappings and row-level security. */
class JpaJobRepositoryTest {

  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private final PersistenceTestKit kit = PersistenceTestKit.shared();
  private final JpaJobRepository jobs = new JpaJobRepository(kit.entityManager());
  private final PostgresJobSearch search = new PostgresJobSearch(kit.entityManager());
  private final JpaTenantRepository tenants = new JpaTenantRepository(kit.entityManager());

  /** A skill no other test's job asks for, so searches across tenants see only this test's. */
  private final String rareSkill = "Skill" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aDraftIsStoredWithItsSkillsAsJsonAndArraysAndReadBackWhole() {
    Tenant agency = register();
    JobDetails details = details("決済基盤のリプレイス", LocalDate.of(2027, 4, 1));
    Job draft = in(agency, () -> store(Job.draft(agency.id(), details, "staff", NOW)));

    in(
        agency,
        () -> {
          Job found = jobs.find(draft.id()).orElseThrow();
          assertThat(found.details()).isEqualTo(details);
          assertThat(found.details().requiredSkills())
              .containsExactly(
                  new SkillRequirement("PostgreSQL", new BigDecimal("3.5")),
                  new SkillRequirement(rareSkill, null));
          assertThat(found.details().culture()).isEqualTo(Culture.STARTUP);
          assertThat(found.status()).isEqualTo(JobStatus.DRAFT);
          assertThat(found.version()).isEqualTo(1);
          assertThat(found.tenantId()).isEqualTo(agency.id());
          assertThat(found.createdAt()).isEqualTo(NOW);
          assertThat(
                  NativeSql.list(
                      kit.entityManager(),
                      "SELECT skill_names AS skills, required_skill_names AS required,"
                          + " required_skills ->> 0 AS first FROM job WHERE id = ?1",
                      row ->
                          List.of(
                              row.strings("skills"),
                              row.strings("required"),
                              List.of(row.string("first"))),
                      draft.id()))
              .singleElement()
              .satisfies(
                  row -> {
                    assertThat(row.get(0)).containsExactly("PostgreSQL", rareSkill, "AWS");
                    assertThat(row.get(1)).containsExactly("PostgreSQL", rareSkill);
                    assertThat(row.get(2).get(0)).contains("\"skill\"").contains("3.5");
                  });
        });
  }

  @Test
  void eachStoredChangeMovesTheVersionAndAStaleOneIsRefused() {
    Tenant agency = register();
    Job draft = in(agency, () -> store(Job.draft(agency.id(), details("v1", null), "s", NOW)));

    Job published =
        in(agency, () -> store(jobs.find(draft.id()).orElseThrow().publish(1, NOW.plusSeconds(1))));
    assertThat(published.version()).isEqualTo(2);
    Job revised =
        in(
            agency,
            () ->
                store(
                    jobs.find(draft.id())
                        .orElseThrow()
                        .revise(details("v2", null), 2, NOW.plusSeconds(2))));
    assertThat(revised.version()).isEqualTo(3);

    assertThatThrownBy(
            () ->
                in(
                    agency,
                    () -> jobs.find(draft.id()).orElseThrow().revise(details("v3", null), 2, NOW)))
        .isInstanceOf(DomainException.Conflict.class)
        .hasMessageContaining("version 3");
    in(
        agency,
        () -> {
          Job found = jobs.find(draft.id()).orElseThrow();
          assertThat(found.details().title()).isEqualTo("v2");
          assertThat(found.publishedAt()).isEqualTo(NOW.plusSeconds(1));
          assertThat(found.updatedAt()).isEqualTo(NOW.plusSeconds(2));
        });
  }

  @Test
  void aWriterThatLostTheRaceIsToldSo() {
    Tenant agency = register();
    Job draft = in(agency, () -> store(Job.draft(agency.id(), details("race", null), "s", NOW)));

    class RolledBack extends RuntimeException {}
    assertThatThrownBy(
            () ->
                in(
                    agency,
                    () -> {
                      Job mine = jobs.find(draft.id()).orElseThrow();
                      // A colleague's edit commits first: the row's version moves on.
                      NativeSql.query(
                              kit.entityManager(),
                              "UPDATE job SET version = version + 1 WHERE id = ?1",
                              draft.id())
                          .executeUpdate();
                      mine.revise(details("mine", null), 1, NOW);
                      assertThat(jobs.store(mine)).isFalse();
                      throw new RolledBack();
                    }))
        .isInstanceOf(RolledBack.class);
    in(
        agency,
        () -> assertThat(jobs.find(draft.id()).orElseThrow().details().title()).isEqualTo("race"));
  }

  @Test
  void anotherTenantSeesNoDraftButEveryoneFindsAnOpenJob() {
    Tenant agency = register();
    Tenant other = register();
    Job draft = in(agency, () -> store(Job.draft(agency.id(), details("秘密の案件", null), "s", NOW)));

    in(other, () -> assertThat(jobs.find(draft.id())).isEmpty());
    in(
        TenancyContext.self("freelancer-" + UUID.randomUUID()),
        () -> assertThat(jobs.find(draft.id())).isEmpty());
    in(
        other,
        () -> assertThat(jobs.openAskingForAny(List.of(rareSkill), List.of(), null, 10)).isEmpty());

    in(agency, () -> store(jobs.find(draft.id()).orElseThrow().publish(1, NOW)));

    in(other, () -> assertThat(jobs.find(draft.id())).isPresent());
    in(
        TenancyContext.self("freelancer-" + UUID.randomUUID()),
        () -> {
          assertThat(jobs.find(draft.id())).get().extracting(Job::status).isEqualTo(JobStatus.OPEN);
          assertThat(jobs.openAskingForAny(List.of(rareSkill), List.of(), null, 10))
              .extracting(Job::id)
              .containsExactly(draft.id());
          assertThat(jobs.openAskingForAny(List.of("nothing"), List.of(draft.id()), null, 10))
              .extracting(Job::id)
              .as("asked for by id")
              .containsExactly(draft.id());
          assertThat(jobs.openAskingForAny(List.of(rareSkill), List.of(), other.slug().value(), 10))
              .as("only the named tenant's")
              .isEmpty();
          assertThat(
                  jobs.openAskingForAny(List.of(rareSkill), List.of(), agency.slug().value(), 10))
              .hasSize(1);
        });
    class RolledBack extends RuntimeException {}
    assertThatThrownBy(
            () ->
                in(
                    other,
                    () -> {
                      Job theirs = jobs.find(draft.id()).orElseThrow();
                      theirs.close(theirs.version(), NOW);
                      assertThat(jobs.store(theirs))
                          .as("row-level security keeps another tenant's job read-only")
                          .isFalse();
                      throw new RolledBack();
                    }))
        .isInstanceOf(RolledBack.class);
    in(
        agency,
        () -> assertThat(jobs.find(draft.id()).orElseThrow().status()).isEqualTo(JobStatus.OPEN));
  }

  @Test
  void onlyADraftIsDeletedAndOpenJobsAreCounted() {
    Tenant agency = register();
    Job kept = in(agency, () -> store(Job.draft(agency.id(), details("a", null), "s", NOW)));
    Job dropped = in(agency, () -> store(Job.draft(agency.id(), details("b", null), "s", NOW)));
    in(agency, () -> store(jobs.find(kept.id()).orElseThrow().publish(1, NOW)));

    in(
        agency,
        () -> {
          assertThat(jobs.countOpenLocked(agency.id())).isEqualTo(1);
          assertThat(jobs.deleteDraft(kept.id())).as("open").isFalse();
          assertThat(jobs.deleteDraft(dropped.id())).isTrue();
          assertThat(jobs.deleteDraft(UUID.randomUUID())).isFalse();
        });
    in(agency, () -> assertThat(jobs.find(dropped.id())).isEmpty());
    Tenant other = register();
    in(
        other,
        () -> {
          assertThat(jobs.countOpenLocked(other.id())).isZero();
          assertThat(jobs.deleteDraft(kept.id())).isFalse();
        });
  }

  @Test
  void aFreelancersLookIsRecordedAndTheTenantCountsItsOwn() {
    Tenant agency = register();
    Job job = in(agency, () -> store(Job.draft(agency.id(), details("見る", null), "s", NOW)));
    in(agency, () -> store(jobs.find(job.id()).orElseThrow().publish(1, NOW)));
    String freelancer = "freelancer-" + UUID.randomUUID();

    in(
        TenancyContext.self(freelancer),
        () -> jobs.recordView(job.id(), agency.id(), freelancer, NOW));

    String views = "select count(v) from JobViewed v where v.jobId = :job";
    in(
        agency,
        () ->
            assertThat(
                    kit.entityManager()
                        .createQuery(views, Long.class)
                        .setParameter("job", job.id())
                        .getSingleResult())
                .isEqualTo(1L));
    in(
        register(),
        () ->
            assertThat(
                    kit.entityManager()
                        .createQuery(views, Long.class)
                        .setParameter("job", job.id())
                        .getSingleResult())
                .isZero());
  }

  @Test
  void templatesKeepTheDetailsAsJsonAndTheirNamesUnique() {
    Tenant agency = register();
    JobDetails details = details("テンプレート", LocalDate.of(2027, 1, 15));
    JobTemplate first = JobTemplate.create(" Backend ", details, NOW);
    JobTemplate second = JobTemplate.create("Android", details("b", null), NOW);
    in(
        agency,
        () -> {
          assertThat(jobs.createTemplate(first)).isTrue();
          assertThat(jobs.createTemplate(second)).isTrue();
          assertThat(jobs.createTemplate(JobTemplate.create("Backend", details, NOW)))
              .as("name taken")
              .isFalse();
        });

    in(
        agency,
        () -> {
          assertThat(jobs.templates())
              .extracting(JobTemplate::name)
              .containsExactly("Android", "Backend");
          JobTemplate found = jobs.findTemplate(first.id()).orElseThrow();
          assertThat(found.details()).isEqualTo(details);
          assertThat(found.details().startDate()).isEqualTo(LocalDate.of(2027, 1, 15));
          assertThat(found.version()).isEqualTo(1);
          assertThat(jobs.updateTemplate(found.change("Android", details, NOW))).isFalse();
        });
    in(
        agency,
        () -> {
          JobTemplate found = jobs.findTemplate(first.id()).orElseThrow();
          assertThat(found.name()).as("the refused rename was not stored").isEqualTo("Backend");
          assertThat(
                  jobs.updateTemplate(
                      found.change("Backend 2", details("changed", null), NOW.plusSeconds(5))))
              .isTrue();
          assertThat(found.version()).isEqualTo(2);
        });
    in(
        agency,
        () -> {
          JobTemplate found = jobs.findTemplate(first.id()).orElseThrow();
          assertThat(found.name()).isEqualTo("Backend 2");
          assertThat(found.details().title()).isEqualTo("changed");
          assertThat(found.updatedAt()).isEqualTo(NOW.plusSeconds(5));
          assertThat(found.createdAt()).isEqualTo(NOW);
        });

    Tenant other = register();
    in(
        other,
        () -> {
          assertThat(jobs.templates()).isEmpty();
          assertThat(jobs.findTemplate(first.id())).isEmpty();
          assertThat(jobs.deleteTemplate(first.id())).isFalse();
          assertThat(jobs.createTemplate(JobTemplate.create("Backend 2", details, NOW)))
              .as("names are unique per tenant")
              .isTrue();
        });
    in(agency, () -> assertThat(jobs.deleteTemplate(first.id())).isTrue());
    in(
        agency,
        () ->
            assertThat(jobs.templates()).extracting(JobTemplate::id).containsExactly(second.id()));
  }

  @Test
  void searchReadsCardsByNameAndStaffSeeOnlyTheirTenantsJobs() {
    Tenant agency = register();
    Tenant other = register();
    Job draft = in(agency, () -> store(Job.draft(agency.id(), details("決済基盤の刷新", null), "s", NOW)));
    Job open =
        in(agency, () -> store(Job.draft(agency.id(), details("決済 API 開発", null), "s", NOW)));
    in(agency, () -> store(jobs.find(open.id()).orElseThrow().publish(1, NOW)));

    JobQuery bySkill = query(null, List.of(rareSkill));
    in(
        agency,
        () -> {
          JobSearch.Result result = search.search(bySkill, JobSearch.Audience.TENANT_STAFF);
          assertThat(result.jobs())
              .extracting(JobSearch.JobCard::id)
              .containsExactlyInAnyOrder(draft.id(), open.id());
          JobSearch.JobCard card =
              result.jobs().stream()
                  .filter(c -> c.id().equals(open.id()))
                  .findFirst()
                  .orElseThrow();
          assertThat(card.tenantSlug()).isEqualTo(agency.slug().value());
          assertThat(card.requiredSkills()).containsExactly("PostgreSQL", rareSkill);
          assertThat(card.preferredSkills()).containsExactly("AWS");
          assertThat(card.status()).isEqualTo(JobStatus.OPEN);
          assertThat(card.rateMaxYen()).isEqualTo(900_000);
          assertThat(card.workStyle()).isEqualTo(WorkStyle.REMOTE);
          assertThat(card.startDate()).isNull();
          assertThat(card.publishedAt()).isEqualTo(NOW);
          assertThat(
                  search
                      .search(query("刷新", List.of(rareSkill)), JobSearch.Audience.TENANT_STAFF)
                      .jobs())
              .as("full text, CJK bigrams")
              .extracting(JobSearch.JobCard::id)
              .containsExactly(draft.id());
        });
    in(
        other,
        () -> assertThat(search.search(bySkill, JobSearch.Audience.TENANT_STAFF).jobs()).isEmpty());
    in(
        TenancyContext.self("freelancer-" + UUID.randomUUID()),
        () -> {
          assertThat(search.search(bySkill, JobSearch.Audience.FREELANCER).jobs())
              .extracting(JobSearch.JobCard::id)
              .containsExactly(open.id());
          assertThat(
                  search
                      .search(query("決済 API", List.of(rareSkill)), JobSearch.Audience.FREELANCER)
                      .jobs())
              .as("a published job keeps the full-text vector its draft was given")
              .extracting(JobSearch.JobCard::id)
              .containsExactly(open.id());
        });
  }

  @Test
  void placeAndCheckboxFiltersFindTheSameJobsThroughTheirTokens() {
    Tenant agency = register();
    Job shibuya = open(agency, WorkStyle.REMOTE, "東京都", "渋谷", Culture.STARTUP);
    Job shinShibuya = open(agency, WorkStyle.HYBRID, "東京都", "新渋谷口", null);
    Job umeda = open(agency, WorkStyle.ON_SITE, "大阪府", "梅田", Culture.SIER);
    Job nowhere = open(agency, WorkStyle.REMOTE, null, null, null);

    in(
        TenancyContext.self("freelancer-" + UUID.randomUUID()),
        () -> {
          // A skill filter makes the search read GIN indexes, so the tokens join in (V70).
          assertThat(found(places(Set.of("東京都"), "渋谷駅", Set.of())))
              .as("a station name inside another's, 駅 or not")
              .containsExactlyInAnyOrder(shibuya.id(), shinShibuya.id());
          assertThat(found(places(Set.of("東京都", "大阪府"), null, Set.of())))
              .containsExactlyInAnyOrder(shibuya.id(), shinShibuya.id(), umeda.id());
          assertThat(found(places(Set.of(), "梅", Set.of())))
              .as("one character: the index cannot narrow it, the row check still does")
              .containsExactly(umeda.id());
          assertThat(found(places(Set.of(), null, Set.of(WorkStyle.REMOTE, WorkStyle.ON_SITE))))
              .containsExactlyInAnyOrder(shibuya.id(), umeda.id(), nowhere.id());
          assertThat(found(places(Set.of("東京都"), "口", Set.of(WorkStyle.HYBRID))))
              .containsExactly(shinShibuya.id());
          assertThat(found(places(Set.of("大阪府"), "渋谷", Set.of()))).isEmpty();

          JobSearch.Result remoteInTokyo =
              search.search(
                  places(Set.of("東京都"), null, Set.of(WorkStyle.REMOTE)),
                  JobSearch.Audience.FREELANCER);
          assertThat(remoteInTokyo.total()).isEqualTo(1L);
          assertThat(remoteInTokyo.facets().get("workStyle"))
              .as("a checkbox facet counts without its own filter: what ticking HYBRID would add")
              .containsExactly(new FacetCount("HYBRID", 1), new FacetCount("REMOTE", 1));
          assertThat(remoteInTokyo.facets().get("prefecture"))
              .containsExactly(new FacetCount("東京都", 1));
          assertThat(remoteInTokyo.facets().get("culture"))
              .as("a facet without a filter set counts the matches")
              .containsExactly(new FacetCount("STARTUP", 1));
          assertThat(remoteInTokyo.facets().get("skill"))
              .extracting(FacetCount::value)
              .containsExactlyInAnyOrder("PostgreSQL", rareSkill, "AWS");
        });
    assertThat(JobFilterTokens.station("新渋谷口")).containsExactly("st:新渋", "st:渋谷", "st:谷口");
  }

  private Job open(
      Tenant agency, WorkStyle style, String prefecture, String station, Culture culture) {
    JobDetails base = details("場所で探す", null);
    JobDetails details =
        new JobDetails(
            null,
            base.title(),
            base.description(),
            base.requiredSkills(),
            base.preferredSkills(),
            base.rateMinYen(),
            base.rateMaxYen(),
            base.rateTaxIncluded(),
            base.settlementMinHours(),
            base.settlementMaxHours(),
            base.daysMin(),
            base.daysMax(),
            style,
            prefecture == null ? null : prefecture + "中央区",
            prefecture,
            station,
            null,
            6,
            ContractType.QUASI_MANDATE,
            true,
            30,
            culture);
    Job draft = in(agency, () -> store(Job.draft(agency.id(), details, "s", NOW)));
    in(agency, () -> store(jobs.find(draft.id()).orElseThrow().publish(1, NOW)));
    return draft;
  }

  private JobQuery places(Set<String> prefectures, String station, Set<WorkStyle> styles) {
    return query(null, List.of(rareSkill), prefectures, station, styles);
  }

  private List<UUID> found(JobQuery query) {
    return search.search(query, JobSearch.Audience.FREELANCER).jobs().stream()
        .map(JobSearch.JobCard::id)
        .toList();
  }

  private JobQuery query(String text, List<String> skills) {
    return query(text, skills, null, null, null);
  }

  private JobQuery query(
      String text,
      List<String> skills,
      Set<String> prefectures,
      String station,
      Set<WorkStyle> styles) {
    return JobQuery.builder(20)
        .text(text)
        .skills(skills)
        .workStyles(styles)
        .prefectures(prefectures)
        .station(station)
        .build();
  }

  private Job store(Job job) {
    assertThat(jobs.store(job)).isTrue();
    return job;
  }

  private JobDetails details(String title, LocalDate start) {
    return new JobDetails(
        null,
        title,
        title + "の説明",
        List.of(
            new SkillRequirement("postgres", new BigDecimal("3.5")),
            new SkillRequirement(rareSkill, null)),
        List.of(new SkillRequirement("aws", null)),
        700_000,
        900_000,
        false,
        140,
        180,
        3,
        5,
        WorkStyle.REMOTE,
        null,
        null,
        null,
        start,
        6,
        ContractType.QUASI_MANDATE,
        true,
        30,
        Culture.STARTUP);
  }

  private <T> T in(Tenant tenant, java.util.function.Supplier<T> work) {
    return kit.in(TenancyContext.tenant(tenant.id(), tenant.slug().value(), "staff"), work);
  }

  private void in(Tenant tenant, Runnable work) {
    kit.in(TenancyContext.tenant(tenant.id(), tenant.slug().value(), "staff"), work);
  }

  private <T> T in(TenancyContext context, java.util.function.Supplier<T> work) {
    return kit.in(context, work);
  }

  private void in(TenancyContext context, Runnable work) {
    kit.in(context, work);
  }

  private Tenant register() {
    String slug = "t" + UUID.randomUUID().toString().substring(0, 8);
    Tenant tenant =
        Tenant.register(
            new TenantSlug(slug), TenantType.AGENCY, Branding.named(slug), Plan.FREE, NOW);
    kit.in(TenancyContext.platform("console-admin"), () -> tenants.store(tenant));
    return tenant;
  }
}
