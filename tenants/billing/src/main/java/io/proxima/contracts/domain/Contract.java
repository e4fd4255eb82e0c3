package io.proxima.contracts.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/**
 * A contract between a tenant's client and a freelancer, from draft to its end. Terms change only
 * while it is a draft; sending fixes the document both sides sign; every move is checked against
 * the version its maker last saw and becomes a step of the audit trail.
 *
 * <p>The contract belongs to its tenant; the freelancer reads and signs theirs from outside it, and
 * row-level security decides what they reach. The version counts stored moves: the persistence
 * layer increments it, each move only checks the one its maker saw.
 */
@Entity
@Table(name = "contract")
public class Contract {

  public static final int REASON_LIMIT = 1000;

  @Id private UUID id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "freelancer_subject", nullable = false, updatable = false)
  private String freelancerSubject;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private ContractKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ContractStatus status;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  private ContractTerms terms;

  /** The trial this main contract converts, if any. */
  @Column(name = "trial_of", updatable = false)
  private UUID trialOf;

  /**
   * The SHA-256 of the document sent for signature; null while a draft. Written together with the
   * document itself (the schema wants both or neither), see the repository.
   */
  @Column(name = "document_sha256", insertable = false, updatable = false)
  private String documentSha256;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  private List<Signature> signatures;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  /** The contract after a move, and the step it adds to the trail. */
  public record Moved(Contract contract, ContractChange change) {}

  /** A trial's conversion: the closed trial and the new main contract. */
  public record Conversion(Moved trial, Moved main) {}

  protected Contract() {
    // for JPA
  }

  private Contract(
      UUID tenantId,
      String freelancerSubject,
      ContractKind kind,
      ContractTerms terms,
      UUID trialOf,
      Instant now) {
    this.id = UUID.randomUUID();
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    this.freelancerSubject = Objects.requireNonNull(freelancerSubject, "freelancerSubject");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.status = ContractStatus.DRAFT;
    this.terms = Objects.requireNonNull(terms, "terms");
    this.trialOf = trialOf;
    this.signatures = List.of();
    this.createdAt = now;
    this.updatedAt = now;
    this.version = 1;
    requireShape(terms);
  }

  public static Moved draft(
      UUID tenantId,
      String freelancerSubject,
      ContractKind kind,
      ContractTerms terms,
      String actor,
      Instant now) {
    Contract contract = new Contract(tenantId, freelancerSubject, kind, terms, null, now);
    return new Moved(contract, new ContractChange(null, ContractStatus.DRAFT, actor, null, now));
  }

  public Moved revise(ContractTerms next, long expectedVersion, String actor, Instant now) {
    requireVersion(expectedVersion);
    requireStatus(ContractStatus.DRAFT, "only a draft's terms change; end this one and draft anew");
    requireShape(Objects.requireNonNull(next, "terms"));
    return move(status, next, documentSha256, signatures, actor, "terms revised", now);
  }

  /** Fixes the document both sides will sign. */
  public Moved send(String sha256, long expectedVersion, String actor, Instant now) {
    requireVersion(expectedVersion);
    requireStatus(ContractStatus.DRAFT, "only a draft is sent for signature");
    return move(
        ContractStatus.AWAITING_SIGNATURES,
        terms,
        sha256,
        List.of(),
        actor,
        "sent for signature",
        now);
  }

  /**
   * One side signs the document it was shown. The second signature makes the contract active; a
   * signature on any other document than the one sent is refused.
   */
  public Moved sign(Signature signature, Instant now) {
    requireStatus(ContractStatus.AWAITING_SIGNATURES, "the contract does not await signatures");
    if (!Objects.equals(signature.documentSha256(), documentSha256)) {
      throw new DomainException.Conflict(
          "the document changed since it was shown; reload it and sign the current one");
    }
    if (signatures.stream().anyMatch(s -> s.party() == signature.party())) {
      throw new DomainException.Conflict(
          "the " + signature.party().name().toLowerCase() + " side has signed already");
    }
    List<Signature> signed = new ArrayList<>(signatures);
    signed.add(signature);
    ContractStatus next = signed.size() == Party.values().length ? ContractStatus.ACTIVE : status;
    return move(
        next,
        terms,
        documentSha256,
        signed,
        signature.signerSubject(),
        "signed for the " + signature.party().name().toLowerCase(),
        now);
  }

  public Moved cancel(String reason, long expectedVersion, String actor, Instant now) {
    requireVersion(expectedVersion);
    if (status != ContractStatus.DRAFT && status != ContractStatus.AWAITING_SIGNATURES) {
      throw new DomainException.Conflict(
          "a contract is cancelled only before both sides sign; terminate an active one");
    }
    return move(
        ContractStatus.CANCELLED,
        terms,
        documentSha256,
        signatures,
        actor,
        Texts.optional(reason, "reason", REASON_LIMIT),
        now);
  }

  /** Ends an active contract early, on {@code lastDay}; later months take no time reports. */
  public Moved terminate(
      LocalDate lastDay, String reason, long expectedVersion, String actor, Instant now) {
    requireVersion(expectedVersion);
    requireStatus(ContractStatus.ACTIVE, "only an active contract is terminated");
    if (lastDay == null || !terms.covers(lastDay)) {
      throw new DomainException.InvalidValue(
          "lastDay", "lastDay must fall within the contract's period");
    }
    String why = Texts.required(reason, "reason", REASON_LIMIT);
    return move(
        ContractStatus.TERMINATED,
        terms.endingOn(lastDay, 0),
        documentSha256,
        signatures,
        actor,
        why,
        now);
  }

  /** Extends an active main contract by its renewal clause (自動更新). */
  public Moved renew(long expectedVersion, String actor, Instant now) {
    requireVersion(expectedVersion);
    requireStatus(ContractStatus.ACTIVE, "only an active contract renews");
    if (kind != ContractKind.MAIN || terms.renewalMonths() == 0) {
      throw new DomainException.Conflict("this contract has no renewal clause");
    }
    int months = terms.renewalMonths();
    return move(
        status,
        terms.renewed(),
        documentSha256,
        signatures,
        actor,
        "renewed for " + months + " months",
        now);
  }

  /** Ends an active contract whose period is over. */
  public Moved end(LocalDate today, long expectedVersion, String actor, Instant now) {
    requireVersion(expectedVersion);
    requireStatus(ContractStatus.ACTIVE, "only an active contract ends");
    if (!today.isAfter(terms.endDate())) {
      throw new DomainException.Conflict(
          "the contract runs until " + terms.endDate() + "; terminate it to end it earlier");
    }
    return move(ContractStatus.ENDED, terms, documentSha256, signatures, actor, null, now);
  }

  /**
   * Converts an active trial into a draft main contract under {@code mainTerms}; the trial is
   * closed as converted.
   */
  public Conversion convert(
      ContractTerms mainTerms, long expectedVersion, String actor, Instant now) {
    requireVersion(expectedVersion);
    if (kind != ContractKind.TRIAL) {
      throw new DomainException.Conflict("only a trial contract converts to a main contract");
    }
    requireStatus(ContractStatus.ACTIVE, "only an active trial converts");
    if (!mainTerms.startDate().isAfter(terms.startDate())) {
      throw new DomainException.InvalidValue("the main contract starts after the trial began");
    }
    Contract main =
        new Contract(tenantId, freelancerSubject, ContractKind.MAIN, mainTerms, id, now);
    Moved trial =
        move(
            ContractStatus.CONVERTED,
            terms,
            documentSha256,
            signatures,
            actor,
            "converted to a main contract",
            now);
    return new Conversion(
        trial,
        new Moved(
            main, new ContractChange(null, ContractStatus.DRAFT, actor, "from trial " + id, now)));
  }

  /** Whether a month's work can be reported under this contract. */
  public boolean takesReportsFor(LocalDate monthStart) {
    boolean working =
        status == ContractStatus.ACTIVE
            || status == ContractStatus.ENDED
            || status == ContractStatus.TERMINATED
            || status == ContractStatus.CONVERTED;
    LocalDate monthEnd = monthStart.plusMonths(1).minusDays(1);
    return working && !monthEnd.isBefore(terms.startDate()) && !monthStart.isAfter(terms.endDate());
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public String freelancerSubject() {
    return freelancerSubject;
  }

  public ContractKind kind() {
    return kind;
  }

  public ContractStatus status() {
    return status;
  }

  public ContractTerms terms() {
    return terms;
  }

  public UUID trialOf() {
    return trialOf;
  }

  public String documentSha256() {
    return documentSha256;
  }

  public List<Signature> signatures() {
    return List.copyOf(signatures);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  private Moved move(
      ContractStatus to,
      ContractTerms nextTerms,
      String sha256,
      List<Signature> nextSignatures,
      String actor,
      String reason,
      Instant now) {
    ContractChange change = new ContractChange(status, to, actor, reason, now);
    status = to;
    terms = nextTerms;
    documentSha256 = sha256;
    signatures = List.copyOf(nextSignatures);
    updatedAt = now;
    return new Moved(this, change);
  }

  private void requireShape(ContractTerms checked) {
    if (kind == ContractKind.TRIAL) {
      checked.requireTrialShape();
    }
  }

  private void requireVersion(long expected) {
    if (expected != version) {
      throw new DomainException.Conflict(
          "the contract was changed meanwhile (version " + version + "); reload and try again");
    }
  }

  private void requireStatus(ContractStatus expected, String message) {
    if (status != expected) {
      throw new DomainException.Conflict(message + " (it is " + status + ")");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Contract contract && Objects.equals(id, contract.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
