package io.proxima.contracts.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.contracts.domain.Contract;
import io.proxima.contracts.domain.ContractChange;
import io.proxima.contracts.domain.ContractEnvelope;
import io.proxima.contracts.domain.ContractKind;
import io.proxima.contracts.domain.ContractRepository;
import io.proxima.contracts.domain.ContractStatus;
import io.proxima.contracts.domain.ContractTerms;
import io.proxima.contracts.domain.Party;
import io.proxima.contracts.domain.Signature;
import io.proxima.contracts.domain.TimeReport;
import io.proxima.invoicing.domain.SettlementRange;
import io.proxima.invoicing.domain.TaxRate;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.persistence.PersistenceTestKit;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.profile.domain.ContractType;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.Plan;
import io.proxima.tenancy.domain.Tenant;
import io.proxima.tenancy.domain.TenantSlug;
import io.proxima.tenancy.domain.TenantType;
import io.proxima.tenancy.infrastructure.JpaTenantRepository;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Contracts, their trail, documents, envelopes and time reports in a real PostgreSQL. */
class JpaContractRepositoryTest {

  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private static final String SHA = "ab".repeat(32);
  private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

  private final PersistenceTestKit kit = PersistenceTestKit.shared();
  private final JpaContractRepository contracts = new JpaContractRepository(kit.entityManager());
  private final JpaTenantRepository tenants = new JpaTenantRepository(kit.entityManager());
  private final String freelancer = "freelancer-" + UUID.randomUUID();

  @Test
  void aDraftKeepsItsJsonTermsAndItsTrail() {
    Tenant agency = register();
    ContractTerms terms = terms(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 3, 31), 3);
    Contract draft = draft(agency, ContractKind.MAIN, terms);

    in(
        agency,
        () -> {
          Contract found = contracts.find(draft.id()).orElseThrow();
          assertThat(found.terms()).isEqualTo(terms);
          assertThat(found.terms().settlement().minHours()).isEqualByComparingTo("140");
          assertThat(found.kind()).isEqualTo(ContractKind.MAIN);
          assertThat(found.status()).isEqualTo(ContractStatus.DRAFT);
          assertThat(found.signatures()).isEmpty();
          assertThat(found.documentSha256()).isNull();
          assertThat(found.version()).isEqualTo(1);
          assertThat(contracts.history(draft.id()))
              .extracting(ContractChange::from, ContractChange::to, ContractChange::actorSubject)
              .containsExactly(
                  org.assertj.core.groups.Tuple.tuple(null, ContractStatus.DRAFT, "staff"));
          assertThat(contracts.ofTenant(10)).extracting(Contract::id).containsExactly(draft.id());
          assertThat(contracts.document(draft.id())).isEmpty();
        });
  }

  @Test
  void jsonColumnsKeepIsoDatesForAnyoneReadingTheDatabase() throws java.sql.SQLException {
    Tenant agency = register();
    Contract draft =
        draft(
            agency,
            ContractKind.MAIN,
            terms(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 3, 31), 3));

    try (java.sql.Connection owner = kit.ownerDataSource().getConnection();
        java.sql.Statement scope = owner.createStatement();
        java.sql.PreparedStatement query =
            owner.prepareStatement("SELECT CAST(terms AS text) FROM contract WHERE id = ?")) {
      // Row-level security is forced on the owner too: read as the platform does.
      scope.execute("SELECT set_config('app.scope', 'platform', false)");
      query.setObject(1, draft.id());
      try (java.sql.ResultSet row = query.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).contains("\"2026-12-01\"").contains("\"2027-03-31\"");
      }
    }
  }

  @Test
  void theSentDocumentAndBothSignaturesAreStoredAndTheFreelancerSeesTheirContract() {
    Tenant agency = register();
    Contract draft = draft(agency, ContractKind.TRIAL, trialTerms());
    byte[] pdf = "%PDF-1.7 contract".getBytes(StandardCharsets.UTF_8);

    in(
        agency,
        () -> {
          Contract.Moved sent = contracts.find(draft.id()).orElseThrow().send(SHA, 1, "staff", NOW);
          assertThat(contracts.store(sent.contract(), pdf)).isTrue();
          contracts.record(draft.id(), sent.change());
        });
    kit.in(
        TenancyContext.self(freelancer),
        () -> {
          assertThat(contracts.ofFreelancer(freelancer, 10))
              .extracting(Contract::id)
              .containsExactly(draft.id());
          Contract mine = contracts.find(draft.id()).orElseThrow();
          assertThat(mine.documentSha256()).isEqualTo(SHA);
          assertThat(mine.version()).isEqualTo(2);
          assertThat(contracts.document(draft.id())).get().isEqualTo(pdf);
          Contract.Moved signed = mine.sign(signature(Party.FREELANCER), NOW);
          assertThat(contracts.store(signed.contract(), null)).isTrue();
          contracts.record(draft.id(), signed.change());
        });
    in(
        agency,
        () -> {
          Contract.Moved signed =
              contracts.find(draft.id()).orElseThrow().sign(signature(Party.CLIENT), NOW);
          assertThat(contracts.store(signed.contract(), null)).isTrue();
          contracts.record(draft.id(), signed.change());
        });

    in(
        agency,
        () -> {
          Contract active = contracts.find(draft.id()).orElseThrow();
          assertThat(active.status()).isEqualTo(ContractStatus.ACTIVE);
          assertThat(active.version()).isEqualTo(4);
          assertThat(active.signatures())
              .containsExactly(signature(Party.FREELANCER), signature(Party.CLIENT));
          assertThat(contracts.document(draft.id())).get().isEqualTo(pdf);
          assertThat(contracts.history(draft.id()))
              .extracting(ContractChange::to)
              .containsExactly(
                  ContractStatus.DRAFT,
                  ContractStatus.AWAITING_SIGNATURES,
                  ContractStatus.AWAITING_SIGNATURES,
                  ContractStatus.ACTIVE);
        });
    kit.in(
        TenancyContext.self("someone-else"),
        () -> {
          assertThat(contracts.find(draft.id())).isEmpty();
          assertThat(contracts.ofFreelancer(freelancer, 10)).isEmpty();
          assertThat(contracts.document(draft.id())).isEmpty();
          assertThat(contracts.history(draft.id())).isEmpty();
        });
  }

  @Test
  void aStaleVersionIsAConflictAndAConcurrentStoreLoses() {
    Tenant agency = register();
    ContractTerms terms = terms(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 3, 31), 3);
    Contract draft = draft(agency, ContractKind.MAIN, terms);

    in(
        agency,
        () ->
            assertThatThrownBy(
                    () -> contracts.find(draft.id()).orElseThrow().revise(terms, 7, "staff", NOW))
                .isInstanceOf(DomainException.Conflict.class));

    boolean stored =
        in(
            agency,
            () -> {
              Contract mine = contracts.find(draft.id()).orElseThrow();
              // Someone else revises and commits while this transaction holds version 1.
              CompletableFuture.runAsync(
                      () ->
                          in(
                              agency,
                              () -> {
                                Contract theirs = contracts.find(draft.id()).orElseThrow();
                                contracts.store(
                                    theirs
                                        .revise(terms, 1, "other", NOW.plusSeconds(60))
                                        .contract(),
                                    null);
                              }))
                  .join();
              return contracts.store(
                  mine.revise(terms, 1, "staff", NOW.plusSeconds(30)).contract(), null);
            });
    assertThat(stored).isFalse();
    in(agency, () -> assertThat(contracts.find(draft.id()).orElseThrow().version()).isEqualTo(2));
  }

  @Test
  void anEnvelopeIsAskedForOnceDeliveredAndFoundFromTheCallbackWithoutATenant() {
    Tenant agency = register();
    Contract contract = sent(agency);
    String envelope = "env-" + UUID.randomUUID();

    String key =
        in(
            agency,
            () -> {
              assertThat(contracts.envelopeOf(contract.id())).isEmpty();
              ContractEnvelope asked = request(contract.id());
              assertThat(contracts.addEnvelope(asked)).isTrue();
              assertThat(contracts.addEnvelope(request(contract.id()))).isFalse();
              return asked.idempotencyKey();
            });
    assertThat(key).startsWith("proxima-" + contract.id() + "-abababab");
    in(
        agency,
        () -> {
          ContractEnvelope pending = contracts.envelopeOf(contract.id()).orElseThrow();
          assertThat(pending.status()).isEqualTo(ContractEnvelope.Status.PENDING);
          assertThat(pending.envelopeId()).isNull();
          assertThat(pending.documentSha256()).isEqualTo(SHA);
          ContractEnvelope claimed =
              contracts.claimDueEnvelope(contract.id(), NOW.plusSeconds(1)).orElseThrow();
          claimed.claim(NOW.plusSeconds(1), NOW.plusSeconds(91));
        });
    // The lease holds it: not due again before it runs out.
    in(
        agency,
        () -> assertThat(contracts.claimDueEnvelope(contract.id(), NOW.plusSeconds(60))).isEmpty());
    in(agency, () -> contracts.lockEnvelope(contract.id()).orElseThrow().delivered(envelope, NOW));
    in(
        agency,
        () -> {
          ContractEnvelope sent = contracts.envelopeOf(contract.id()).orElseThrow();
          assertThat(sent.status()).isEqualTo(ContractEnvelope.Status.SENT);
          assertThat(sent.envelopeId()).isEqualTo(envelope);
          assertThat(sent.attempts()).isEqualTo(1);
          assertThat(contracts.claimDueEnvelope(contract.id(), NOW.plusSeconds(3600))).isEmpty();
        });
    kit.in(
        TenancyContext.platform("callback"),
        () ->
            assertThat(contracts.ownerOfEnvelope(envelope))
                .contains(new ContractRepository.EnvelopeOwner(contract.id(), agency.id())));
    kit.in(
        TenancyContext.platform("callback"),
        () -> assertThat(contracts.ownerOfEnvelope("no-such-envelope")).isEmpty());
  }

  @Test
  void aClaimedEnvelopeIsSkippedByEveryOtherNodeAndTheSweepSeesOnlyDueOnes() {
    Tenant agency = register();
    Contract due = sent(agency);
    Contract later = sent(agency);
    in(
        agency,
        () -> {
          contracts.addEnvelope(request(due.id()));
          ContractEnvelope waiting = request(later.id());
          contracts.addEnvelope(waiting);
          waiting.retryAt(NOW.plusSeconds(600), "HTTP 503");
        });
    kit.in(
        TenancyContext.platform("sweep"),
        () ->
            assertThat(contracts.envelopesDue(NOW.plusSeconds(5), 1000))
                .contains(new ContractRepository.EnvelopeOwner(due.id(), agency.id()))
                .doesNotContain(new ContractRepository.EnvelopeOwner(later.id(), agency.id())));

    boolean secondNodeGotIt =
        in(
            agency,
            () -> {
              assertThat(contracts.claimDueEnvelope(due.id(), NOW.plusSeconds(5))).isPresent();
              // Another node tries the same row while this transaction holds it.
              return CompletableFuture.supplyAsync(
                      () ->
                          in(
                              agency,
                              () ->
                                  contracts
                                      .claimDueEnvelope(due.id(), NOW.plusSeconds(5))
                                      .isPresent()))
                  .join();
            });
    assertThat(secondNodeGotIt).isFalse();
  }

  @Test
  void aCompletedEnvelopeKeepsTheSignedDocumentAndCertificate() {
    Tenant agency = register();
    Contract contract = sent(agency);
    byte[] signed = "%PDF signed".getBytes(StandardCharsets.UTF_8);
    byte[] certificate = "%PDF certificate".getBytes(StandardCharsets.UTF_8);
    in(
        agency,
        () -> {
          ContractEnvelope envelope = request(contract.id());
          contracts.addEnvelope(envelope);
          envelope.delivered("env-done", NOW);
        });
    in(
        agency,
        () ->
            contracts
                .lockEnvelope(contract.id())
                .orElseThrow()
                .completed("env-done", signed, "cd".repeat(32), certificate, NOW));
    in(
        agency,
        () -> {
          ContractEnvelope done = contracts.envelopeOf(contract.id()).orElseThrow();
          assertThat(done.status()).isEqualTo(ContractEnvelope.Status.COMPLETED);
          assertThat(done.signedDocument()).isEqualTo(signed);
          assertThat(done.certificate()).isEqualTo(certificate);
          assertThat(done.signedDocumentSha256()).isEqualTo("cd".repeat(32));
        });
  }

  @Test
  void theFreelancerWritesAndSubmitsAMonthTheStaffApprovesIt() {
    Tenant agency = register();
    Contract contract = active(agency);
    List<TimeReport.WorkDay> days =
        List.of(
            new TimeReport.WorkDay(LocalDate.of(2026, 12, 1), new BigDecimal("8.00")),
            new TimeReport.WorkDay(LocalDate.of(2026, 12, 2), new BigDecimal("7.50")));

    kit.in(
        TenancyContext.self(freelancer),
        () -> {
          Contract mine = contracts.find(contract.id()).orElseThrow();
          assertThat(contracts.report(contract.id(), DECEMBER)).isEmpty();
          TimeReport written = TimeReport.write(null, mine, DECEMBER, null, days, 0, NOW);
          assertThat(contracts.add(written)).isTrue();
        });
    // A second first report of the same month loses: one report per contract and month.
    boolean again =
        kit.in(
            TenancyContext.self(freelancer),
            () ->
                contracts.add(
                    TimeReport.write(
                        null,
                        contracts.find(contract.id()).orElseThrow(),
                        DECEMBER,
                        BigDecimal.ONE,
                        null,
                        0,
                        NOW)));
    assertThat(again).isFalse();

    kit.in(
        TenancyContext.self(freelancer),
        () -> {
          TimeReport draft = contracts.report(contract.id(), DECEMBER).orElseThrow();
          assertThat(draft.days()).isEqualTo(days);
          assertThat(draft.hours()).isEqualByComparingTo("15.5");
          assertThat(draft.version()).isEqualTo(1);
          assertThat(contracts.store(draft.submit(1, NOW))).isTrue();
        });
    in(
        agency,
        () -> {
          TimeReport submitted = contracts.report(contract.id(), DECEMBER).orElseThrow();
          assertThat(submitted.status()).isEqualTo(TimeReport.Status.SUBMITTED);
          assertThat(submitted.version()).isEqualTo(2);
          assertThatThrownBy(() -> submitted.approve(1, NOW))
              .isInstanceOf(DomainException.Conflict.class);
          assertThat(contracts.store(submitted.approve(2, NOW))).isTrue();
        });
    in(
        agency,
        () -> {
          TimeReport january =
              TimeReport.write(
                  null,
                  contracts.find(contract.id()).orElseThrow(),
                  DECEMBER.plusMonths(1),
                  new BigDecimal("100"),
                  null,
                  0,
                  NOW);
          assertThat(contracts.add(january)).isTrue();
        });
    in(
        agency,
        () ->
            assertThat(contracts.reports(contract.id()))
                .extracting(TimeReport::month, TimeReport::status)
                .containsExactly(
                    org.assertj.core.groups.Tuple.tuple(
                        DECEMBER.plusMonths(1), TimeReport.Status.DRAFT),
                    org.assertj.core.groups.Tuple.tuple(DECEMBER, TimeReport.Status.APPROVED)));
  }

  @Test
  void anotherTenantSeesNothingOfTheFirstOnesContracts() {
    Tenant agency = register();
    Tenant other = register();
    Contract contract = active(agency);
    kit.in(
        TenancyContext.self(freelancer),
        () ->
            contracts.add(
                TimeReport.write(
                    null,
                    contracts.find(contract.id()).orElseThrow(),
                    DECEMBER,
                    BigDecimal.TEN,
                    null,
                    0,
                    NOW)));
    Contract outForSignature = sent(agency);
    in(agency, () -> contracts.addEnvelope(request(outForSignature.id())));

    in(
        other,
        () -> {
          assertThat(contracts.find(contract.id())).isEmpty();
          assertThat(contracts.ofTenant(200)).isEmpty();
          assertThat(contracts.history(contract.id())).isEmpty();
          assertThat(contracts.document(contract.id())).isEmpty();
          assertThat(contracts.envelopeOf(outForSignature.id())).isEmpty();
          assertThat(contracts.lockEnvelope(outForSignature.id())).isEmpty();
          assertThat(contracts.claimDueEnvelope(outForSignature.id(), NOW.plusSeconds(5)))
              .isEmpty();
          assertThat(contracts.envelopesDue(NOW.plusSeconds(5), 1000))
              .extracting(ContractRepository.EnvelopeOwner::tenantId)
              .doesNotContain(agency.id());
          assertThat(contracts.report(contract.id(), DECEMBER)).isEmpty();
          assertThat(contracts.reports(contract.id())).isEmpty();
        });
    in(agency, () -> assertThat(contracts.reports(contract.id())).hasSize(1));
  }

  @Test
  void anEndingContractIsRemindedOncePerEndDateWhicheverNodeMarksItFirst() {
    Tenant tenant = register();
    Contract active = active(tenant);
    LocalDate end = active.terms().endDate();
    List<ContractRepository.Ending> due =
        kit.in(
            TenancyContext.platform("system:contract-reminders"),
            () -> contracts.endingUnreminded(end.minusDays(30), end, 1000));
    assertThat(due)
        .filteredOn(ending -> ending.contractId().equals(active.id()))
        .singleElement()
        .satisfies(
            ending -> {
              assertThat(ending.tenantId()).isEqualTo(tenant.id());
              assertThat(ending.title()).isEqualTo("API 開発");
              assertThat(ending.freelancerName()).isEqualTo("佐藤 花子");
              assertThat(ending.endDate()).isEqualTo(end);
            });
    assertThat(
            kit.in(
                TenancyContext.platform("system:contract-reminders"),
                () -> contracts.endingUnreminded(end.plusDays(1), end.plusDays(30), 1000)))
        .noneMatch(ending -> ending.contractId().equals(active.id()));

    assertThat(in(tenant, () -> contracts.markEndReminded(active.id(), end))).isTrue();
    assertThat(in(tenant, () -> contracts.markEndReminded(active.id(), end)))
        .as("the second node finds it done")
        .isFalse();
    assertThat(
            kit.in(
                TenancyContext.platform("system:contract-reminders"),
                () -> contracts.endingUnreminded(end.minusDays(30), end, 1000)))
        .noneMatch(ending -> ending.contractId().equals(active.id()));

    in(tenant, () -> contracts.unmarkEndReminded(active.id(), end));
    assertThat(in(tenant, () -> contracts.markEndReminded(active.id(), end)))
        .as("after a run that could not mail anyone, the next one tries again")
        .isTrue();
    assertThat(in(tenant, () -> contracts.find(active.id()).orElseThrow().version()))
        .as("the mark is not a change of the contract")
        .isEqualTo(active.version());
  }

  @Test
  void aDraftIsNotRemindedOfAnything() {
    Tenant tenant = register();
    Contract draft = draft(tenant, ContractKind.TRIAL, trialTerms());
    assertThat(in(tenant, () -> contracts.markEndReminded(draft.id(), draft.terms().endDate())))
        .isFalse();
  }

  // ---- fixtures --------------------------------------------------------------------------------

  private Contract draft(Tenant tenant, ContractKind kind, ContractTerms terms) {
    return in(
        tenant,
        () -> {
          Contract.Moved drafted =
              Contract.draft(tenant.id(), freelancer, kind, terms, "staff", NOW);
          contracts.add(drafted.contract(), null);
          contracts.record(drafted.contract().id(), drafted.change());
          return drafted.contract();
        });
  }

  /** A trial sent for signature, its document fixed. */
  private Contract sent(Tenant tenant) {
    Contract draft = draft(tenant, ContractKind.TRIAL, trialTerms());
    in(
        tenant,
        () -> {
          Contract contract = contracts.find(draft.id()).orElseThrow();
          contracts.store(
              contract.send(SHA, 1, "staff", NOW).contract(),
              "%PDF".getBytes(StandardCharsets.UTF_8));
        });
    return in(tenant, () -> contracts.find(draft.id()).orElseThrow());
  }

  private ContractEnvelope request(UUID contractId) {
    return ContractEnvelope.request(
        contracts.find(contractId).orElseThrow(),
        "山田 太郎",
        "yamada@client.example",
        "hanako@example.jp",
        NOW);
  }

  /** A trial sent and signed by both sides. */
  private Contract active(Tenant tenant) {
    Contract draft = draft(tenant, ContractKind.TRIAL, trialTerms());
    in(
        tenant,
        () -> {
          Contract contract = contracts.find(draft.id()).orElseThrow();
          contracts.store(
              contract.send(SHA, 1, "staff", NOW).contract(),
              "%PDF".getBytes(StandardCharsets.UTF_8));
          contract.sign(signature(Party.CLIENT), NOW);
          contract.sign(signature(Party.FREELANCER), NOW);
          contracts.store(contract, null);
        });
    return in(tenant, () -> contracts.find(draft.id()).orElseThrow());
  }

  private <T> T in(Tenant tenant, java.util.function.Supplier<T> work) {
    return kit.in(TenancyContext.tenant(tenant.id(), tenant.slug().value(), "staff"), work);
  }

  private void in(Tenant tenant, Runnable work) {
    kit.in(TenancyContext.tenant(tenant.id(), tenant.slug().value(), "staff"), work);
  }

  private Tenant register() {
    String slug = "t" + UUID.randomUUID().toString().substring(0, 8);
    Tenant tenant =
        Tenant.register(
            new TenantSlug(slug), TenantType.AGENCY, Branding.named(slug), Plan.FREE, NOW);
    kit.in(TenancyContext.platform("console-admin"), () -> tenants.store(tenant));
    return tenant;
  }

  private Signature signature(Party party) {
    String signer = party == Party.FREELANCER ? freelancer : "staff";
    return new Signature(party, signer, SHA, Signature.Method.CLICK, "192.0.2.1", NOW);
  }

  private static ContractTerms trialTerms() {
    return terms(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 31), 0);
  }

  private static ContractTerms terms(LocalDate start, LocalDate end, int renewal) {
    return new ContractTerms(
        "API 開発",
        "決済基盤の API 開発",
        "株式会社サンプル",
        "佐藤 花子",
        ContractType.QUASI_MANDATE,
        new SettlementRange(
            600_000,
            BigDecimal.valueOf(140),
            BigDecimal.valueOf(180),
            SettlementRange.Method.UPPER_LOWER,
            10),
        TaxRate.STANDARD,
        30,
        start,
        end,
        renewal);
  }
}
