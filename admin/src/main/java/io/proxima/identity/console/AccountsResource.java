package io.proxima.identity.console;

import io.proxima.console.PlatformConsole;
import io.proxima.identity.application.IdentityService;
import io.proxima.identity.domain.UserAccount;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** People who have used the platform, most recently active first. */
@PlatformConsole
@Path("/v1/platform/accounts")
@RequestScoped
@RolesAllowed("platform-admin")
@SecurityRequirement(name = "bearer")
public class AccountsResource {

  public record Account(
      UUID id,
      String username,
      String email,
      String displayName,
      Instant firstSeenAt,
      Instant lastSeenAt) {

    static Account of(UserAccount account) {
      return new Account(
          account.id(),
          account.username(),
          account.email(),
          account.displayName(),
          account.firstSeenAt(),
          account.lastSeenAt());
    }
  }

  private final IdentityService identity;

  @Inject
  public AccountsResource(IdentityService identity) {
    this.identity = identity;
  }

  /** For CDI proxies only. */
  protected AccountsResource() {
    this(null);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Accounts, most recently active first")
  public List<Account> recentlySeen(
      // Bounds are checked by the service; Payara's OpenAPI generator fails on @Max here.
      @QueryParam("limit")
          @DefaultValue("50")
          @Parameter(
              description = "how many, 1 to 500",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
          int limit) {
    return identity.recentlySeen(limit).stream().map(Account::of).toList();
  }
}
