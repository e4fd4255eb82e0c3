package io.proxima.signup.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.proxima.platform.audit.AuditLog;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.signup.domain.LegalTexts;
import io.proxima.signup.domain.Onboarding;
import io.proxima.signup.domain.OnboardingRepository;
import io.proxima.signup.domain.SignUpRealm;
import io.proxima.signup.domain.TermsAcceptance;
import io.proxima.tenancy.domain.MembershipRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
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
   * How the caller arrived, from their token: whether they signed in through an external identity
   * provider. Whether they registered through the sign-up form is Keycloak's record, not a claim.
   */
  public record Arrival(boolean brokered) {}

  /**
   * The guide as the portal shows it.
   *
   * @param onboarding empty when the guide is not offered to this person
   * @param acceptance the acceptance of the texts in force, if given
   */
  public record State(
      LegalTexts texts, Optional<Onboarding> onboarding, Optional<TermsAcceptance> acceptance) {}

  private static final Logger LOG = Logger.getLogger(FreelancerOnboarding.class.getName());

  private final OnboardingRepository onboardings;
  private final MembershipRepository memberships;
  private final SignUpRealm realm;
  private final AuditLog audit;
  private final LegalTexts texts;
  private final Clock clock = Clock.systemUTC();

  /**
   * Accounts Keycloak has no form registration for. That never changes for an account, so asking
   * once per node and hour is enough; the guide is fetched on every portal load.
   */
  private final Cache<String, Boolean> notRegisteredThroughForm =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(1)).build();

  protected FreelancerOnboarding() {
    this.onboardings = null;
    this.memberships = null;
    this.realm = null;
    this.audit = null;
    this.texts = null;
  }

  @Inject
  public FreelancerOnboarding(
      OnboardingRepository onboardings,
      MembershipRepository memberships,
      SignUpRealm realm,
      AuditLog audit,
      @ConfigProperty(name = "proxima.legal.terms-version", defaultValue = "2026-12-01")
          String termsVersion,
      @ConfigProperty(name = "proxima.legal.privacy-version", defaultValue = "2026-12-01")
          String privacyVersion) {
    this.onboardings = onboardings;
    this.memberships = memberships;
    this.realm = realm;
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
    Optional<Instant> registered = Optional.empty();
    if (acceptance.isEmpty() && !arrival.brokered()) {
      registered = registeredThroughForm(subject);
      if (registered.isPresent()) {
        TermsAcceptance recorded =
            TermsAcceptance.of(
                subject,
                texts,
                registered.get(),
                TermsAcceptance.Source.SIGN_UP_FORM,
                clock.instant());
        onboardings.store(recorded);
        audit.record("terms.accepted", null, subject, "source=sign-up-form " + versions());
        acceptance = Optional.of(recorded);
      }
    }
    Optional<Onboarding> onboarding = onboardings.find(subject);
    boolean signedUpThemselves = arrival.brokered() || registered.isPresent();
    if (onboarding.isEmpty() && signedUpThemselves && !isStaff(subject)) {
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

  /**
   * Keycloak's record of a form registration. The form refuses an unticked terms box, so the
   * registration's time is when the terms were accepted. While Keycloak cannot be asked, the guide
   * waits: nothing is recorded and nothing is remembered.
   */
  private Optional<Instant> registeredThroughForm(String subject) {
    if (notRegisteredThroughForm.getIfPresent(subject) != null) {
      return Optional.empty();
    }
    try {
      Optional<Instant> registered = realm.registeredThroughFormAt(subject);
      if (registered.isEmpty()) {
        notRegisteredThroughForm.put(subject, Boolean.TRUE);
      }
      return registered;
    } catch (RuntimeException unreachable) {
      LOG.warning("cannot read the registration of " + subject + ": " + unreachable.getMessage());
      return Optional.empty();
    }
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
