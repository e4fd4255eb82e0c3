package io.proxima.contracts.application;

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
import io.proxima.identity.domain.UserAccount;
import io.proxima.identity.domain.UserAccountRepository;
import io.proxima.invoicing.application.Invoicing;
import io.proxima.invoicing.domain.Invoice;
import io.proxima.invoicing.domain.IssuedInvoice;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.events.PlatformEvent;
import io.proxima.platform.events.PlatformEventType;
import io.proxima.platform.logging.LogContext;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.platform.text.Digests;
import io.proxima.platform.text.Texts;
import io.proxima.tenancy.application.Consents;
import io.proxima.tenancy.application.StaffOnly;
import io.proxima.tenancy.application.TenantEdge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Contracts from draft to end, signed by click on the exact document sent, and the monthly time
 * reports that become qualified invoices. Staff act for the tenant's client; the freelancer signs
 * and reports their own hours.
 */
@ApplicationScoped
public class Contracting {

  public static final int MAX_LIMIT = 200;
  private static final String NO_SUCH_CONTRACT = "There is no such contract.";
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private final ContractRepository contracts;
  private final ContractDocuments documents;
  private final ESignatureProvider esign;
  private final UserAccountRepository accounts;
  private final Invoicing invoicing;
  private final Consents consents;
  private final TenantEdge edge;
  private final AuditLog audit;
  private final Event<ESignatureRequested> requested;
  private final Event<PlatformEvent> events;
  private final Clock clock;

  protected Contracting() {
    this(null, null, null, null, null, null, null, null, null, null, null);
  }

  @Inject
  public Contracting(
      ContractRepository contracts,
      ContractDocuments documents,
      ESignatureProvider esign,
      UserAccountRepository accounts,
      Invoicing invoicing,
      Consents consents,
      TenantEdge edge,
      AuditLog audit,
      Event<ESignatureRequested> requested,
      Event<PlatformEvent> events) {
    this(
        contracts,
        documents,
        esign,
        accounts,
        invoicing,
        consents,
        edge,
        audit,
        requested,
        events,
        Clock.systemUTC());
  }

  Contracting(
      ContractRepository contracts,
      ContractDocuments documents,
      ESignatureProvider esign,
      UserAccountRepository accounts,
      Invoicing invoicing,
      Consents consents,
      TenantEdge edge,
      AuditLog audit,
      Event<ESignatureRequested> requested,
      Event<PlatformEvent> events,
      Clock clock) {
    this.contracts = contracts;
    this.documents = documents;
    this.esign = esign;
    this.accounts = accounts;
    this.invoicing = invoicing;
    this.consents = consents;
    this.edge = edge;
    this.audit = audit;
    this.requested = requested;
    this.events = events;
    this.clock = clock;
  }

  /** A contract with its trail, as either side sees it. */
  public record Dossier(
      Contract contract, List<ContractChange> history, List<TimeReport> reports) {}

  // ---- the tenant's staff ----------------------------------------------------------------------

  @StaffOnly
  @Transactional
  public Dossier draft(
      @NotBlank String freelancerSubject,
      @NotNull ContractKind kind,
      @NotNull ContractTerms terms) {
    // A tenant contracts only freelancers who shared their profile with it; anyone else is as
    // unknown here as in search.
    if (!consents.sharesWithCurrentTenant(freelancerSubject)) {
      throw new DomainException.NotFound("There is no such freelancer.");
    }
    Contract.Moved drafted =
        Contract.draft(
            TenancyContext.current().requireTenant(),
            freelancerSubject,
            kind,
            terms,
            actor(),
            clock.instant());
    contracts.add(drafted.contract(), null);
    contracts.record(drafted.contract().id(), drafted.change());
    audited("contract.drafted", drafted.contract());
    return dossier(drafted.contract());
  }

  @StaffOnly
  @Transactional
  public Dossier revise(@NotNull UUID id, @NotNull ContractTerms terms, long expectedVersion) {
    return store(ownOrNotFound(id).revise(terms, expectedVersion, actor(), clock.instant()), null);
  }

  /** Renders the document and fixes it: from here on both sides sign exactly these bytes. */
  @StaffOnly
  @Transactional
  public Dossier send(@NotNull UUID id, long expectedVersion) {
    Contract contract = ownOrNotFound(id);
    byte[] document = documents.render(contract);
    Instant now = clock.instant();
    Dossier sent =
        store(contract.send(Digests.sha256Hex(document), expectedVersion, actor(), now), document);
    events.fire(
        PlatformEvent.toPerson(
            PlatformEventType.CONTRACT_TO_SIGN,
            contract.tenantId(),
            contract.id(),
            contract.freelancerSubject(),
            Map.of(
                "contractId", contract.id().toString(), "contractTitle", contract.terms().title()),
            now));
    return sent;
  }

  @StaffOnly
  @Transactional
  public Dossier signForClient(@NotNull UUID id, @NotBlank String documentSha256) {
    return sign(ownOrNotFound(id), Party.CLIENT, documentSha256);
  }

  /**
   * Asks the e-signature provider to collect both signatures on the fixed document, the client's
   * signer first; the provider's callbacks then sign the contract. Click-to-sign stays open
   * meanwhile. The request is written to the outbox with the contract's state and goes out after
   * the commit: the answer is the pending envelope, at once.
   */
  @StaffOnly
  @Transactional
  public ContractEnvelope requestESignature(
      @NotNull UUID id, @NotBlank String clientSignerName, @NotBlank String clientSignerEmail) {
    if (!esign.configured()) {
      throw new DomainException.Unavailable(
          "no e-signature provider is configured on this platform; sign in the portal instead");
    }
    Contract contract = ownOrNotFound(id);
    if (contract.status() != ContractStatus.AWAITING_SIGNATURES) {
      throw new DomainException.Conflict(
          "send the contract first; only a fixed document goes out for e-signature (it is "
              + contract.status()
              + ")");
    }
    Optional<ContractEnvelope> earlier = contracts.envelopeOf(id);
    if (earlier.isPresent() && earlier.get().status() != ContractEnvelope.Status.FAILED) {
      throw new DomainException.Conflict("the contract is already out for e-signature");
    }
    String clientName = Texts.required(clientSignerName, "clientSignerName", 200);
    String clientEmail = Texts.required(clientSignerEmail, "clientSignerEmail", 320);
    if (!clientEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new DomainException.InvalidValue(
          "clientSignerEmail", "clientSignerEmail is not an e-mail address");
    }
    String freelancerEmail =
        accounts
            .findBySubject(contract.freelancerSubject())
            .map(UserAccount::email)
            .filter(email -> email != null && !email.isBlank())
            .orElseThrow(
                () ->
                    new DomainException.Conflict(
                        "the freelancer has no e-mail address on file; use click-to-sign"));
    ContractEnvelope envelope;
    if (earlier.isPresent()) {
      envelope = earlier.get();
      envelope.requestAgain(clientName, clientEmail, freelancerEmail, clock.instant());
    } else {
      envelope =
          ContractEnvelope.request(
              contract, clientName, clientEmail, freelancerEmail, clock.instant());
      if (!contracts.addEnvelope(envelope)) {
        throw new DomainException.Conflict("the contract is already out for e-signature");
      }
    }
    audit.record(
        "contract.e-signature.requested",
        contract.tenantId(),
        id.toString(),
        envelope.idempotencyKey());
    requested.fire(new ESignatureRequested(contract.tenantId(), id));
    return envelope;
  }

  /** How the contract's e-signature stands: pending (送信中), sent, failed or completed. */
  @StaffOnly
  @Transactional
  public ContractEnvelope eSignature(@NotNull UUID id) {
    ownOrNotFound(id);
    return contracts
        .envelopeOf(id)
        .orElseThrow(
            () -> new DomainException.NotFound("The contract was not sent for e-signature."));
  }

  /** The tenant an envelope belongs to; the caller runs this in the platform scope. */
  @Transactional
  public Optional<ContractRepository.EnvelopeOwner> ownerOfEnvelope(@NotBlank String envelopeId) {
    return contracts.ownerOfEnvelope(envelopeId);
  }

  /** Whether the envelope's signed document is stored already; a redelivery needs no fetch. */
  @Transactional
  public boolean eSignatureCompleted(@NotNull UUID contractId) {
    return contracts
        .envelopeOf(contractId)
        .map(e -> e.status() == ContractEnvelope.Status.COMPLETED)
        .orElse(false);
  }

  /**
   * Applies a verified provider callback in the envelope's tenant. Signatures count only on a
   * completed envelope, and only once its signed document and certificate are stored: the signed
   * PDF must hash to what the provider reports, and the provider must report it as made from the
   * very document we sent. A redelivered callback changes nothing.
   *
   * @param documents the envelope's documents, fetched outside this transaction; null when the
   *     envelope is not completed or its documents are stored already
   */
  @Transactional
  public Contract applyESignatures(
      @NotNull ESignatureProvider.Completion completion,
      ESignatureProvider.SignedDocuments documents) {
    ContractRepository.EnvelopeOwner owner =
        contracts
            .ownerOfEnvelope(completion.envelopeId())
            .orElseThrow(() -> new DomainException.NotFound("There is no such envelope."));
    ContractEnvelope envelope = contracts.lockEnvelope(owner.contractId()).orElseThrow();
    Contract contract =
        contracts
            .find(owner.contractId())
            .orElseThrow(() -> new DomainException.NotFound(NO_SUCH_CONTRACT));
    if (!completion.envelopeCompleted()) {
      return contract;
    }
    if (envelope.status() != ContractEnvelope.Status.COMPLETED) {
      if (documents == null) {
        throw new DomainException.Unavailable("the signed document has not been fetched yet");
      }
      String signedSha256 = checkedSignedDocument(envelope, contract, documents);
      envelope.completed(
          completion.envelopeId(),
          documents.document(),
          signedSha256,
          documents.certificate(),
          clock.instant());
      audit.record(
          "contract.e-signature.completed",
          contract.tenantId(),
          contract.id().toString(),
          completion.envelopeId() + " " + signedSha256);
    }
    for (ESignatureProvider.Completion.Signed signed : completion.signed()) {
      boolean pending =
          contract.status() == ContractStatus.AWAITING_SIGNATURES
              && contract.signatures().stream().noneMatch(s -> s.party() == signed.party());
      if (pending) {
        Signature signature =
            new Signature(
                signed.party(),
                "e-signature:" + completion.envelopeId(),
                contract.documentSha256(),
                Signature.Method.E_SIGNATURE,
                null,
                signed.at());
        contract = persist(contract.sign(signature, clock.instant()), null);
      }
    }
    return contract;
  }

  /**
   * The signed document's SHA-256, after checking that it is the document the provider reports (not
   * altered on the way) and that the provider made it from the document this contract sent.
   */
  private static String checkedSignedDocument(
      ContractEnvelope envelope, Contract contract, ESignatureProvider.SignedDocuments documents) {
    String actual = Digests.sha256Hex(documents.document());
    if (!actual.equalsIgnoreCase(documents.reportedSha256())) {
      throw new DomainException.Conflict(
          "the signed document does not match the hash the e-signature provider reports for it");
    }
    String sent =
        envelope.documentSha256() != null ? envelope.documentSha256() : contract.documentSha256();
    if (!sent.equalsIgnoreCase(documents.sourceSha256())) {
      throw new DomainException.Conflict(
          "the e-signature provider signed another document than the one sent for this contract");
    }
    return actual;
  }

  @StaffOnly
  @Transactional
  public Dossier cancel(@NotNull UUID id, String reason, long expectedVersion) {
    return store(ownOrNotFound(id).cancel(reason, expectedVersion, actor(), clock.instant()), null);
  }

  @StaffOnly
  @Transactional
  public Dossier terminate(
      @NotNull UUID id, @NotNull LocalDate lastDay, String reason, long expectedVersion) {
    return store(
        ownOrNotFound(id).terminate(lastDay, reason, expectedVersion, actor(), clock.instant()),
        null);
  }

  @StaffOnly
  @Transactional
  public Dossier renew(@NotNull UUID id, long expectedVersion) {
    return store(ownOrNotFound(id).renew(expectedVersion, actor(), clock.instant()), null);
  }

  @StaffOnly
  @Transactional
  public Dossier end(@NotNull UUID id, long expectedVersion) {
    return store(
        ownOrNotFound(id)
            .end(LocalDate.now(clock.withZone(TOKYO)), expectedVersion, actor(), clock.instant()),
        null);
  }

  /** Closes an active trial as converted and drafts the main contract that follows it. */
  @StaffOnly
  @Transactional
  public Dossier convert(
      @NotNull UUID trialId, @NotNull ContractTerms mainTerms, long expectedVersion) {
    Contract.Conversion conversion =
        ownOrNotFound(trialId).convert(mainTerms, expectedVersion, actor(), clock.instant());
    persist(conversion.trial(), null);
    Contract main = conversion.main().contract();
    contracts.add(main, null);
    contracts.record(main.id(), conversion.main().change());
    audited("contract.drafted", main);
    return dossier(main);
  }

  @StaffOnly
  @Transactional
  public Dossier contract(@NotNull UUID id) {
    return dossier(ownOrNotFound(id));
  }

  @StaffOnly
  @Transactional
  public List<Contract> ofTenant(@Min(1) @Max(MAX_LIMIT) int limit) {
    return contracts.ofTenant(limit);
  }

  @StaffOnly
  @Transactional
  public byte[] document(@NotNull UUID id) {
    return documentOf(ownOrNotFound(id));
  }

  @StaffOnly
  @Transactional
  public TimeReport approve(@NotNull UUID id, @NotNull YearMonth month, long expectedVersion) {
    TimeReport approved =
        reportOf(ownOrNotFound(id), month).approve(expectedVersion, clock.instant());
    return storeReport(approved, "time-report.approved");
  }

  @StaffOnly
  @Transactional
  public TimeReport reject(
      @NotNull UUID id, @NotNull YearMonth month, String reason, long expectedVersion) {
    TimeReport rejected =
        reportOf(ownOrNotFound(id), month).reject(reason, expectedVersion, clock.instant());
    TimeReport stored = storeReport(rejected, "time-report.rejected");
    // The reason stays on the report: it is free text, the notification says where to read it.
    events.fire(
        PlatformEvent.toPerson(
            PlatformEventType.TIME_REPORT_RETURNED,
            stored.tenantId(),
            stored.id(),
            stored.freelancerSubject(),
            Map.of("contractId", id.toString(), "month", month.toString()),
            stored.updatedAt()));
    return stored;
  }

  /**
   * Issues the month's qualified invoice from the approved hours: the monthly rate, and the
   * settlement-range adjustment for hours above or below the range. The report and the invoice are
   * written in one transaction, so a month is never invoiced twice or lost.
   */
  @StaffOnly
  @Transactional
  public IssuedInvoice invoice(
      @NotNull UUID id, @NotNull YearMonth month, LocalDate issueDate, long expectedVersion) {
    Contract contract = ownOrNotFound(id);
    TimeReport report = reportOf(contract, month);
    ContractTerms terms = contract.terms();
    LocalDate from = max(month.atDay(1), terms.startDate());
    LocalDate to = min(month.atEndOfMonth(), terms.endDate());
    LocalDate issuedOn = issueDate == null ? LocalDate.now(clock.withZone(TOKYO)) : issueDate;
    IssuedInvoice issued =
        invoicing.issue(
            new Invoicing.Draft(
                terms.clientName(),
                issuedOn,
                from,
                to,
                Invoice.monthlyLines(
                    terms.title() + "（" + month.getYear() + "年" + month.getMonthValue() + "月分）",
                    terms.settlement(),
                    report.hours(),
                    terms.taxRate()),
                terms.dueDateFor(issuedOn)));
    storeReport(
        report.invoiced(issued.id(), expectedVersion, clock.instant()), "time-report.invoiced");
    // The freelancer learns that their month went out to the client.
    events.fire(
        PlatformEvent.toPerson(
            PlatformEventType.INVOICE_ISSUED,
            contract.tenantId(),
            issued.id(),
            contract.freelancerSubject(),
            Map.of(
                "invoiceId", issued.id().toString(),
                "invoiceNumber", issued.invoice().number(),
                "contractId", contract.id().toString(),
                "month", month.toString()),
            issued.issuedAt()));
    return issued;
  }

  // ---- the freelancer --------------------------------------------------------------------------

  @Transactional
  public List<Contract> mine(@Min(1) @Max(MAX_LIMIT) int limit) {
    return contracts.ofFreelancer(TenancyContext.current().requireSubject(), limit);
  }

  @Transactional
  public Dossier myContract(@NotNull UUID id) {
    return dossier(mineOrNotFound(id));
  }

  @Transactional
  public byte[] myDocument(@NotNull UUID id) {
    return documentOf(mineOrNotFound(id));
  }

  @Transactional
  public Dossier signAsFreelancer(@NotNull UUID id, @NotBlank String documentSha256) {
    return sign(mineOrNotFound(id), Party.FREELANCER, documentSha256);
  }

  @Transactional
  public TimeReport writeReport(
      @NotNull UUID id,
      @NotNull YearMonth month,
      BigDecimal hours,
      List<TimeReport.WorkDay> days,
      String remark,
      long expectedVersion) {
    Contract contract = mineOrNotFound(id);
    TimeReport current = contracts.report(contract.id(), month).orElse(null);
    TimeReport written =
        TimeReport.write(
            current, contract, month, hours, days, remark, expectedVersion, clock.instant());
    if (current == null) {
      if (!contracts.add(written)) {
        throw new DomainException.Conflict(
            "a report for " + month + " was written meanwhile; reload and try again");
      }
      auditReport("time-report.written", written);
      return written;
    }
    return storeReport(written, "time-report.written");
  }

  @Transactional
  public TimeReport submitReport(@NotNull UUID id, @NotNull YearMonth month, long expectedVersion) {
    TimeReport submitted =
        reportOf(mineOrNotFound(id), month).submit(expectedVersion, clock.instant());
    return storeReport(submitted, "time-report.submitted");
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private Dossier sign(Contract contract, Party party, String documentSha256) {
    Signature signature =
        new Signature(
            party,
            TenancyContext.current().requireSubject(),
            documentSha256.strip().toLowerCase(),
            Signature.Method.CLICK,
            LogContext.clientAddress().orElse(null),
            clock.instant());
    return store(contract.sign(signature, clock.instant()), null);
  }

  private Dossier store(Contract.Moved moved, byte[] document) {
    return dossier(persist(moved, document));
  }

  /** Stores a move with its trail step and audit entry; no dossier, for callers that need none. */
  private Contract persist(Contract.Moved moved, byte[] document) {
    if (!contracts.store(moved.contract(), document)) {
      throw new DomainException.Conflict(
          "the contract was changed meanwhile; reload and try again");
    }
    contracts.record(moved.contract().id(), moved.change());
    audited("contract." + moved.change().to().name().toLowerCase(), moved.contract());
    if (moved.change().to() == ContractStatus.ACTIVE
        && moved.change().from() == ContractStatus.AWAITING_SIGNATURES) {
      // Both sides have signed: the tenant's systems hear of it in this transaction.
      events.fire(
          PlatformEvent.toTenant(
              PlatformEventType.CONTRACT_SIGNED,
              moved.contract().tenantId(),
              moved.contract().id(),
              java.util.Map.of(
                  "contractId", moved.contract().id().toString(),
                  "kind", moved.contract().kind().name()),
              clock.instant()));
    }
    return moved.contract();
  }

  private TimeReport storeReport(TimeReport next, String action) {
    if (!contracts.store(next)) {
      throw new DomainException.Conflict("the report was changed meanwhile; reload and try again");
    }
    auditReport(action, next);
    return next;
  }

  private void audited(String action, Contract contract) {
    audit.record(
        action,
        contract.tenantId(),
        contract.id().toString(),
        contract.kind() + " v" + contract.version() + " " + contract.status());
  }

  private void auditReport(String action, TimeReport report) {
    audit.record(
        action,
        report.tenantId(),
        report.contractId() + "/" + report.month(),
        report.hours() + "h " + report.status());
  }

  private byte[] documentOf(Contract contract) {
    // A draft has no fixed document yet; rendering it shows what would be sent.
    return contract.documentSha256() == null
        ? documents.render(contract)
        : contracts.document(contract.id()).orElseThrow();
  }

  private Dossier dossier(Contract contract) {
    return new Dossier(
        contract, contracts.history(contract.id()), contracts.reports(contract.id()));
  }

  private TimeReport reportOf(Contract contract, YearMonth month) {
    return contracts
        .report(contract.id(), month)
        .orElseThrow(
            () -> new DomainException.NotFound("There is no time report for " + month + "."));
  }

  private Contract ownOrNotFound(UUID id) {
    UUID tenantId = TenancyContext.current().requireTenant();
    return contracts
        .find(id)
        .filter(c -> c.tenantId().equals(tenantId))
        .orElseThrow(() -> new DomainException.NotFound(NO_SUCH_CONTRACT));
  }

  private Contract mineOrNotFound(UUID id) {
    String me = TenancyContext.current().requireSubject();
    return contracts
        .find(id)
        .filter(c -> c.freelancerSubject().equals(me))
        .orElseThrow(() -> new DomainException.NotFound(NO_SUCH_CONTRACT));
  }

  private static String actor() {
    return TenancyContext.current().requireSubject();
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
