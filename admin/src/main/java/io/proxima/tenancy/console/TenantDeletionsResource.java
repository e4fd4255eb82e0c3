package io.proxima.tenancy.console;

import io.proxima.console.PlatformConsole;
import io.proxima.privacy.application.StaffIdentityRemovals;
import io.proxima.tenancy.application.TenantDeletions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The schedule's work on demand, for operators: erase now every closed tenant whose retention
 * period has passed (never one still within it).
 */
@PlatformConsole
@Path("/v1/platform/tenant-deletions")
@RequestScoped
@RolesAllowed("platform-admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class TenantDeletionsResource {

  /**
   * A tenant whose personal data was erased, how many consents ended with it, and how many of its
   * staff left Keycloak now (the others are retried).
   */
  public record ErasedView(UUID tenantId, String slug, int consentsEnded, int staffRemoved) {}

  @Inject TenantDeletions deletions;
  @Inject StaffIdentityRemovals staff;

  @POST
  @Operation(
      summary =
          "Erase the personal data of every closed tenant past its retention period, now (the"
              + " schedule does the same every proxima.tenants.deletion-check-minutes)")
  public List<ErasedView> run() {
    List<ErasedView> erased = new ArrayList<>();
    for (UUID tenantId : deletions.due(Instant.now())) {
      TenantDeletions.Erased done = deletions.erase(tenantId);
      // Committed: Keycloak's users go now, or with the retries if it is down.
      int removed = staff.remove(done.staffLeaving());
      erased.add(new ErasedView(done.tenantId(), done.slug(), done.consentsEnded(), removed));
    }
    return erased;
  }
}
