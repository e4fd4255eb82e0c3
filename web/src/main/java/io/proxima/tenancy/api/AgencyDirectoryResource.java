package io.proxima.tenancy.api;

import io.proxima.platform.rest.RateLimit;
import io.proxima.tenancy.application.AgencyDirectory;
import io.proxima.tenancy.domain.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Agencies a freelancer can pick by name on the sharing page (see {@link AgencyDirectory}). */
@Path("/v1/agencies")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyDirectoryResource {

  /** An agency as its public login page shows it. */
  public record ListedAgency(
      @Schema(required = true, example = "sakura") String slug,
      @Schema(required = true, example = "さくらタレント") String displayName,
      @Schema(example = "https://example.jp/sakura.png") String logoUrl,
      @Schema(required = true, example = "#c2185b") String primaryColor,
      @Schema(
              required = true,
              description = "its purpose of use of shared profiles, shown before sharing",
              example = "案件のご紹介と契約手続きのため")
          String sharingPurpose) {

    static ListedAgency of(Tenant tenant) {
      return new ListedAgency(
          tenant.slug().value(),
          tenant.branding().displayName(),
          tenant.branding().logoUrl(),
          tenant.branding().primaryColor(),
          tenant.sharingPurpose());
    }
  }

  @Inject AgencyDirectory directory;

  // Bounded like every search, so the directory cannot be walked quickly letter by letter.
  @RateLimit("search")
  @GET
  @Operation(summary = "Active agencies whose name contains the text, to share a profile with")
  public List<ListedAgency> search(
      @Parameter(description = "part of the agency's name", example = "さくら") @QueryParam("q")
          String q) {
    return directory.search(q).stream().map(ListedAgency::of).toList();
  }
}
