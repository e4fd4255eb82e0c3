package io.proxima.signup.api;

import io.proxima.signup.application.FreelancerOnboarding;
import io.proxima.signup.domain.Onboarding;
import io.proxima.signup.domain.TermsAcceptance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's first-run guide and the legal texts they accepted. */
@Path("/v1/me/onboarding")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MyOnboardingResource {

  /** The claim Keycloak adds for people who came through an external provider. */
  static final String PROVIDER_CLAIM = "identity_provider";

  public record TermsRequest(
      @NotBlank
          @Size(max = 32)
          @Schema(required = true, description = "the terms version shown", example = "2026-12-01")
          String termsVersion,
      @NotBlank
          @Size(max = 32)
          @Schema(
              required = true,
              description = "the privacy policy version shown",
              example = "2026-12-01")
          String privacyVersion) {}

  public record StepRequest(
      @NotNull
          @Pattern(regexp = "TERMS|PROFILE|AVAILABILITY|SHARING", message = "is not a step")
          @Schema(
              required = true,
              enumeration = {"TERMS", "PROFILE", "AVAILABILITY", "SHARING"},
              example = "AVAILABILITY")
          String step) {}

  public record FinishRequest(
      @NotNull
          @Pattern(regexp = "COMPLETED|SKIPPED", message = "must be COMPLETED or SKIPPED")
          @Schema(
              required = true,
              enumeration = {"COMPLETED", "SKIPPED"},
              example = "COMPLETED")
          String outcome) {}

  /**
   * @param offered whether the guide is for this person (they signed up themselves, or opened it)
   * @param show whether the portal should show it now (offered and not finished)
   */
  public record OnboardingView(
      boolean offered,
      boolean show,
      String step,
      Instant startedAt,
      Instant finishedAt,
      String outcome,
      String termsVersion,
      String privacyVersion,
      boolean termsAccepted,
      Instant termsAcceptedAt,
      String termsAcceptedVia) {

    static OnboardingView of(FreelancerOnboarding.State state) {
      Optional<Onboarding> guide = state.onboarding();
      Optional<TermsAcceptance> accepted = state.acceptance();
      return new OnboardingView(
          guide.isPresent(),
          guide.map(g -> g.finishedAt().isEmpty()).orElse(false),
          guide.map(g -> g.step().name()).orElse(null),
          guide.map(Onboarding::startedAt).orElse(null),
          guide.flatMap(Onboarding::finishedAt).orElse(null),
          guide.flatMap(Onboarding::outcome).map(Enum::name).orElse(null),
          state.texts().termsVersion(),
          state.texts().privacyVersion(),
          accepted.isPresent(),
          accepted.map(TermsAcceptance::acceptedAt).orElse(null),
          accepted.map(a -> a.source().name()).orElse(null));
    }
  }

  @Inject FreelancerOnboarding onboarding;
  @Inject JsonWebToken token;

  @GET
  @Operation(
      summary = "The caller's first-run guide",
      description =
          "Started by the first call of someone who signed up themselves; records the terms"
              + " acceptance Keycloak's sign-up form took, with its time.")
  public OnboardingView state() {
    return OnboardingView.of(onboarding.state(arrival()));
  }

  @PUT
  @Path("terms")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Accept the terms of use and the privacy policy in force",
      description = "409 when the versions named are not the ones in force.")
  public OnboardingView acceptTerms(@NotNull @Valid TermsRequest request) {
    return OnboardingView.of(
        onboarding.acceptTerms(request.termsVersion(), request.privacyVersion()));
  }

  @PUT
  @Path("step")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Remember the step the caller reached, so the guide resumes there")
  public OnboardingView reach(@NotNull @Valid StepRequest request) {
    return OnboardingView.of(onboarding.reach(Onboarding.Step.valueOf(request.step())));
  }

  @POST
  @Path("finish")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Complete or skip the guide; it is not shown again")
  public OnboardingView finish(@NotNull @Valid FinishRequest request) {
    return OnboardingView.of(onboarding.finish(Onboarding.Outcome.valueOf(request.outcome())));
  }

  private FreelancerOnboarding.Arrival arrival() {
    Object provider = token.getClaim(PROVIDER_CLAIM);
    return new FreelancerOnboarding.Arrival(provider != null && !provider.toString().isBlank());
  }
}
