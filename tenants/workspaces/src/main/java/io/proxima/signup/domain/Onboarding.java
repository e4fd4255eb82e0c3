package io.proxima.signup.domain;

import io.proxima.platform.error.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A new freelancer's first run through the portal: accept the terms, start a profile (a skill sheet
 * or a blank one), say when they are available, choose whom to share with. Kept on the server so it
 * resumes on another device and is shown once: completing or skipping it finishes it for good.
 */
@Entity
@Table(name = "freelancer_onboarding")
public class Onboarding {

  /** The steps in the order the guide shows them. */
  public enum Step {
    TERMS,
    PROFILE,
    AVAILABILITY,
    SHARING,
    DONE
  }

  /** How the guide ended. */
  public enum Outcome {
    COMPLETED,
    SKIPPED
  }

  @Id
  @Column(name = "freelancer_subject", nullable = false, updatable = false)
  private String freelancerSubject;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Step step;

  @Column(name = "started_at", nullable = false, updatable = false)
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Enumerated(EnumType.STRING)
  @Column
  private Outcome outcome;

  @Version private long version;

  protected Onboarding() {
    // for JPA
  }

  public static Onboarding start(String freelancerSubject, boolean termsAccepted, Instant now) {
    Onboarding onboarding = new Onboarding();
    onboarding.freelancerSubject = Objects.requireNonNull(freelancerSubject);
    onboarding.step = termsAccepted ? Step.PROFILE : Step.TERMS;
    onboarding.startedAt = now;
    return onboarding;
  }

  /**
   * Remembers where the person is. Moving past the terms needs them accepted; a finished guide
   * stays finished (a second device showing an old step changes nothing).
   */
  public void reach(Step next, boolean termsAccepted) {
    if (finishedAt != null) {
      return;
    }
    if (next != Step.TERMS && !termsAccepted) {
      throw new DomainException.Conflict(
          "step", "the terms of use and the privacy policy must be accepted first");
    }
    if (next == Step.DONE) {
      throw new DomainException.InvalidValue("step", "finish the guide with complete or skip");
    }
    step = next;
  }

  /** The terms were accepted: a guide waiting on them moves on to the profile. */
  public void termsAccepted() {
    if (finishedAt == null && step == Step.TERMS) {
      step = Step.PROFILE;
    }
  }

  /**
   * Completes or skips the guide. Skipping never skips the terms: without them there is no account
   * to use.
   */
  public void finish(Outcome how, boolean termsAccepted, Instant now) {
    if (finishedAt != null) {
      return;
    }
    if (!termsAccepted) {
      throw new DomainException.Conflict(
          "outcome", "the terms of use and the privacy policy must be accepted first");
    }
    step = Step.DONE;
    outcome = Objects.requireNonNull(how);
    finishedAt = now;
  }

  public String freelancerSubject() {
    return freelancerSubject;
  }

  public Step step() {
    return step;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Optional<Instant> finishedAt() {
    return Optional.ofNullable(finishedAt);
  }

  public Optional<Outcome> outcome() {
    return Optional.ofNullable(outcome);
  }
}
