package io.proxima.signup.domain;

import java.util.List;
import java.util.Optional;

/** A person's own onboarding and terms acceptances; row-level security keeps them theirs. */
public interface OnboardingRepository {

  Optional<Onboarding> find(String freelancerSubject);

  void store(Onboarding onboarding);

  /** Newest first. */
  List<TermsAcceptance> acceptances(String freelancerSubject);

  void store(TermsAcceptance acceptance);
}
