package io.proxima.signup.application;

import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.signup.domain.LegalTexts;
import io.proxima.signup.domain.Onboarding;
import io.proxima.signup.domain.OnboardingRepository;
import io.proxima.signup.domain.TermsAcceptance;
import io.proxima.tenancy.domain.MembershipRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first-run guide of a freelancer who signed up themselves (Keycloak's sign-up form, or GitHub
 * or Google), and the record of the legal texts they accepted. People who came another way (staff
 * invited by a tenant, accounts made before sign-up existed) are not shown the guide unless they
 * open it themselves.
 */
@ApplicationScoped
public class FreelancerOnboarding {

  /**
   * How the caller arrived, from their token: when they ticked the terms box of Keycloak's sign-up
   * form (absent for people who never saw it), and whether they signed in through an external
   * identity provider.
   */
  public record Arrival(Optional<Instant> signUpTermsAcceptedAt, boolean brokered) {

    boolean signedUpThemselves() {
      return signUpTermsAcceptedAt.isPresent() || brokered;
    }
  }

  /**
   * The guide as the portal shows it.
   *
   * @param onboarding empty when the guide is not offered to this person
   * @param acceptance the acceptance of the texts in force, if given
   */
  public record State(
      LegalTexts texts, Optional<Onboarding> onboarding, Optional<TermsAcceptance> acceptance) {}

  private final OnboardingRepository onboardings;
  private final MembershipRepository memberships;
  private final AuditLog audit;
  private final LegalTexts texts;
  private final Clock clock = Clock.systemUTC();

  protected FreelancerOnboarding() {
    this.onboardings = null;
    this.memberships = null;
    this.audit = null;
    this.texts = null;
  }

  @Inject
  public FreelancerOnboarding(
      OnboardingRepository onboardings,
      MembershipRepository memberships,
      AuditLog audit,
      @ConfigProperty(name = "proxima.legal.terms-version", defaultValue = "2026-12-01")
          String termsVersion,
      @ConfigProperty(name = "proxima.legal.privacy-version", defaultValue = "2026-12-01")
          String privacyVersion) {
    this.onboardings = onboardings;
    this.memberships = memberships;
    this.audit = audit;
    this.texts = new LegalTexts(termsVersion, privacyVersion);
  }

  /**
   * Where the caller's guide stands. The first call after sign-up starts it, and records the
   * acceptance Keycloak's form took, with Keycloak's time, under the versions in force.
   */
  @Transactional
  public State state(@NotNull Arrival arrival) {
    String subject = TenancyContext.current().requireSubject();
    Optional<TermsAcceptance> acceptance = currentAcceptance(subject);
    if (acceptance.isEmpty() && arrival.signUpTermsAcceptedAt().isPresent()) {
      TermsAcceptance recorded =
          TermsAcceptance.of(
              subject,
              texts,
              arrival.signUpTermsAcceptedAt().get(),
              TermsAcceptance.Source.SIGN_UP_FORM,
              clock.instant());
      onboardings.store(recorded);
      audit.record("terms.accepted", null, subject, "source=sign-up-form " + versions());
      acceptance = Optional.of(recorded);
    }
    Optional<Onboarding> onboarding = onboardings.find(subject);
    if (onboarding.isEmpty() && arrival.signedUpThemselves() && !isStaff(subject)) {
      Onboarding started = Onboarding.start(subject, acceptance.isPresent(), clock.instant());
      onboardings.store(started);
      onboarding = Optional.of(started);
    }
    onboarding.ifPresent(
        guide -> {
          if (currentAcceptance(subject).isPresent()) {
            guide.termsAccepted();
          }
        });
    return new State(texts, onboarding, acceptance);
  }

  /** The caller accepts the texts in force, in the portal (409 for any other version). */
  @Transactional
  public State acceptTerms(@NotBlank String termsVersion, @NotBlank String privacyVersion) {
    String subject = TenancyContext.current().requireSubject();
    texts.requireCurrent(termsVersion, privacyVersion);
    if (currentAcceptance(subject).isEmpty()) {
      onboardings.store(
          TermsAcceptance.of(
              subject, texts, clock.instant(), TermsAcceptance.Source.PORTAL, clock.instant()));
      audit.record("terms.accepted", null, subject, "source=portal " + versions());
    }
    Onboarding onboarding = openGuide(subject, true);
    onboarding.termsAccepted();
    return new State(texts, Optional.of(onboarding), currentAcceptance(subject));
  }

  /** Remembers the step the caller reached, so the guide resumes there. */
  @Transactional
  public State reach(@NotNull Onboarding.Step step) {
    String subject = TenancyContext.current().requireSubject();
    boolean accepted = currentAcceptance(subject).isPresent();
    Onboarding onboarding = openGuide(subject, accepted);
    onboarding.reach(step, accepted);
    return new State(texts, Optional.of(onboarding), currentAcceptance(subject));
  }

  /** Completes or skips the guide; it is not offered again. */
  @Transactional
  public State finish(@NotNull Onboarding.Outcome outcome) {
    String subject = TenancyContext.current().requireSubject();
    boolean accepted = currentAcceptance(subject).isPresent();
    Onboarding onboarding = openGuide(subject, accepted);
    onboarding.finish(outcome, accepted, clock.instant());
    return new State(texts, Optional.of(onboarding), currentAcceptance(subject));
  }

  /** A person opening the guide themselves gets one, even if it was not offered. */
  private Onboarding openGuide(String subject, boolean accepted) {
    return onboardings
        .find(subject)
        .orElseGet(
            () -> {
              Onboarding started = Onboarding.start(subject, accepted, clock.instant());
              onboardings.store(started);
              return started;
            });
  }

  private Optional<TermsAcceptance> currentAcceptance(String subject) {
    return onboardings.acceptances(subject).stream()
        .filter(acceptance -> acceptance.covers(texts))
        .findFirst();
  }

  private boolean isStaff(String subject) {
    return memberships.ofSubject(subject).stream().anyMatch(m -> m.isActive());
  }

  private String versions() {
    return "terms=" + texts.termsVersion() + " privacy=" + texts.privacyVersion();
  }
}
