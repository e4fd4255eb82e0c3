package io.proxima.hiring.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.hiring.domain.Actor;
import io.proxima.hiring.domain.ApplicationNote;
import io.proxima.hiring.domain.ApplicationStage;
import io.proxima.hiring.domain.InterviewProposal;
import io.proxima.hiring.domain.InterviewProposal.Slot;
import io.proxima.hiring.domain.JobApplication;
import io.proxima.hiring.domain.StageChange;
import io.proxima.jobs.domain.Job;
import io.proxima.jobs.domain.JobDetails;
import io.proxima.jobs.domain.SkillRequirement;
import io.proxima.jobs.infrastructure.JpaJobRepository;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.persistence.NativeSql;
import io.proxima.platform.persistence.PersistenceTestKit;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.profile.domain.ContractType;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.Plan;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantSlug;
import io.proxima.tenancy.domain.TenantType;
import io.proxima.tenancy.infrastructure.JpaTenantRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Applications, steps, notes and proposals in a real PostgreSQL, under row-level security. */
class JpaJobApplicationRepositoryTest {

  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private static final Actor RECRUITER = Actor.staff("recruiter");

  private final PersistenceTestKit kit = PersistenceTestKit.shared();
  private final JpaJobApplicationRepository applications =
      new JpaJobApplicationRepository(kit.entityManager());
  private final JpaJobRepository jobs = new JpaJobRepository(kit.entityManager());
  private final JpaTenantRepository tenants = new JpaTenantRepository(kit.entityManager());

  private final String freelancer = "freelancer-" + UUID.randomUUID();
  private final TenancyContext self = TenancyContext.self(freelancer);

  private class RolledBack extends RuntimeException {}

  @Test
  void aFreelancerAppliesOnceAndBothSidesReadTheApplicationAndItsFirstStep() {
    Tenant agency = register();
    Job job = openJob(agency);
    JobApplication application = apply(job, "よろしくお願いします", 800_000);

    kit.in(
        self,
        () -> {
          assertThat(
                  applications.add(
                      JobApplication.apply(agency.id(), job.id(), freelancer, null, null, NOW)
                          .application()))
              .as("the second application to one job")
              .isFalse();
        });
    kit.in(
        self,
        () -> {
          JobApplication found = applications.find(application.id()).orElseThrow();
          assertThat(found.stage()).isEqualTo(ApplicationStage.APPLIED);
          assertThat(found.coverNote()).isEqualTo("よろしくお願いします");
          assertThat(found.proposedRateYen()).isEqualTo(800_000);
          assertThat(found.version()).isEqualTo(1);
          assertThat(found.createdAt()).isEqualTo(NOW);
          assertThat(applications.ofFreelancer(freelancer, 10))
              .extracting(JobApplication::id)
              .containsExactly(application.id());
          assertThat(applications.history(application.id()))
              .containsExactly(
                  StageChange.byHand(
                      null, ApplicationStage.APPLIED, Actor.freelancer(freelancer), null, NOW));
        });
    staff(
        agency,
        () -> {
          assertThat(applications.ofTenant(agency.id(), null, null, 10))
              .extracting(JobApplication::id)
              .containsExactly(application.id());
          assertThat(applications.ofTenant(agency.id(), job.id(), ApplicationStage.APPLIED, 10))
              .hasSize(1);
          assertThat(applications.ofTenant(agency.id(), job.id(), ApplicationStage.OFFER, 10))
              .isEmpty();
          assertThat(applications.ofTenant(agency.id(), UUID.randomUUID(), null, 10)).isEmpty();
          assertThat(applications.history(application.id())).hasSize(1);
        });
  }

  @Test
  void staffMovesAreStoredWithTheirStepsAndAStaleOrLateMoveIsRefused() {
    Tenant agency = register();
    JobApplication application = apply(openJob(agency), null, null);

    staff(
        agency,
        () -> {
          JobApplication found = applications.find(application.id()).orElseThrow();
          JobApplication.Moved moved =
              found.moveTo(ApplicationStage.SCREENING, RECRUITER, 1, "書類確認", NOW.plusSeconds(5));
          assertThat(applications.store(moved.application())).isTrue();
          applications.record(found.id(), moved.change());
          assertThat(found.version()).isEqualTo(2);
        });
    staff(
        agency,
        () -> {
          JobApplication found = applications.find(application.id()).orElseThrow();
          assertThat(found.stage()).isEqualTo(ApplicationStage.SCREENING);
          assertThat(found.updatedAt()).isEqualTo(NOW.plusSeconds(5));
          assertThat(applications.history(application.id()))
              .extracting(StageChange::to, StageChange::by, StageChange::reason)
              .containsExactly(
                  org.assertj.core.groups.Tuple.tuple(
                      ApplicationStage.APPLIED, Actor.freelancer(freelancer), null),
                  org.assertj.core.groups.Tuple.tuple(
                      ApplicationStage.SCREENING, RECRUITER, "書類確認"));
          assertThatThrownBy(
                  () -> found.moveTo(ApplicationStage.INTERVIEW, RECRUITER, 1, null, NOW))
              .isInstanceOf(DomainException.Conflict.class)
              .hasMessageContaining("version 2");
        });

    assertThatThrownBy(
            () ->
                staff(
                    agency,
                    () -> {
                      JobApplication mine = applications.find(application.id()).orElseThrow();
                      // The freelancer's withdrawal commits first.
                      NativeSql.query(
                              kit.entityManager(),
                              "UPDATE job_application SET version = version + 1 WHERE id = ?1",
                              application.id())
                          .executeUpdate();
                      mine.moveTo(ApplicationStage.INTERVIEW, RECRUITER, 2, null, NOW);
                      assertThat(applications.store(mine)).isFalse();
                      throw new RolledBack();
                    }))
        .isInstanceOf(RolledBack.class);

    kit.in(
        self,
        () -> {
          JobApplication mine = applications.find(application.id()).orElseThrow();
          JobApplication.Moved withdrawn = mine.withdraw(2, "別件で決定", NOW.plusSeconds(9));
          assertThat(applications.store(withdrawn.application())).isTrue();
          applications.record(mine.id(), withdrawn.change());
        });
    staff(
        agency,
        () ->
            assertThat(applications.find(application.id()).orElseThrow().stage())
                .isEqualTo(ApplicationStage.WITHDRAWN));
  }

  @Test
  void notesAreTheTenantsAlone() {
    Tenant agency = register();
    JobApplication application = apply(openJob(agency), null, null);
    ApplicationNote note =
        new ApplicationNote(UUID.randomUUID(), application.id(), "recruiter", " 技術力◎ ", NOW);
    staff(agency, () -> applications.addNote(note));

    staff(
        agency,
        () ->
            assertThat(applications.notes(application.id()))
                .singleElement()
                .satisfies(
                    found -> {
                      assertThat(found.body()).isEqualTo("技術力◎");
                      assertThat(found.author()).isEqualTo("recruiter");
                      assertThat(found.writtenAt()).isEqualTo(NOW);
                    }));
    kit.in(self, () -> assertThat(applications.notes(application.id())).isEmpty());
  }

  @Test
  void proposalsKeepTheirSlotsAsJsonAndTakeOneAnswer() {
    Tenant agency = register();
    JobApplication application = apply(openJob(agency), null, null);
    Slot first =
        new Slot(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)).plusSeconds(3600));
    Slot second =
        new Slot(NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(2)).plusSeconds(1800));
    InterviewProposal proposal =
        staff(
            agency,
            () -> {
              InterviewProposal proposed =
                  InterviewProposal.propose(
                      applications.find(application.id()).orElseThrow(),
                      List.of(first, second),
                      "渋谷オフィス",
                      "https://meet.example/abc",
                      "recruiter",
                      NOW);
              applications.addProposal(proposed);
              return proposed;
            });

    kit.in(
        self,
        () -> {
          assertThat(
                  NativeSql.list(
                      kit.entityManager(),
                      "SELECT slots -> 0 ->> 'start' AS start, slots -> 0 ->> 'end' AS end"
                          + " FROM interview_proposal WHERE id = ?1",
                      row -> List.of(row.string("start"), row.string("end")),
                      proposal.id()))
              .as("instants stay readable in the document")
              .containsExactly(List.of(first.start().toString(), first.end().toString()));
          InterviewProposal found =
              applications.findProposal(application.id(), proposal.id()).orElseThrow();
          assertThat(found.slots()).containsExactly(first, second);
          assertThat(found.location()).isEqualTo("渋谷オフィス");
          assertThat(applications.findProposal(UUID.randomUUID(), proposal.id())).isEmpty();
          assertThat(applications.answerProposal(found.accept(second.start(), NOW))).isTrue();
        });
    staff(
        agency,
        () -> {
          InterviewProposal found =
              applications.findProposal(application.id(), proposal.id()).orElseThrow();
          assertThat(found.status()).isEqualTo(InterviewProposal.Status.ACCEPTED);
          assertThat(found.chosen()).isEqualTo(second);
          assertThat(found.answeredAt()).isEqualTo(NOW);
          assertThat(found.version()).isEqualTo(2);
          assertThat(applications.proposals(application.id()))
              .extracting(InterviewProposal::id)
              .containsExactly(proposal.id());
          assertThatThrownBy(() -> found.cancel(NOW)).isInstanceOf(DomainException.Conflict.class);
        });
  }

  @Test
  void anAnswerThatLostTheRaceIsRefused() {
    Tenant agency = register();
    JobApplication application = apply(openJob(agency), null, null);
    InterviewProposal proposal =
        staff(
            agency,
            () -> {
              InterviewProposal proposed =
                  InterviewProposal.propose(
                      applications.find(application.id()).orElseThrow(),
                      List.of(new Slot(NOW.plusSeconds(7200), NOW.plusSeconds(9000))),
                      null,
                      null,
                      "recruiter",
                      NOW);
              applications.addProposal(proposed);
              return proposed;
            });

    assertThatThrownBy(
            () ->
                kit.in(
                    self,
                    () -> {
                      InterviewProposal mine =
                          applications.findProposal(application.id(), proposal.id()).orElseThrow();
                      // The staff withdrew it meanwhile.
                      NativeSql.query(
                              kit.entityManager(),
                              "UPDATE interview_proposal SET version = version + 1 WHERE id = ?1",
                              proposal.id())
                          .executeUpdate();
                      assertThat(applications.answerProposal(mine.decline("無理です", NOW))).isFalse();
                      throw new RolledBack();
                    }))
        .isInstanceOf(RolledBack.class);
  }

  @Test
  void anotherTenantAndAnotherFreelancerSeeNothing() {
    Tenant agency = register();
    JobApplication application = apply(openJob(agency), "秘密", null);
    staff(
        agency,
        () ->
            applications.addNote(
                new ApplicationNote(UUID.randomUUID(), application.id(), "r", "memo", NOW)));
    Tenant other = register();
    staff(
        other,
        () -> {
          assertThat(applications.find(application.id())).isEmpty();
          assertThat(applications.ofTenant(agency.id(), null, null, 10)).isEmpty();
          assertThat(applications.history(application.id())).isEmpty();
          assertThat(applications.notes(application.id())).isEmpty();
          assertThat(applications.proposals(application.id())).isEmpty();
        });
    kit.in(
        TenancyContext.self("someone-else-" + UUID.randomUUID()),
        () -> {
          assertThat(applications.find(application.id())).isEmpty();
          assertThat(applications.ofFreelancer(freelancer, 10)).isEmpty();
          assertThat(applications.history(application.id())).isEmpty();
        });
  }

  private JobApplication apply(Job job, String coverNote, Integer rate) {
    return kit.in(
        self,
        () -> {
          JobApplication.Moved applied =
              JobApplication.apply(job.tenantId(), job.id(), freelancer, coverNote, rate, NOW);
          assertThat(applications.add(applied.application())).isTrue();
          applications.record(applied.application().id(), applied.change());
          return applied.application();
        });
  }

  private Job openJob(Tenant tenant) {
    Job job =
        staff(
            tenant,
            () -> {
              Job draft = Job.draft(tenant.id(), details(), "recruiter", NOW);
              assertThat(jobs.store(draft)).isTrue();
              return draft;
            });
    staff(tenant, () -> jobs.store(jobs.find(job.id()).orElseThrow().publish(1, NOW)));
    return job;
  }

  private static JobDetails details() {
    return new JobDetails(
        null,
        "Java エンジニア",
        "決済 API",
        List.of(new SkillRequirement("Java", null)),
        List.of(),
        null,
        null,
        false,
        null,
        null,
        3,
        5,
        WorkStyle.REMOTE,
        null,
        null,
        null,
        null,
        null,
        ContractType.QUASI_MANDATE,
        false,
        null,
        null);
  }

  private <T> T staff(Tenant tenant, Supplier<T> work) {
    return kit.in(TenancyContext.tenant(tenant.id(), tenant.slug().value(), "recruiter"), work);
  }

  private void staff(Tenant tenant, Runnable work) {
    kit.in(TenancyContext.tenant(tenant.id(), tenant.slug().value(), "recruiter"), work);
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
