package io.proxima.integrations.api;

import static io.proxima.platform.rest.RequestBodies.required;

import io.proxima.integrations.api.IntegrationViews.IssuedKeyView;
import io.proxima.integrations.api.IntegrationViews.KeyRequest;
import io.proxima.integrations.api.IntegrationViews.KeyView;
import io.proxima.integrations.api.IntegrationViews.RotateRequest;
import io.proxima.integrations.application.ApiKeys;
import io.proxima.web.tenancy.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The tenant's API keys, for its administrators (a key cannot manage keys). */
@Path("/v1/api-keys")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeysResource {

  @Inject ApiKeys keys;

  @GET
  @Operation(summary = "The tenant's API keys, newest first; never their secrets")
  public List<KeyView> list() {
    return keys.list().stream().map(KeyView::of).toList();
  }

  @POST
  @Operation(summary = "Create a key with scopes; the answer carries its secret, shown this once")
  public Response create(@Valid KeyRequest request) {
    KeyRequest body = required(request);
    return Response.status(Response.Status.CREATED)
        .entity(IssuedKeyView.of(keys.create(body.name(), body.scopes())))
        .build();
  }

  @POST
  @Path("{keyId}/rotate")
  @Operation(
      summary =
          "A new secret, shown this once; the previous one works for overlapMinutes more (0-1440)")
  public IssuedKeyView rotate(@PathParam("keyId") UUID id, @Valid RotateRequest request) {
    Integer overlap = request == null ? null : request.overlapMinutes();
    return IssuedKeyView.of(keys.rotate(id, overlap == null ? 0 : overlap));
  }

  @POST
  @Path("{keyId}/revoke")
  @Operation(summary = "Revoke the key at once; calls with it answer 401 from then on")
  public KeyView revoke(@PathParam("keyId") UUID id) {
    return KeyView.of(keys.revoke(id));
  }
}
