package io.proxima.identity.api;

import io.proxima.identity.application.IdentityService;
import io.proxima.identity.domain.UserAccount;
import io.proxima.platform.error.DomainException;
import io.proxima.privacy.application.AccountErasure;
import io.proxima.web.tenancy.ErasedAccounts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

  /** The one value that confirms a deletion: typed on purpose, never a default. */
  static final String CONFIRMATION = "DELETE_MY_ACCOUNT";

  /**
   * What the deletion did. {@code identityRemoved} false: Keycloak did not answer; the account can
   * no longer be used and its removal there is retried.
   */
  public record Deletion(String erasure, Instant erasedAt, boolean identityRemoved) {}

  private final IdentityService identity;
  private final AccountErasure erasure;
  private final ErasedAccounts erasedAccounts;
  private final JsonWebToken token;

  @Inject
  public MeResource(
      IdentityService identity,
      AccountErasure erasure,
      ErasedAccounts erasedAccounts,
      JsonWebToken token) {
    this.identity = identity;
    this.erasure = erasure;
    this.erasedAccounts = erasedAccounts;
    this.token = token;
  }

  /** For CDI proxies only. */
  protected MeResource() {
    this(null, null, null, null);
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

  @DELETE
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Delete the caller's freelancer account for good (APPI erasure)",
      description =
          "Erases the caller's personal data everywhere (profile, skill sheets and their files,"
              + " availability, sharing, messages they wrote, applications' notes, saved searches,"
              + " favourites, notifications, calendar, onboarding), destroys their data key,"
              + " removes their Keycloak user and records the erasure in the audit chain by a"
              + " pseudonym. Issued invoices and signed contracts are kept (電子帳簿保存法, 7 years);"
              + " tenants see 「退会したユーザー」. Staff accounts are refused.")
  @APIResponse(responseCode = "200", description = "erased")
  @APIResponse(responseCode = "400", description = "no or another confirmation")
  @APIResponse(
      responseCode = "401",
      description = "no or invalid bearer token, or a deleted account")
  @APIResponse(responseCode = "403", description = "a staff or platform account")
  public Deletion delete(
      // A query parameter, not a body: the server refuses a payload on DELETE.
      @Parameter(
              description = "DELETE_MY_ACCOUNT: the caller knows the deletion cannot be undone",
              required = true,
              example = CONFIRMATION,
              schema = @Schema(enumeration = {CONFIRMATION}))
          @QueryParam("confirm")
          String confirm) {
    if (!CONFIRMATION.equals(confirm)) {
      throw new DomainException.InvalidValue(
          "confirm", "confirm must be " + CONFIRMATION + ": a deletion cannot be undone");
    }
    if (token.getGroups() != null && token.getGroups().contains("platform-admin")) {
      throw new DomainException.Refused("A platform administrator's account is not deleted here.");
    }
    String subject = token.getSubject();
    AccountErasure.Erased done = erasure.finish(subject, erasure.erase(subject));
    erasedAccounts.erased(subject);
    return new Deletion(done.pseudonym(), done.erasedAt(), done.identityRemoved());
  }
}
