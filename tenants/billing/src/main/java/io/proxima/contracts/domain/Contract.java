package io.proxima.contracts.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A contract between a tenant's client and a freelancer, from draft to its end. Terms change only
 * while it is a draft; sending fixes the document both sides sign; every move is checked against
 * the version its maker last saw and becomes a step of the audit trail.
 *
 * @param trialOf the trial this main contract converts, if any
 * @param documentSha256 the SHA-256 of the document sent for signature; null while a draft
 */
public record Contract(
    UUID id,
    UUID tenantId,
    String freelancerSubject,
    ContractKind kind,
    ContractStatus status,
    ContractTerms terms,
    UUID trialOf,
    String documentSha256,
    List<Signature> signatures,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final int REASON_LIMIT = 1000;

  /** The contract after a move, and the step it adds to the trail. */
  public record Moved(Contract contract, ContractChange change) {}

  public Contract {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(freelancerSubject, "freelancerSubject");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(terms, "terms");
    signatures = List.copyOf(signatures);
    if (kind == ContractKind.TRIAL) {
      terms.requireTrialShape();
    }
  }

  public static Moved draft(
      UUID tenantId,
      String freelancerSubject,
      ContractKind kind,
      ContractTerms terms,
      String actor,
      Instant now) {
    Contract contract =
        new Contract(
            UUID.randomUUID(),
            tenantId,
            freelancerSubject,
            kind,
            ContractStatus.DRAFT,
            terms,
            null,
            null,
            List.of(),
            now,
            now,
            1);
    return new Moved(contract, new ContractChange(null, ContractStatus.DRAFT, actor, null, now));
  }

  public Moved revise(ContractTerms next, long expectedVersion, String actor, Instant now) {
    requireVersion(expectedVersion);
    requireStatus(ContractStatus.DRAFT, "only a draft's terms change; end this one and draft anew");
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
    List<Signature> signed =
        java.util.stream.Stream.concat(signatures.stream(), java.util.stream.Stream.of(signature))
            .toList();
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
    return move(
        ContractStatus.TERMINATED,
        terms.endingOn(lastDay, 0),
        documentSha256,
        signatures,
        actor,
        Texts.required(reason, "reason", REASON_LIMIT),
        now);
  }

  /** Extends an active main contract by its renewal clause (自動更新). */
  public Moved renew(long expectedVersion, String actor, Instant now) {
    requireVersion(expectedVersion);
    requireStatus(ContractStatus.ACTIVE, "only an active contract renews");
    if (kind != ContractKind.MAIN || terms.renewalMonths() == 0) {
      throw new DomainException.Conflict("this contract has no renewal clause");
    }
    return move(
        status,
        terms.renewed(),
        documentSha256,
        signatures,
        actor,
        "renewed for " + terms.renewalMonths() + " months",
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
    Moved trial =
        move(
            ContractStatus.CONVERTED,
            terms,
            documentSha256,
            signatures,
            actor,
            "converted to a main contract",
            now);
    Contract main =
        new Contract(
            UUID.randomUUID(),
            tenantId,
            freelancerSubject,
            ContractKind.MAIN,
            ContractStatus.DRAFT,
            mainTerms,
            id,
            null,
            List.of(),
            now,
            now,
            1);
    return new Conversion(
        trial,
        new Moved(
            main, new ContractChange(null, ContractStatus.DRAFT, actor, "from trial " + id, now)));
  }

  /** A trial's conversion: the closed trial and the new main contract. */
  public record Conversion(Moved trial, Moved main) {}

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

  private Moved move(
      ContractStatus to,
      ContractTerms nextTerms,
      String sha256,
      List<Signature> nextSignatures,
      String actor,
      String reason,
      Instant now) {
    Contract next =
        new Contract(
            id,
            tenantId,
            freelancerSubject,
            kind,
            to,
            nextTerms,
            trialOf,
            sha256,
            nextSignatures,
            createdAt,
            now,
            version + 1);
    return new Moved(next, new ContractChange(status, to, actor, reason, now));
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
}
