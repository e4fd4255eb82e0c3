package io.proxima.signup.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OnboardingTest {

  private static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");

  @Test
  void startsAtTheTermsUnlessTheSignUpFormTookThem() {
    assertThat(Onboarding.start("s", false, NOW).step()).isEqualTo(Onboarding.Step.TERMS);
    assertThat(Onboarding.start("s", true, NOW).step()).isEqualTo(Onboarding.Step.PROFILE);
  }

  @Test
  void neitherMovingOnNorSkippingGetsPastTheTerms() {
    Onboarding guide = Onboarding.start("s", false, NOW);
    assertThatThrownBy(() -> guide.reach(Onboarding.Step.SHARING, false))
        .isInstanceOf(DomainException.Conflict.class);
    assertThatThrownBy(() -> guide.finish(Onboarding.Outcome.SKIPPED, false, NOW))
        .isInstanceOf(DomainException.Conflict.class);
    guide.termsAccepted();
    assertThat(guide.step()).isEqualTo(Onboarding.Step.PROFILE);
  }

  @Test
  void aFinishedGuideStaysFinished() {
    Onboarding guide = Onboarding.start("s", true, NOW);
    guide.reach(Onboarding.Step.AVAILABILITY, true);
    guide.finish(Onboarding.Outcome.SKIPPED, true, NOW);
    guide.reach(Onboarding.Step.SHARING, true);
    guide.finish(Onboarding.Outcome.COMPLETED, true, NOW.plusSeconds(1));
    assertThat(guide.step()).isEqualTo(Onboarding.Step.DONE);
    assertThat(guide.outcome()).contains(Onboarding.Outcome.SKIPPED);
    assertThat(guide.finishedAt()).contains(NOW);
  }

  @Test
  void onlyTheVersionsInForceCanBeAccepted() {
    LegalTexts texts = new LegalTexts("2026-12-01", "2026-12-01");
    texts.requireCurrent("2026-12-01", "2026-12-01");
    assertThatThrownBy(() -> texts.requireCurrent("2020-01-01", "2026-12-01"))
        .isInstanceOf(DomainException.Conflict.class);
    assertThatThrownBy(() -> new LegalTexts("bad version!", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
