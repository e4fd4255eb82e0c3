package io.proxima.privacy.console;

import io.proxima.console.PlatformConsole;
import io.proxima.platform.privacy.MasterKeyRotation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The master keys that wrap every freelancer's and tenant's data key, for platform admins: see
 * them, rotate (new current key, every data key rewrapped, no downtime), retire an unused one.
 */
@PlatformConsole
@Path("/v1/platform/privacy/master-keys")
@RequestScoped
@RolesAllowed("platform-admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MasterKeysResource {

  private final MasterKeyRotation rotation;

  /** For the CDI client proxy only. */
  protected MasterKeysResource() {
    this(null);
  }

  @Inject
  public MasterKeysResource(MasterKeyRotation rotation) {
    this.rotation = rotation;
  }

  @GET
  @Operation(summary = "The master keys, the current one, and how many data keys each wraps")
  public MasterKeyRotation.State state() {
    return rotation.state();
  }

  @POST
  @Path("rotation")
  @Operation(
      summary =
          "Makes a new current master key and rewraps every data key with it; the old key keeps"
              + " unwrapping until retired")
  public MasterKeyRotation.Rotated rotate() {
    return rotation.rotate();
  }

  @DELETE
  @Path("{keyId}")
  @Operation(
      summary =
          "Retires a master key no data key depends on (409 while any does, or while current)")
  public MasterKeyRotation.State retire(@PathParam("keyId") String keyId) {
    return rotation.retire(keyId);
  }
}
