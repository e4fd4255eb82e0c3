package io.proxima.identity.api;

import io.proxima.identity.application.IdentityService;
import io.proxima.identity.domain.UserAccount;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/v1/me")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
public class MeResource {

  /** The caller as the platform knows them. */
  public record Me(
      UUID id,
      String subject,
      String username,
      String email,
      String displayName,
      Set<String> roles,
      Instant firstSeenAt,
      Instant lastSeenAt) {}

  private final IdentityService identity;
  private final JsonWebToken token;

  @Inject
  public MeResource(IdentityService identity, JsonWebToken token) {
    this.identity = identity;
    this.token = token;
  }

  /** For CDI proxies only. */
  protected MeResource() {
    this(null, null);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The signed-in caller, recorded on first call")
  @APIResponse(responseCode = "200", description = "the caller")
  @APIResponse(responseCode = "401", description = "no or invalid bearer token")
  public Me me() {
    UserAccount account = identity.resolveCaller(CallerClaims.of(token));
    return new Me(
        account.id(),
        account.subject(),
        account.username(),
        account.email(),
        account.displayName(),
        token.getGroups(),
        account.firstSeenAt(),
        account.lastSeenAt());
  }
}
