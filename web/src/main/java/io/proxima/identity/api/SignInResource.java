package io.proxima.identity.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where the platform's own pages (a freelancer's, outside any tenant) sign in: the issuer and the
 * platform's public client. A tenant's portal reads its own client from its branding.
 */
@Path("/v1/sign-in")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SignInResource {

  public record SignIn(String issuer, String clientId) {}

  private final String issuer;
  private final String clientId;

  @Inject
  public SignInResource(
      @ConfigProperty(name = "proxima.oidc.issuer") String issuer,
      @ConfigProperty(name = "proxima.portal.client-id", defaultValue = "proxima-portal")
          String clientId) {
    this.issuer = issuer;
    this.clientId = clientId;
  }

  /** For CDI's proxy. */
  protected SignInResource() {
    this(null, null);
  }

  @GET
  @PermitAll
  @Operation(
      summary = "The identity provider and client the platform's pages sign in with (public)")
  public SignIn signIn() {
    return new SignIn(issuer, clientId);
  }
}
