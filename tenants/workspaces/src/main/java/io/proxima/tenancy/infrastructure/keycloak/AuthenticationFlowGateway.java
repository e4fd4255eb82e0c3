package io.proxima.tenancy.infrastructure.keycloak;

import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.call;
import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.expectSuccess;
import static io.proxima.tenancy.infrastructure.keycloak.KeycloakResponses.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;

/**
 * The realm's authentication flows. Tenants that require TOTP share one copy of the realm's browser
 * flow in which the OTP step is required for everybody (the stock flow asks only users who already
 * set up OTP); a tenant's client points its browser binding at that copy.
 */
@ApplicationScoped
public class AuthenticationFlowGateway {

  /** The flow's name in the realm; tenants' clients refer to it by id. */
  static final String TOTP_BROWSER_FLOW = "proxima browser with required TOTP";

  private static final String OTP_FORM = "auth-otp-form";
  private static final String REGISTRATION_FLOW = "registration";
  private static final String REQUIRED = "REQUIRED";
  private static final Logger LOG = Logger.getLogger(AuthenticationFlowGateway.class.getName());

  private final KeycloakAdminClientProvider keycloak;

  protected AuthenticationFlowGateway() {
    this(null);
  }

  @Inject
  public AuthenticationFlowGateway(KeycloakAdminClientProvider keycloak) {
    this.keycloak = keycloak;
  }

  /** The id of the browser flow with required TOTP, copied from the realm's browser flow once. */
  public String ensureTotpBrowserFlow() {
    AuthenticationManagementResource flows = keycloak.realm().flows();
    if (findFlowId(flows).isEmpty()) {
      String browserFlow =
          call("read realm", () -> keycloak.realm().toRepresentation()).getBrowserFlow();
      try {
        expectSuccess(
            "copy flow " + browserFlow,
            () -> flows.copy(browserFlow, Map.of("newName", TOTP_BROWSER_FLOW)));
        LOG.info(() -> "Created flow '" + TOTP_BROWSER_FLOW + "' from '" + browserFlow + "'");
      } catch (KeycloakCallException e) {
        if (!e.isConflict()) {
          throw e;
        }
        // another node copied it meanwhile
      }
    }
    // Every time, not only after the copy: a copy left half-adjusted by a failed call is repaired.
    requireOtp(flows);
    return findFlowId(flows)
        .orElseThrow(() -> new IllegalStateException("flow " + TOTP_BROWSER_FLOW + " vanished"));
  }

  /**
   * Makes a step of the realm's registration form required (a stock realm has the terms step
   * disabled). Fails when the realm's registration flow has no such step.
   */
  public void requireOnRegistrationForm(String providerId) {
    AuthenticationManagementResource flows = keycloak.realm().flows();
    List<AuthenticationExecutionInfoRepresentation> executions =
        call("read registration flow", () -> flows.getExecutions(REGISTRATION_FLOW));
    AuthenticationExecutionInfoRepresentation execution =
        executions.stream()
            .filter(candidate -> providerId.equals(candidate.getProviderId()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the realm's registration flow has no " + providerId + " step"));
    if (!REQUIRED.equals(execution.getRequirement())) {
      execution.setRequirement(REQUIRED);
      run(
          "require " + providerId + " on the registration form",
          () -> flows.updateExecutions(REGISTRATION_FLOW, execution));
      LOG.info(() -> providerId + " required on the registration form");
    }
  }

  private Optional<String> findFlowId(AuthenticationManagementResource flows) {
    return call("list flows", flows::getFlows).stream()
        .filter(flow -> TOTP_BROWSER_FLOW.equals(flow.getAlias()))
        .map(AuthenticationFlowRepresentation::getId)
        .findFirst();
  }

  /**
   * Makes the OTP form, and the conditional sub-flow around it, required. Conditions inside a
   * required sub-flow are not evaluated, so a user without OTP is sent to set it up.
   */
  private void requireOtp(AuthenticationManagementResource flows) {
    List<AuthenticationExecutionInfoRepresentation> executions =
        call(
            "read executions of " + TOTP_BROWSER_FLOW,
            () -> flows.getExecutions(TOTP_BROWSER_FLOW));
    int otp = -1;
    for (int i = 0; i < executions.size(); i++) {
      if (OTP_FORM.equals(executions.get(i).getProviderId())) {
        otp = i;
        break;
      }
    }
    if (otp < 0) {
      throw new IllegalStateException(
          "the realm's browser flow has no OTP form to require (flow " + TOTP_BROWSER_FLOW + ")");
    }
    // Executions come depth first: the enclosing flows are the nearest earlier ones one level up.
    int level = executions.get(otp).getLevel();
    for (int i = otp; i >= 0 && level >= 0; i--) {
      AuthenticationExecutionInfoRepresentation execution = executions.get(i);
      if (execution.getLevel() != level) {
        continue;
      }
      if (i == otp || "CONDITIONAL".equals(execution.getRequirement())) {
        require(flows, execution);
      }
      level--;
    }
  }

  private void require(
      AuthenticationManagementResource flows, AuthenticationExecutionInfoRepresentation execution) {
    if (REQUIRED.equals(execution.getRequirement())) {
      return;
    }
    execution.setRequirement(REQUIRED);
    run(
        "require " + execution.getDisplayName() + " in " + TOTP_BROWSER_FLOW,
        () -> flows.updateExecutions(TOTP_BROWSER_FLOW, execution));
  }
}
